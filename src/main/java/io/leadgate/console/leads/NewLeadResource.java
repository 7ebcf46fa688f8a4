package io.leadgate.console.leads;

import io.leadgate.console.Choices;
import io.leadgate.console.Common;
import io.leadgate.console.Html;
import io.leadgate.console.Page;
import io.leadgate.console.Pages;
import io.leadgate.console.Refusals;
import io.leadgate.intake.ManualLeads;
import io.leadgate.people.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** A lead entered by hand (a walk-in, a call noted on paper): the same write path as a hook, via {@link ManualLeads}. */
@Path("/console/leads/new")
@RolesAllowed({Role.ADMIN_ROLE, Role.MANAGER_ROLE})
@Produces(Html.TYPE)
public class NewLeadResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Page page, Choices.Options options);
    }

    private final ManualLeads manual;
    private final Pages pages;
    private final Choices choices;

    NewLeadResource(ManualLeads manual, Pages pages, Choices choices) {
        this.manual = manual;
        this.pages = pages;
        this.choices = choices;
    }

    @GET
    public Response form() {
        Page page = pages.page("new-lead");
        return Html.ok(Templates.form(page, choices.options()), page);
    }

    /** Creates the lead and opens the contact's card. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("name") String name, @FormParam("phone") String phone,
                           @FormParam("email") String email, @FormParam("text") String text,
                           @FormParam("channelId") String channelId, @FormParam("source") String source) {
        Page page = pages.page("new-lead");
        try {
            ManualLeads.Created created = manual.create(new ManualLeads.Entry(name, list(phone), list(email), text,
                    channelId, source), pages.actor());
            return Html.redirect("/console/contacts/" + created.contactId());
        } catch (ManualLeads.Refused e) {
            return Html.noSwap(Common.flash(page, Refusals.text(e, page.locale()), true), page);
        }
    }

    private static List<String> list(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value);
    }
}
