package io.leadgate.channel.webform.typeform;

// Typeform webhooks: https://www.typeform.com/developers/webhooks/ (payload: event_type form_response,
// https://www.typeform.com/developers/webhooks/example-payload/). Signature (secure-your-webhooks):
// Typeform-Signature: sha256=<base64 HMAC-SHA256(secret, raw body)>. Any 2xx answer ends the delivery.

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
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
import io.leadgate.channel.webform.FormReplies;
import io.leadgate.inquiry.Inquiry;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Typeform ({@code provider: typeform}, setting {@code secret}): one signed form response per delivery. */
@ApplicationScoped
public class TypeformAdapter implements ChannelAdapter {

    public static final String SIGNATURE_HEADER = "Typeform-Signature";
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Override
    public Provider provider() {
        return Provider.TYPEFORM;
    }

    @Override
    public void validate(ChannelDefinition channel) {
        if (channel.setting("secret").filter(s -> !s.isBlank()).isEmpty()) {
            throw new ChannelFileException(channel.file(), "settings.secret", "the webhook secret set at Typeform is required");
        }
    }

    @Override
    public boolean accepts(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    @Override
    public Verification verify(HookRequest request, ChannelDefinition channel) {
        Optional<String> sent = request.headers().first(SIGNATURE_HEADER).map(String::strip).filter(s -> !s.isEmpty());
        if (sent.isEmpty()) {
            return Verification.MISSING;
        }
        Optional<String> secret = channel.setting("secret");
        if (secret.isEmpty()) {
            return Verification.BAD_SIGNATURE;
        }
        String expected = "sha256=" + Base64.getEncoder().encodeToString(Secrets.hmacSha256(secret.get(), request.body()));
        return Secrets.constantTimeEquals(expected, sent.get()) ? Verification.VALID : Verification.BAD_SIGNATURE;
    }

    @Override
    public List<Inquiry> parse(HookRequest request, ChannelDefinition channel) throws UnparseableException {
        TypeformEvent event;
        try {
            event = JSON.readValue(request.body(), TypeformEvent.class);
        } catch (JacksonException e) {
            throw new UnparseableException("body is not a Typeform webhook: invalid JSON", e);
        } catch (IOException e) {
            throw new UnparseableException("body cannot be read: " + e.getMessage(), e);
        }
        if (event == null || event.eventType() == null) {
            throw new UnparseableException("body is not a Typeform webhook: no 'event_type'");
        }
        if ("form_response".equals(event.eventType()) && event.formResponse() == null) {
            throw new UnparseableException("body is not a Typeform form response: no 'form_response'");
        }
        return List.of(TypeformMapper.map(event, channel.defaultRegion()));
    }

    @Override
    public HookReply reply(HookRequest request, ChannelDefinition channel, HookOutcome outcome) {
        return HookReply.json(200, FormReplies.json(outcome));
    }
}
