package io.leadgate.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.delivery.OutboxEvent;
import io.leadgate.delivery.OutboxSequencer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code GET /api/events?after={cursor}}: lead events in commit order. Each item is the CloudEvent (structured
 * JSON) with one more member, {@code cursor}; pass the last one as {@code after} to read on.
 */
@Path("/api/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "events")
public class EventResource {

    private final OutboxSequencer sequencer;
    private final ObjectMapper mapper;

    EventResource(OutboxSequencer sequencer, ObjectMapper mapper) {
        this.sequencer = sequencer;
        this.mapper = mapper;
    }

    @GET
    @Operation(summary = "Lead events after a cursor, in commit order")
    public List<ObjectNode> list(@QueryParam("after") String after, @QueryParam("limit") String limit) {
        Params.Page page = Params.page(limit, null);
        Long cursor = Params.id("after", after);
        sequencer.sequence();
        return OutboxEvent.<OutboxEvent>find("feedPosition > ?1 order by feedPosition", cursor == null ? 0L : cursor)
                .page(0, page.limit()).stream().map(this::toJson).toList();
    }

    private ObjectNode toJson(OutboxEvent event) {
        try {
            ObjectNode json = (ObjectNode) mapper.readTree(event.payload);
            json.put("cursor", event.feedPosition);
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
