package io.leadgate.channel.messenger.avito;

// Avito Messenger API webhooks v3 (POST /messenger/v3/webhook subscribes a URL):
// https://developers.avito.ru/api-catalog/messenger/documentation
// Envelope {"id","version":"v3.0.0","timestamp","payload":{"type":"message","value":{…}}}.

import io.leadgate.channel.ChannelAdapter;
import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelFileException;
import io.leadgate.channel.HookOutcome;
import io.leadgate.channel.HookReply;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.PathToken;
import io.leadgate.channel.Provider;
import io.leadgate.channel.Secrets;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.Verification;
import io.leadgate.channel.messenger.meta.PayloadJson;
import io.leadgate.inquiry.Inquiry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;
import java.util.Optional;

/**
 * Avito Messenger ({@code provider: avito}; optional {@code secret}, optional {@code user-id} = the account's own
 * Avito user id, whose messages are echoes).
 *
 * <p>Verification: Avito's subscription call takes only a URL, with no secret it would echo back, and the
 * {@code x-avito-messenger-signature} header seen on real deliveries has no documented algorithm (unverified, not
 * checked). So the {@code secret} travels in the subscribed URL: {@code /hooks/{id}/{secret}} (the standard path
 * token, also accepted as {@code X-Leadgate-Token}); a relay in front of the gateway may send it as header
 * {@code X-Avito-Secret} instead. Either is compared in constant time. Without {@code secret} every request is
 * accepted.
 */
@ApplicationScoped
public class AvitoAdapter implements ChannelAdapter {

    public static final String SECRET_HEADER = "X-Avito-Secret";

    @Override
    public Set<String> secretHeaders() {
        return Set.of(SECRET_HEADER);
    }

    @Override
    public Provider provider() {
        return Provider.AVITO;
    }

    @Override
    public void validate(ChannelDefinition channel) {
        channel.setting("user-id").filter(id -> !PayloadJson.digits(id.strip())).ifPresent(id -> {
            throw new ChannelFileException(channel.file(), "settings.user-id", "must be the numeric Avito user id");
        });
    }

    @Override
    public boolean accepts(String mediaType) {
        return PayloadJson.acceptsJson(mediaType);
    }

    @Override
    public Verification verify(HookRequest request, ChannelDefinition channel) {
        Optional<String> secret = channel.setting("secret").filter(s -> !s.isBlank());
        Optional<String> header = request.headers().first(SECRET_HEADER);
        if (secret.isPresent() && header.isPresent()) {
            return Secrets.constantTimeEquals(secret.get(), header.get().strip())
                    ? Verification.VALID : Verification.BAD_SIGNATURE;
        }
        return PathToken.verify(request, secret);
    }

    @Override
    public List<Inquiry> parse(HookRequest request, ChannelDefinition channel) throws UnparseableException {
        AvitoPayload payload = PayloadJson.read(request.body(), AvitoPayload.class, "an Avito webhook");
        if (payload.payload() == null || payload.payload().type() == null) {
            throw new UnparseableException("body is not an Avito webhook: no 'payload.type'");
        }
        Optional<String> ownUserId = channel.setting("user-id").map(String::strip);
        return List.of(AvitoMapper.map(payload, channel.defaultRegion(), ownUserId));
    }

    @Override
    public HookReply reply(HookRequest request, ChannelDefinition channel, HookOutcome outcome) {
        return HookReply.json(200, "{\"ok\":true}");
    }
}
