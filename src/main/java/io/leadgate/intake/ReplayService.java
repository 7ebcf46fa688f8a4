package io.leadgate.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.channel.ChannelAdapter;
import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelRegistry;
import io.leadgate.channel.HookOutcome;
import io.leadgate.channel.HookReply;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.UnparseableException;
import io.leadgate.inquiry.Inquiry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Processes a kept envelope again, after a fix: parsed anew by its channel's adapter (it was verified when it
 * arrived) and sent through the write path, which marks it processed in the same commit.
 */
@ApplicationScoped
public class ReplayService {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ChannelRegistry registry;
    private final IntakeService intake;

    ReplayService(ChannelRegistry registry, IntakeService intake) {
        this.registry = registry;
        this.intake = intake;
    }

    public HookReply replay(long envelopeId) {
        Envelope envelope = QuarkusTransaction.requiringNew().call(() -> Envelope.<Envelope>findById(envelopeId));
        if (envelope == null) {
            return HookService.error(404, "no envelope " + envelopeId);
        }
        if (envelope.status == Envelope.Status.PROCESSED) {
            return HookService.error(409, "envelope " + envelopeId + " was processed already");
        }
        Optional<ChannelDefinition> channel = registry.all().stream()
                .filter(c -> c.id().equals(envelope.channelId)).findFirst();
        Optional<ChannelAdapter> adapter = channel.flatMap(c -> registry.adapter(c.provider()));
        if (adapter.isEmpty()) {
            return HookService.error(409, "channel " + envelope.channelId + " no longer exists");
        }
        HookRequest request = EnvelopeCodec.toRequest(envelope);
        List<Inquiry> items;
        try {
            items = adapter.get().parse(request, channel.get());
        } catch (UnparseableException | RuntimeException e) {
            String reason = e instanceof UnparseableException ? e.getMessage() : e.getClass().getSimpleName();
            QuarkusTransaction.requiringNew().run(() -> {
                Envelope stored = Envelope.findById(envelopeId);
                stored.attempts++;
                stored.error = reason;
                stored.updatedAt = Instant.now();
            });
            return HookService.error(422, "still cannot be parsed: " + reason);
        }
        HookOutcome outcome = intake.replay(channel.get(), envelopeId, request, items);
        ObjectNode json = MAPPER.createObjectNode();
        json.put("status", "processed");
        json.put("envelopeId", String.valueOf(envelopeId));
        ArrayNode array = json.putArray("items");
        for (HookOutcome.Item item : outcome.items()) {
            ObjectNode i = array.addObject();
            i.put("result", item.result().name().toLowerCase());
            i.put("inquiryId", item.inquiryId() == null ? null : String.valueOf(item.inquiryId()));
            i.put("leadId", item.leadId() == null ? null : String.valueOf(item.leadId()));
            i.put("contactId", item.contactId() == null ? null : String.valueOf(item.contactId()));
        }
        return HookReply.json(200, json.toString());
    }
}
