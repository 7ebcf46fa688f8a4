package io.leadgate.console.card;

import io.leadgate.console.Common;
import io.leadgate.console.Html;
import io.leadgate.console.Page;
import io.leadgate.console.Pages;
import io.leadgate.console.Refusals;
import io.leadgate.contact.ContactEdits;
import io.leadgate.intake.AttachmentContent;
import io.leadgate.people.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The contact card: identities, leads and deals, one timeline; edit name and company, add notes. */
@Path("/console")
@RolesAllowed({Role.ADMIN_ROLE, Role.MANAGER_ROLE})
@Produces(Html.TYPE)
public class CardResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance card(Page page, CardView card);

        static native TemplateInstance head(Page page, CardView card);

        /** The timeline; {@code oob} when it rides along another answer (htmx swaps it in by its id). */
        static native TemplateInstance timeline(Page page, CardView card, boolean oob);
    }

    private final CardQuery cards;
    private final ContactEdits edits;
    private final Pages pages;
    private final io.leadgate.pipeline.SpeedToLead speed;

    CardResource(CardQuery cards, ContactEdits edits, Pages pages, io.leadgate.pipeline.SpeedToLead speed) {
        this.speed = speed;
        this.cards = cards;
        this.edits = edits;
        this.pages = pages;
    }

    @GET
    @Path("contacts/{id}")
    public Response card(@PathParam("id") long id) {
        Page page = pages.page("contact");
        return Html.ok(Templates.card(page, load(id)), page);
    }

    @POST
    @Path("contacts/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@PathParam("id") long id, @FormParam("name") String name, @FormParam("company") String company) {
        Page page = pages.page("contact");
        try {
            edits.update(id, name == null ? "" : name, company == null ? "" : company, pages.actor());
        } catch (ContactEdits.EditException e) {
            return refused(e, page);
        }
        // the head with the new name, and the timeline with the edit (out of band)
        CardView card = load(id);
        return Response.ok(Html.render(Templates.head(page, card), page.locale())
                + Html.render(Templates.timeline(page, card, true), page.locale()), Html.TYPE).build();
    }

    @POST
    @Path("contacts/{id}/notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response note(@PathParam("id") long id, @FormParam("text") String text) {
        Page page = pages.page("contact");
        try {
            edits.addNote(id, text, pages.actor());
            speed.noted(id, pages.actor()); // a first action on the client's open leads (speed to lead)
        } catch (ContactEdits.EditException e) {
            return refused(e, page);
        }
        return Html.ok(Templates.timeline(page, load(id), false), page);
    }

    /** A stored attachment of an inquiry, as a download (never shown inline). */
    @GET
    @Path("inquiries/{id}/attachments/{position}")
    @Produces(MediaType.WILDCARD)
    public Response attachment(@PathParam("id") long id, @PathParam("position") int position) {
        AttachmentContent content = AttachmentContent.of(id, position).orElseThrow(NotFoundException::new);
        String name = content.name == null ? "attachment" : content.name;
        return Response.ok(content.content, MediaType.APPLICATION_OCTET_STREAM)
                .header("Content-Disposition", "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .build();
    }

    private CardView load(long id) {
        return cards.card(id).orElseThrow(NotFoundException::new);
    }

    private static Response refused(ContactEdits.EditException e, Page page) {
        if (e.notFound()) {
            throw new NotFoundException();
        }
        return Html.noSwap(Common.flash(page, Refusals.text(e, page.locale()), true), page);
    }
}
