package io.leadgate.console.inbox;

import io.leadgate.console.Choices;
import io.leadgate.console.Common;
import io.leadgate.console.Html;
import io.leadgate.console.Page;
import io.leadgate.console.Pages;
import io.leadgate.console.Refusals;
import io.leadgate.people.Role;
import io.leadgate.pipeline.LeadLifecycle;
import io.leadgate.pipeline.PipelineException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.function.Supplier;

/** The inbox: new leads, newest first, with filters, live arrivals and the lead actions (accept, junk, assign). */
@Path("/console")
@RolesAllowed({Role.ADMIN_ROLE, Role.MANAGER_ROLE})
@Produces(Html.TYPE)
public class InboxResource {

    /** The inbox's data: the filter as typed, the page of leads, the live cursor and the pickers. */
    public record InboxView(InboxParams filter, InboxPage leads, long cursor, Choices.Options options, int liveEvery) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(Page page, InboxView view);

        static native TemplateInstance rows(Page page, InboxView view);

        static native TemplateInstance live(Page page, InboxView view, java.util.List<InboxRow> arrived);

        static native TemplateInstance row(Page page, InboxRow r, Choices.Options options);
    }

    private final InboxQuery inbox;
    private final Pages pages;
    private final Choices choices;
    private final LeadLifecycle leads;
    private final io.leadgate.config.LeadgateConfig config;

    InboxResource(InboxQuery inbox, Pages pages, Choices choices, LeadLifecycle leads,
                  io.leadgate.config.LeadgateConfig config) {
        this.inbox = inbox;
        this.pages = pages;
        this.choices = choices;
        this.leads = leads;
        this.config = config;
    }

    @GET
    @Path("inbox")
    public Response page(@BeanParam InboxParams params) {
        Page page = pages.page("inbox");
        long cursor = inbox.cursor();
        InboxView view = new InboxView(params, inbox.page(params.filter(page.zone()), null), cursor, choices.options(),
                config.console().liveEverySeconds());
        return Html.ok(Templates.inbox(page, view), page);
    }

    /** The next page of lines ("show more"). */
    @GET
    @Path("inbox/rows")
    public Response rows(@BeanParam InboxParams params, @QueryParam("before") String before) {
        Page page = pages.page("inbox");
        InboxView view = new InboxView(params, inbox.page(params.filter(page.zone()), before), 0, choices.options(),
                config.console().liveEverySeconds());
        return Html.ok(Templates.rows(page, view), page);
    }

    /** Polled by the open inbox: leads that arrived after the cursor (on any replica), prepended out of band. */
    @GET
    @Path("inbox/live")
    public Response live(@BeanParam InboxParams params, @QueryParam("after") long after) {
        Page page = pages.page("inbox");
        InboxQuery.Arrivals arrivals = inbox.arrivedAfter(after, params.filter(page.zone()));
        InboxView view = new InboxView(params, new InboxPage(java.util.List.of(), null), arrivals.cursor(),
                arrivals.rows().isEmpty() ? null : choices.options(), config.console().liveEverySeconds());
        return Html.ok(Templates.live(page, view, arrivals.rows()), page);
    }

    @POST
    @Path("leads/{id}/convert")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response convert(@PathParam("id") long id, @FormParam("stageId") String stageId) {
        return act(id, () -> leads.convert(id, new LeadLifecycle.Conversion(null, stageId, null, null, null),
                pages.actor()));
    }

    @POST
    @Path("leads/{id}/junk")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response junk(@PathParam("id") long id, @FormParam("reason") String reason) {
        return act(id, () -> leads.junk(id, reason, pages.actor()));
    }

    @POST
    @Path("leads/{id}/assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(@PathParam("id") long id, @FormParam("manager") String manager) {
        return act(id, () -> leads.assign(id, manager, pages.actor()));
    }

    /** Runs a lead action; answers the changed line, or leaves it and shows why the action was refused. */
    private Response act(long id, Supplier<?> action) {
        Page page = pages.page("inbox");
        try {
            action.get();
        } catch (PipelineException e) {
            return Html.noSwap(Common.flash(page, Refusals.text(e, page.locale()), true), page);
        }
        InboxRow row = inbox.row(id);
        return Html.ok(Templates.row(page, row, choices.options()), page);
    }
}
