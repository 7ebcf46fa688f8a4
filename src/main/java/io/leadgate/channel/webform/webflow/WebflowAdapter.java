package io.leadgate.channel.webform.webflow;

// Webflow webhooks, trigger form_submission: https://developers.webflow.com/data/reference/webhooks/events/form-submission
// (v2 body {"triggerType", "payload": {...}}) and the v1 body https://developers.webflow.com/data/v1.0.0/reference/form_submission
// ({name, site, data, d, _id}). Signatures: https://developers.webflow.com/data/docs/working-with-webhooks
// (x-webflow-timestamp in epoch milliseconds, x-webflow-signature hex HMAC-SHA256 over "timestamp:body", reject
// requests older than 5 minutes). Webhooks made in the site dashboard or with a site API key carry no signature.

import io.leadgate.channel.ChannelAdapter;
import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelFileException;
import io.leadgate.channel.HookOutcome;
import io.leadgate.channel.HookReply;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.Provider;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.Verification;
import io.leadgate.channel.webform.FormReplies;
import io.leadgate.inquiry.Inquiry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;

/**
 * Webflow form submissions ({@code provider: webflow}, setting {@code secret}, optional
 * {@code allow-unsigned-v1}). Signed requests are checked against {@code secret}, v1 or v2 alike. A request
 * without signature headers is refused, except a v1 body when {@code allow-unsigned-v1: true} (v1 webhooks made in
 * the dashboard are never signed); an unsigned v2 body is always refused.
 */
@ApplicationScoped
public class WebflowAdapter implements ChannelAdapter {

    public static final String ALLOW_UNSIGNED_V1 = "allow-unsigned-v1";

    private final Clock clock;

    public WebflowAdapter() {
        this(Clock.systemUTC());
    }

    WebflowAdapter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Provider provider() {
        return Provider.WEBFLOW;
    }

    @Override
    public void validate(ChannelDefinition channel) {
        if (channel.setting("secret").filter(s -> !s.isBlank()).isEmpty()) {
            throw new ChannelFileException(channel.file(), "settings.secret",
                    "the webhook signing secret (the OAuth app's client secret) is required");
        }
        channel.setting(ALLOW_UNSIGNED_V1).filter(v -> !v.equals("true") && !v.equals("false")).ifPresent(v -> {
            throw new ChannelFileException(channel.file(), "settings." + ALLOW_UNSIGNED_V1, "must be true or false");
        });
    }

    @Override
    public boolean accepts(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    @Override
    public Verification verify(HookRequest request, ChannelDefinition channel) {
        Verification signed = WebflowSignature.verify(request.body(),
                request.headers().first(WebflowSignature.TIMESTAMP_HEADER).orElse(null),
                request.headers().first(WebflowSignature.SIGNATURE_HEADER).orElse(null),
                channel.setting("secret").orElse(null), clock.instant());
        if (signed == Verification.MISSING && channel.setting(ALLOW_UNSIGNED_V1).filter("true"::equals).isPresent()
                && request.headers().first(WebflowSignature.SIGNATURE_HEADER).isEmpty() && isV1(request.body())) {
            return Verification.VALID;
        }
        return signed;
    }

    @Override
    public List<Inquiry> parse(HookRequest request, ChannelDefinition channel) throws UnparseableException {
        return List.of(WebflowMapper.map(WebflowPayload.read(request.body()), channel.defaultRegion()));
    }

    @Override
    public HookReply reply(HookRequest request, ChannelDefinition channel, HookOutcome outcome) {
        return HookReply.json(200, FormReplies.json(outcome));
    }

    private static boolean isV1(byte[] body) {
        try {
            return WebflowPayload.read(body).isV1Submission();
        } catch (UnparseableException e) {
            return false;
        }
    }
}
