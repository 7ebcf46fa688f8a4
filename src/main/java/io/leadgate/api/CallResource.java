package io.leadgate.api;

import io.leadgate.call.CallRecord;
import io.quarkus.panache.common.Parameters;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code GET /api/calls}: call records of the telephony channels, oldest first. */
@Path("/api/calls")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "read")
public class CallResource {

    /** A call as the API shows it. */
    public record CallView(String id, String channelId, String callId, String direction, String customer, String line,
                           String contactId, String leadId, Instant startedAt, Instant answeredAt, Instant endedAt,
                           String answeredBy, Long durationSeconds, String recordingUrl, Boolean missed, int events,
                           String lastEvent) {

        static CallView of(CallRecord r) {
            return new CallView(String.valueOf(r.id), r.channelId, r.callId, r.direction, r.customer, r.line,
                    r.contactId == null ? null : String.valueOf(r.contactId),
                    r.leadId == null ? null : String.valueOf(r.leadId), r.startedAt, r.answeredAt, r.endedAt,
                    r.answeredBy, r.durationSeconds, r.recordingUrl, r.missed, r.events, r.lastEvent);
        }
    }

    @GET
    public List<CallView> list(@QueryParam("channelId") String channelId, @QueryParam("callId") String callId,
                               @QueryParam("contactId") String contactId, @QueryParam("limit") String limit,
                               @QueryParam("offset") String offset) {
        Params.Page page = Params.page(limit, offset);
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (channelId != null && !channelId.isBlank()) {
            where.add("channelId = :channelId");
            params.and("channelId", channelId);
        }
        if (callId != null && !callId.isBlank()) {
            where.add("callId = :callId");
            params.and("callId", callId);
        }
        Long contact = Params.id("contactId", contactId);
        if (contact != null) {
            where.add("contactId = :contactId");
            params.and("contactId", contact);
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where)) + " order by id";
        return CallRecord.<CallRecord>find(query, params).range(page.offset(), page.offset() + page.limit() - 1)
                .stream().map(CallView::of).toList();
    }
}
