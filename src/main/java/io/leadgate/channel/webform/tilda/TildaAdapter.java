package io.leadgate.channel.webform.tilda;

// Tilda form webhook ("Webhook" data receiver): https://help-ru.tilda.cc/forms/webhook (read 2025).
// Tilda POSTs the form fields application/x-www-form-urlencoded, named as in the form, plus formid and tranid
// (the submission id, e.g. 1234567:8901234567) and, when "send cookies" is on, COOKIES. On adding the webhook it
// posts test=test and expects 200. The answer must come within 5 seconds, else Tilda retries twice, a minute apart.
// Tilda signs nothing; the user may add an API key sent as a request parameter or a header of their choosing.

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
import io.leadgate.channel.webform.FormBodyParser;
import io.leadgate.channel.webform.FormFields;
import io.leadgate.inquiry.Inquiry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;
import java.util.Optional;

/**
 * Tilda forms ({@code provider: tilda}, optional setting {@code token}): the token may come as the path segment
 * ({@code /hooks/{id}/{token}}), the {@code X-Leadgate-Token} header or a request parameter {@code api_key}
 * (Tilda's "API key" option); every accepted post is answered with the plain body {@code ok}.
 */
@ApplicationScoped
public class TildaAdapter implements ChannelAdapter {

    /** The parameter name for Tilda's API-key option; removed from the form fields. */
    public static final String API_KEY = "api_key";

    @Override
    public Set<String> secretFields() {
        return Set.of(API_KEY);
    }

    @Override
    public Provider provider() {
        return Provider.TILDA;
    }

    @Override
    public void validate(ChannelDefinition channel) {
        channel.setting("token").filter(t -> !t.matches("[A-Za-z0-9._~-]+")).ifPresent(t -> {
            throw new ChannelFileException(channel.file(), "settings.token",
                    "may hold only A-Z, a-z, 0-9, '.', '_', '~' and '-' (it is a URL path segment)");
        });
    }

    @Override
    public boolean accepts(String mediaType) {
        return FormBodyParser.accepts(mediaType);
    }

    @Override
    public Verification verify(HookRequest request, ChannelDefinition channel) {
        Optional<String> token = channel.setting("token");
        Verification byPathOrHeader = PathToken.verify(request, token);
        if (byPathOrHeader != Verification.MISSING) {
            return byPathOrHeader;
        }
        Optional<String> apiKey = apiKey(request);
        if (apiKey.isEmpty()) {
            return Verification.MISSING;
        }
        return Secrets.constantTimeEquals(token.get(), apiKey.get()) ? Verification.VALID : Verification.BAD_SIGNATURE;
    }

    @Override
    public List<Inquiry> parse(HookRequest request, ChannelDefinition channel) throws UnparseableException {
        FormFields form = FormBodyParser.parse(request).without(API_KEY);
        if (form.fields().isEmpty()) {
            throw new UnparseableException("body is not a Tilda form post: no fields");
        }
        return List.of(TildaMapper.map(form, channel.defaultRegion(), request.query()));
    }

    @Override
    public HookReply reply(HookRequest request, ChannelDefinition channel, HookOutcome outcome) {
        return HookReply.text(200, "ok");
    }

    private static Optional<String> apiKey(HookRequest request) {
        Optional<String> inQuery = request.queryParam(API_KEY);
        if (inQuery.isPresent()) {
            return inQuery;
        }
        try {
            return FormBodyParser.parse(request).first(API_KEY);
        } catch (UnparseableException e) {
            return Optional.empty();
        }
    }
}
