package io.leadgate.channel.messenger.telegram;

// Telegram Bot API webhooks: https://core.telegram.org/bots/api#setwebhook and #update (Bot API 7.x / 8.x shapes).
// setWebhook(secret_token=…) makes Telegram send header X-Telegram-Bot-Api-Secret-Token on every request.

import io.leadgate.channel.ChannelAdapter;
import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelFileException;
import io.leadgate.channel.HookOutcome;
import io.leadgate.channel.HookReply;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.Provider;
import io.leadgate.channel.Secrets;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.Verification;
import io.leadgate.inquiry.Inquiry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;
import java.util.Optional;

/**
 * Telegram bot webhooks ({@code provider: telegram}, setting {@code secret-token}): one update per request, one
 * inquiry per update (see {@link TelegramMapper} for the kinds and {@link StartPayload} for the deep-link UTM
 * encodings). Idempotency key: {@code update_id}; callback queries use their own id. Answered {@code 200 {}}.
 */
@ApplicationScoped
public class TelegramAdapter implements ChannelAdapter {

    public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    @Override
    public Set<String> secretHeaders() {
        return Set.of(SECRET_HEADER);
    }
    static final String SECRET_SETTING = "secret-token";

    @Override
    public Provider provider() {
        return Provider.TELEGRAM;
    }

    @Override
    public void validate(ChannelDefinition channel) {
        // setWebhook accepts 1-256 characters A-Z, a-z, 0-9, _ and -: any other token could never be sent back
        if (!channel.setting(SECRET_SETTING).orElse("").matches("[A-Za-z0-9_-]{1,256}")) {
            throw new ChannelFileException(channel.file(), "settings." + SECRET_SETTING,
                    "must be 1-256 characters of A-Z, a-z, 0-9, _ and - (Telegram's secret_token format)");
        }
    }

    @Override
    public boolean accepts(String mediaType) {
        return "application/json".equals(mediaType);
    }

    @Override
    public Verification verify(HookRequest request, ChannelDefinition channel) {
        Optional<String> expected = channel.setting(SECRET_SETTING);
        Optional<String> sent = request.headers().first(SECRET_HEADER);
        if (sent.isEmpty() || expected.isEmpty()) {
            return Verification.MISSING;
        }
        return Secrets.verify(expected, sent);
    }

    @Override
    public List<Inquiry> parse(HookRequest request, ChannelDefinition channel) throws UnparseableException {
        return List.of(TelegramMapper.map(TelegramUpdate.read(request.body()), channel.defaultRegion()));
    }

    @Override
    public HookReply reply(HookRequest request, ChannelDefinition channel, HookOutcome outcome) {
        return HookReply.json(200, "{}"); // any 2xx confirms the update; a body would be read as a Bot API method call
    }
}
