package io.leadgate.channel.messenger.viber;

// Viber REST bot API callbacks (API v7+): https://developers.viber.com/docs/api/rest-bot-api/#callbacks
// Signature: X-Viber-Content-Signature = hex HMAC-SHA256(auth token, raw body).

import io.leadgate.channel.ChannelAdapter;
import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.HookOutcome;
import io.leadgate.channel.HookReply;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.Provider;
import io.leadgate.channel.Secrets;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.Verification;
import io.leadgate.channel.messenger.meta.PayloadJson;
import io.leadgate.inquiry.Inquiry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Viber bots ({@code provider: viber}, setting {@code auth-token}): one callback per request, answered 200. */
@ApplicationScoped
public class ViberAdapter implements ChannelAdapter {

    public static final String SIGNATURE_HEADER = "X-Viber-Content-Signature";

    @Override
    public Provider provider() {
        return Provider.VIBER;
    }

    @Override
    public boolean accepts(String mediaType) {
        return PayloadJson.acceptsJson(mediaType);
    }

    @Override
    public Verification verify(HookRequest request, ChannelDefinition channel) {
        Optional<String> sent = request.headers().first(SIGNATURE_HEADER).map(String::strip).filter(s -> !s.isEmpty());
        if (sent.isEmpty()) {
            return Verification.MISSING;
        }
        Optional<String> token = channel.setting("auth-token");
        if (token.isEmpty()) {
            return Verification.BAD_SIGNATURE;
        }
        String expected = Secrets.hex(Secrets.hmacSha256(token.get(), request.body()));
        return Secrets.constantTimeEquals(expected, sent.get().toLowerCase(Locale.ROOT))
                ? Verification.VALID : Verification.BAD_SIGNATURE;
    }

    @Override
    public List<Inquiry> parse(HookRequest request, ChannelDefinition channel) throws UnparseableException {
        ViberPayload payload = PayloadJson.read(request.body(), ViberPayload.class, "a Viber callback");
        if (payload.event() == null || payload.event().isBlank()) {
            throw new UnparseableException("body is not a Viber callback: no 'event'");
        }
        return List.of(ViberMapper.map(payload, channel.defaultRegion()));
    }

    @Override
    public HookReply reply(HookRequest request, ChannelDefinition channel, HookOutcome outcome) {
        return HookReply.empty(200);
    }
}
