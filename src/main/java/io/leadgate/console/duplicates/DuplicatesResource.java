package io.leadgate.console.duplicates;

import io.leadgate.console.Html;
import io.leadgate.console.Page;
import io.leadgate.console.Pages;
import io.leadgate.console.Refusals;
import io.leadgate.contact.ContactMerge;
import io.leadgate.contact.MergeException;
import io.leadgate.contact.MergeService;
import io.leadgate.people.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Duplicate review: candidate pairs side by side; merge (the operator picks the card that survives), "not the same
 * person", and the merge history with undo. The actions are {@link MergeService}'s, as in the API.
 */
@Path("/console/duplicates")
@RolesAllowed({Role.ADMIN_ROLE, Role.MANAGER_ROLE})
@Produces(Html.TYPE)
public class DuplicatesResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance duplicates(Page page, List<DuplicatesQuery.Pair> pairs,
                                                  List<DuplicatesQuery.MergeLine> history);

        /** The pairs and the history, with the flash ({@code done}: merged, distinct, undone; or an error). */
        static native TemplateInstance content(Page page, List<DuplicatesQuery.Pair> pairs,
                                               List<DuplicatesQuery.MergeLine> history, String done, String error);
    }

    private final DuplicatesQuery query;
    private final MergeService merges;
    private final Pages pages;

    DuplicatesResource(DuplicatesQuery query, MergeService merges, Pages pages) {
        this.query = query;
        this.merges = merges;
        this.pages = pages;
    }

    @GET
    public Response page() {
        Page page = pages.page("duplicates");
        return Html.ok(Templates.duplicates(page, query.pairs(), query.history()), page);
    }

    /** Merges the pair's other card into {@code keep}, the card that survives. */
    @POST
    @Path("{pairId}/merge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response merge(@PathParam("pairId") long pairId, @FormParam("keep") long keep) {
        long[] pair = query.openPair(pairId).orElseThrow(NotFoundException::new);
        if (keep != pair[0] && keep != pair[1]) {
            throw new jakarta.ws.rs.BadRequestException("keep must be one of the pair's cards");
        }
        long source = keep == pair[0] ? pair[1] : pair[0];
        return change(() -> merges.merge(keep, source, ContactMerge.Origin.API, null, pages.actor(), Instant.now()),
                "merged");
    }

    @POST
    @Path("{pairId}/distinct")
    public Response distinct(@PathParam("pairId") long pairId) {
        return change(() -> {
            merges.markDistinct(pairId, pages.actor(), Instant.now());
            return null;
        }, "distinct");
    }

    @POST
    @Path("merges/{mergeId}/undo")
    public Response undo(@PathParam("mergeId") long mergeId) {
        return change(() -> merges.undo(mergeId, pages.actor(), Instant.now()), "undone");
    }

    private Response change(Supplier<?> action, String done) {
        Page page = pages.page("duplicates");
        String error = null;
        try {
            action.get();
        } catch (MergeException e) {
            if (e.reason() == MergeException.Reason.NOT_FOUND) {
                throw new NotFoundException();
            }
            error = Refusals.text(e, page.locale());
        }
        return Html.ok(Templates.content(page, query.pairs(), query.history(), error == null ? done : null, error),
                page);
    }
}
