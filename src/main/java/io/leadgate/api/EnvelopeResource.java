package io.leadgate.api;

import io.leadgate.intake.Envelope;
import io.leadgate.intake.ReplayService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Kept raw requests: list the failed and unparseable ones, replay one after a fix. */
@Path("/api/envelopes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "envelopes")
public class EnvelopeResource {

    /** An envelope without its body. */
    public record EnvelopeView(String id, String channelId, String provider, Instant receivedAt, String status,
                               String error, int attempts, int size) {
    }

    private final ReplayService replays;

    EnvelopeResource(ReplayService replays) {
        this.replays = replays;
    }

    @GET
    public List<EnvelopeView> list(@QueryParam("status") String status, @QueryParam("channelId") String channelId,
                                   @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        Params.Page page = Params.page(limit, offset);
        Envelope.Status wanted;
        try {
            wanted = Envelope.Status.valueOf((status == null ? "failed" : status).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("status must be one of failed, unparseable, processed");
        }
        String query = "status = ?1" + (channelId == null ? "" : " and channelId = ?2") + " order by id";
        Object[] params = channelId == null ? new Object[] {wanted} : new Object[] {wanted, channelId};
        return Envelope.<Envelope>find(query, params).range(page.offset(), page.offset() + page.limit() - 1).stream()
                .map(e -> new EnvelopeView(String.valueOf(e.id), e.channelId, e.provider, e.receivedAt,
                        e.status.name().toLowerCase(Locale.ROOT), e.error, e.attempts, e.body.length))
                .toList();
    }

    @POST
    @Path("{id}/replay")
    @Operation(summary = "Processes a failed or unparseable envelope again")
    public Response replay(@PathParam("id") String id) {
        return HookReplies.response(replays.replay(Params.pathId("envelope", id)));
    }
}
