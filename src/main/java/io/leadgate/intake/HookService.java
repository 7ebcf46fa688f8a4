package io.leadgate.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.channel.Channel;
import io.leadgate.channel.ChannelAdapter;
import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelRegistry;
import io.leadgate.channel.HandshakeCapable;
import io.leadgate.channel.HookReply;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.RejectedException;
import io.leadgate.channel.UnparseableException;
import io.leadgate.config.LeadgateConfig;
import io.leadgate.inquiry.ChannelFamily;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.InquiryJson;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP side of hooks: channel lookup (404) → CORS → size (413) → media type (415) → rate limit (429) → the
 * front door ({@link Intake#submit}) → the outcome as a status and the provider's answer, sent only after commit:
 * written → the adapter's answer (2xx); rejected → 401 in the provider's shape, or the abuse rule's status;
 * unparseable → 400 with the parked envelope's id; kept for replay → 500 with its id; storage down → 503 with
 * {@code Retry-After}. Preview runs the same parse and stores nothing.
 */
@ApplicationScoped
public class HookService {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ChannelRegistry registry;
    private final Intake intake;
    private final RateLimiter limiter;
    private final LeadgateConfig config;
    private final MeterRegistry metrics;

    HookService(ChannelRegistry registry, Intake intake, RateLimiter limiter, LeadgateConfig config,
                MeterRegistry metrics) {
        this.registry = registry;
        this.intake = intake;
        this.limiter = limiter;
        this.config = config;
        this.metrics = metrics;
    }

    /** Handles a request to {@code /hooks/{id}/…}; every outcome is a reply, never an exception. */
    public HookReply handle(String channelId, HookRequest request) {
        Optional<Channel> found = registry.find(channelId);
        if (found.isEmpty()) {
            return error(404, "unknown or disabled channel");
        }
        ChannelDefinition channel = found.get().definition();
        ChannelAdapter adapter = found.get().adapter();
        Optional<String> origin = request.headers().first("Origin");
        List<String> allowedOrigins = channel.policy().allowedOrigins();
        if (!allowedOrigins.isEmpty() && origin.isPresent() && !channel.policy().allowsOrigin(origin.get())) {
            return error(403, "origin not allowed for this channel");
        }
        HookReply reply = switch (request.method()) {
            case "OPTIONS" -> allowedOrigins.isEmpty() ? error(403, "this channel allows no cross-origin posts")
                    : HookReply.empty(204).withHeader("Access-Control-Allow-Methods", "POST, OPTIONS")
                    .withHeader("Access-Control-Allow-Headers", "Content-Type, X-Requested-With, X-Leadgate-Token")
                    .withHeader("Access-Control-Max-Age", "600");
            case "GET", "HEAD" -> adapter instanceof HandshakeCapable handshake
                    ? handshake.handshake(request, channel).orElseGet(() -> error(404, "not a handshake this channel knows"))
                    : error(405, "this channel takes POST only").withHeader("Allow", "POST");
            default -> post(channel, adapter, request);
        };
        if (origin.isPresent() && !allowedOrigins.isEmpty()) {
            reply = reply.withHeader("Access-Control-Allow-Origin", origin.get()).withHeader("Vary", "Origin");
        }
        return reply;
    }

    private HookReply post(ChannelDefinition channel, ChannelAdapter adapter, HookRequest request) {
        Optional<HookReply> refused = precheck(channel, adapter, request);
        if (refused.isPresent()) {
            return refused.get();
        }
        int perMinute = channel.policy().rateLimit();
        if (perMinute > 0) {
            long retryAfter = limiter.acquire(channel.id(), String.valueOf(request.clientAddress()), perMinute,
                    System.currentTimeMillis());
            if (retryAfter > 0) {
                metrics.counter("leadgate.hook.rejected", "channel", channel.id(), "reason", "rate-limit").increment();
                return error(429, "too many posts; try again later").withHeader("Retry-After", String.valueOf(retryAfter));
            }
        }
        return answer(channel, adapter, request, intake.submit(Submission.hook(channel, request)));
    }

    /** The HTTP answer for an outcome: the provider's own shape for written ones and failed verification. */
    private static HookReply answer(ChannelDefinition channel, ChannelAdapter adapter, HookRequest request,
                                    Outcome outcome) {
        if (outcome instanceof Outcome.Written written) {
            return adapter.reply(request, channel, written.result());
        }
        if (outcome instanceof Outcome.Rejected rejected) {
            return rejected.verification().valid() ? error(rejected.status(), rejected.message())
                    : adapter.rejected(request, channel, rejected.verification());
        }
        if (outcome instanceof Outcome.Unparseable unparseable) {
            return kept(400, "body cannot be parsed: " + unparseable.reason(), unparseable.envelopeId());
        }
        if (outcome instanceof Outcome.KeptForReplay kept) {
            return kept(500, "processing failed; the request is kept for replay", kept.envelopeId());
        }
        return error(503, "storage unavailable; retry later").withHeader("Retry-After", "5");
    }

    /** Normalises without side effects: what the hook would store (CONTRACT §4). */
    public HookReply preview(String channelId, HookRequest request) {
        Optional<ChannelDefinition> definition = registry.all().stream().filter(c -> c.id().equals(channelId)).findFirst();
        Optional<ChannelAdapter> adapter = definition.flatMap(d -> registry.adapter(d.provider()));
        if (adapter.isEmpty()) {
            return error(404, "unknown channel");
        }
        Optional<HookReply> refused = precheck(definition.get(), adapter.get(), request);
        if (refused.isPresent()) {
            return refused.get();
        }
        boolean verified = adapter.get().verify(request, definition.get()).valid();
        List<Inquiry> items;
        try {
            items = adapter.get().parse(request, definition.get());
        } catch (RejectedException e) {
            return error(e.status(), e.getMessage());
        } catch (UnparseableException | RuntimeException e) {
            return error(400, "body cannot be parsed: " + reason(e));
        }
        ObjectNode json = MAPPER.createObjectNode();
        json.put("verified", verified);
        ArrayNode array = json.putArray("items");
        items.forEach(i -> array.add(InquiryJson.toJson(i)));
        return HookReply.json(200, json.toString());
    }

    /**
     * The largest body a hook of this channel takes: its {@code max-body}, else the family's default. The HTTP side
     * refuses a larger one (413) before buffering it; the same limit is checked here for the preview.
     */
    public int bodyLimit(ChannelDefinition channel) {
        return channel.policy().maxBody().orElse(channel.provider().family() == ChannelFamily.EMAIL
                ? config.hooks().maxEmailBodyBytes() : config.hooks().maxBodyBytes());
    }

    private Optional<HookReply> precheck(ChannelDefinition channel, ChannelAdapter adapter, HookRequest request) {
        int limit = bodyLimit(channel);
        if (request.body().length > limit) {
            return Optional.of(error(413, "body larger than " + limit + " bytes"));
        }
        if (!adapter.accepts(request.mediaType())) {
            return Optional.of(error(415, request.mediaType().isEmpty() ? "Content-Type is required"
                    : "content type " + request.mediaType() + " is not accepted by provider " + channel.provider().id()));
        }
        return Optional.empty();
    }

    private static HookReply kept(int status, String message, long envelopeId) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("error", message);
        json.put("envelopeId", String.valueOf(envelopeId));
        return HookReply.json(status, json.toString());
    }

    private static String reason(Exception e) {
        if (e instanceof UnparseableException) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName();
    }

    static HookReply error(int status, String message) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("error", message);
        return new HookReply(status, "application/json", json.toString(), Map.of());
    }
}
