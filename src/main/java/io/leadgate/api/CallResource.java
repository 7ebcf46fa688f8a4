package io.leadgate.api;

import io.leadgate.call.CallRecord;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
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
        Filter filter = new Filter().eq("channelId", channelId).eq("callId", callId)
                .eq("contactId", Params.id("contactId", contactId));
        return CallRecord.<CallRecord>find(filter.query("id"), filter.params())
                .range(page.offset(), page.offset() + page.limit() - 1)
                .stream().map(CallView::of).toList();
    }
}
