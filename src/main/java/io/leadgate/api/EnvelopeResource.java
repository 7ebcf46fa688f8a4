package io.leadgate.api;

import io.leadgate.channel.HookOutcome;
import io.leadgate.intake.Envelope;
import io.leadgate.intake.Outcome;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Kept raw requests: list the failed, unparseable and classified ones, replay one after a fix or a review. */
@Path("/api/envelopes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "envelopes")
public class EnvelopeResource {

    /** An envelope without its body; {@code reason} is why a classified one is no inquiry. */
    public record EnvelopeView(String id, String channelId, String provider, Instant receivedAt, String status,
                               String error, String reason, int attempts, int size, String replayedBy) {
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
            throw ApiError.badRequest("status must be one of failed, unparseable, classified, processed");
        }
        String query = "status = ?1" + (channelId == null ? "" : " and channelId = ?2") + " order by id";
        Object[] params = channelId == null ? new Object[] {wanted} : new Object[] {wanted, channelId};
        return Envelope.<Envelope>find(query, params).range(page.offset(), page.offset() + page.limit() - 1).stream()
                .map(e -> new EnvelopeView(String.valueOf(e.id), e.channelId, e.provider, e.receivedAt,
                        e.status.name().toLowerCase(Locale.ROOT), e.error, e.reason, e.attempts, e.body.length,
                        e.replayedBy))
                .toList();
    }

    @POST
    @Path("{id}/replay")
    @Operation(summary = "Processes a parked (failed or unparseable) or classified envelope again; "
            + "as=lead takes classified mail as a lead")
    public Response replay(@PathParam("id") String id, @QueryParam("as") String as) {
        long envelopeId = Params.pathId("envelope", id);
        if (as != null && !as.strip().equalsIgnoreCase("lead")) {
            throw ApiError.badRequest("as must be lead (or left out)");
        }
        Outcome outcome;
        try {
            outcome = replays.replay(envelopeId, as != null);
        } catch (ReplayService.NotReplayableException e) {
            int status = e.reason() == ReplayService.NotReplayableException.Reason.NOT_FOUND ? 404 : 409;
            return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", e.getMessage())).build();
        }
        if (outcome instanceof Outcome.Classified classified) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "classified");
            body.put("envelopeId", String.valueOf(envelopeId));
            body.put("reason", classified.code());
            return Response.ok(body, MediaType.APPLICATION_JSON).build();
        }
        if (outcome instanceof Outcome.Written written) {
            List<Map<String, String>> items = new ArrayList<>();
            for (HookOutcome.Item item : written.result().items()) {
                Map<String, String> i = new LinkedHashMap<>();
                i.put("result", item.result().name().toLowerCase(Locale.ROOT));
                i.put("inquiryId", item.inquiryId() == null ? null : String.valueOf(item.inquiryId()));
                i.put("leadId", item.leadId() == null ? null : String.valueOf(item.leadId()));
                i.put("contactId", item.contactId() == null ? null : String.valueOf(item.contactId()));
                items.add(i);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "processed");
            body.put("envelopeId", String.valueOf(envelopeId));
            body.put("items", items);
            return Response.ok(body, MediaType.APPLICATION_JSON).build();
        }
        Map<String, String> error = new LinkedHashMap<>();
        int status;
        if (outcome instanceof Outcome.Unparseable unparseable) {
            status = 422;
            error.put("error", "still cannot be parsed: " + unparseable.reason());
        } else if (outcome instanceof Outcome.KeptForReplay kept) {
            status = 422;
            error.put("error", "processing failed again; the envelope stays parked: " + kept.cause());
        } else if (outcome instanceof Outcome.Rejected rejected) {
            status = rejected.status();
            error.put("error", rejected.message());
        } else {
            status = 503;
            error.put("error", "storage unavailable; retry later");
        }
        error.put("envelopeId", String.valueOf(envelopeId));
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(error).build();
    }
}
