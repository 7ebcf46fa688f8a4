package io.leadgate.console.settings;

import io.leadgate.console.Common;
import io.leadgate.console.Html;
import io.leadgate.console.Page;
import io.leadgate.console.Pages;
import io.leadgate.console.Refusals;
import io.leadgate.lead.JunkReason;
import io.leadgate.lead.LeadStatusDef;
import io.leadgate.people.Role;
import io.leadgate.pipeline.CatalogEdits;
import io.leadgate.pipeline.LeadLifecycle;
import io.leadgate.pipeline.LossReason;
import io.leadgate.pipeline.LossReasons;
import io.leadgate.pipeline.PipelineException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * Administrators only: the junk reasons, loss reasons and lead statuses operators choose from: adding, renaming and
 * deleting entries ({@link CatalogEdits})
 * (the services of {@code /api/junk-reasons}, {@code /api/loss-reasons}, {@code /api/lead-statuses}).
 */
@Path("/console/settings/lists")
@RolesAllowed(Role.ADMIN_ROLE)
@Produces(Html.TYPE)
public class ListsResource {

    /** The three lists. */
    public record Lists(List<JunkReason> junk, List<LossReason> loss, List<LeadStatusDef> statuses) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance lists(Page page, Lists lists);

        static native TemplateInstance changed(Page page, Lists lists, String done);
    }

    private final LeadLifecycle leads;
    private final LossReasons lossReasons;
    private final CatalogEdits edits;
    private final Pages pages;

    ListsResource(LeadLifecycle leads, LossReasons lossReasons, CatalogEdits edits, Pages pages) {
        this.leads = leads;
        this.lossReasons = lossReasons;
        this.edits = edits;
        this.pages = pages;
    }

    @GET
    public Response page() {
        Page page = pages.page("settings");
        return Html.ok(Templates.lists(page, lists()), page);
    }

    @POST
    @Path("junk-reasons")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addJunkReason(@FormParam("code") String code, @FormParam("name") String name) {
        return change(() -> leads.addReason(code, name, pages.actor()));
    }

    @POST
    @Path("loss-reasons")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addLossReason(@FormParam("code") String code, @FormParam("name") String name) {
        return change(() -> lossReasons.add(code, name, pages.actor()));
    }

    @POST
    @Path("lead-statuses")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addStatus(@FormParam("code") String code, @FormParam("name") String name,
                              @FormParam("semantics") String semantics) {
        return change(() -> leads.addStatus(code, name, semantics, pages.actor()));
    }

    @POST
    @Path("{list}/{code}/rename")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rename(@PathParam("list") String list, @PathParam("code") String code,
                           @FormParam("name") String name) {
        return change(() -> {
            switch (list) {
                case "junk-reasons" -> edits.renameJunkReason(code, name, pages.actor());
                case "loss-reasons" -> edits.renameLossReason(code, name, pages.actor());
                case "lead-statuses" -> edits.renameStatus(code, name, pages.actor());
                default -> throw PipelineException.notFound("no list " + list);
            }
        }, "entry_renamed");
    }

    /** Deletes an entry; one still in use only with {@code moveTo} (otherwise the flash names the count). */
    @POST
    @Path("{list}/{code}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("list") String list, @PathParam("code") String code,
                           @FormParam("moveTo") String moveTo) {
        return change(() -> {
            switch (list) {
                case "junk-reasons" -> edits.deleteJunkReason(code, moveTo, pages.actor());
                case "loss-reasons" -> edits.deleteLossReason(code, moveTo, pages.actor());
                case "lead-statuses" -> edits.deleteStatus(code, moveTo, pages.actor());
                default -> throw PipelineException.notFound("no list " + list);
            }
        }, "entry_deleted");
    }

    private Response change(Runnable action) {
        return change(action, "entry_added");
    }

    private Response change(Runnable action, String done) {
        Page page = pages.page("settings");
        try {
            action.run();
        } catch (PipelineException e) {
            return Html.noSwap(Common.flash(page, Refusals.text(e, page.locale()), true), page);
        }
        return Html.ok(Templates.changed(page, lists(), done), page);
    }

    private Lists lists() {
        return new Lists(leads.reasons(), lossReasons.list(), leads.statuses());
    }
}
