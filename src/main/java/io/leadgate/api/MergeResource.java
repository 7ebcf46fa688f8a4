package io.leadgate.api;

import io.leadgate.contact.DuplicateQueries;
import io.leadgate.contact.MergeService;
import io.leadgate.contact.MergeView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/** {@code /api/merges}: the audit of merges (by operators and by rules) and their undo. */
@Path("/api/merges")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "contacts")
public class MergeResource {

    private final DuplicateQueries queries;
    private final MergeService merges;

    MergeResource(DuplicateQueries queries, MergeService merges) {
        this.queries = queries;
        this.merges = merges;
    }

    @GET
    public List<MergeView> list(@QueryParam("contactId") String contactId, @QueryParam("limit") String limit,
                                @QueryParam("offset") String offset) {
        Params.Page page = Params.page(limit, offset);
        return queries.merges(Params.id("contactId", contactId), page.limit(), page.offset());
    }

    @GET
    @Path("{id}")
    public MergeView one(@PathParam("id") String id) {
        return queries.merge(Params.pathId("merge", id)).orElseThrow(() -> ApiError.notFound("no merge " + id));
    }

    /** Moves back exactly what the merge moved and restores both cards; 409 when undone already or merged since. */
    @POST
    @Path("{id}/undo")
    public MergeView undo(@PathParam("id") String id) {
        long mergeId = Params.pathId("merge", id);
        return MergeErrors.call(() -> merges.undo(mergeId, Instant.now()));
    }
}
