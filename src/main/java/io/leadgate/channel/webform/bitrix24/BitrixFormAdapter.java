package io.leadgate.channel.webform.bitrix24;

// Bitrix24 REST crm.lead.add, as called through an inbound webhook URL https://<portal>/rest/<user>/<code>/crm.lead.add:
// https://apidocs.bitrix24.com/api-reference/crm/leads/crm-lead-add.html (read via bitrix24/b24restdocs @034b3c44).
// Request: JSON {"fields": {...}, "params": {...}} or form parameters fields[...]; answer {"result": <id>, "time": {...}}.
// Errors: https://apidocs.bitrix24.com/error-codes.html — a wrong webhook code gives 401 INVALID_CREDENTIALS.

import io.leadgate.channel.ChannelAdapter;
import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelFileException;
import io.leadgate.channel.HookOutcome;
import io.leadgate.channel.HookReply;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.PathToken;
import io.leadgate.channel.Provider;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.Verification;
import io.leadgate.channel.webform.FormBodyParser;
import io.leadgate.channel.webform.FormFields;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.UrlQuery;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.Locale;

/**
 * Anything that can call Bitrix24's {@code crm.lead.add} ({@code provider: bitrix24-form}, setting {@code token}):
 * point it at {@code /hooks/{id}/{token}/} instead of {@code https://<portal>/rest/<user>/<code>/}. Accepts
 * {@code /hooks/{id}/{token}}, {@code …/crm.lead.add} and {@code …/crm.lead.add.json}; answers as Bitrix24 does.
 */
@ApplicationScoped
public class BitrixFormAdapter implements ChannelAdapter {

    /** Bitrix24 REST callers send their access token as {@code auth} (or {@code access_token}): never kept. */
    @Override
    public Set<String> secretFields() {
        return Set.of("auth", "access_token", "token");
    }

    static final String METHOD = "crm.lead.add";

    private final Clock clock;

    public BitrixFormAdapter() {
        this(Clock.systemUTC());
    }

    BitrixFormAdapter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Provider provider() {
        return Provider.BITRIX24_FORM;
    }

    @Override
    public void validate(ChannelDefinition channel) {
        if (channel.setting("token").filter(t -> t.matches("[A-Za-z0-9._~-]+")).isEmpty()) {
            throw new ChannelFileException(channel.file(), "settings.token",
                    "is required and may hold only A-Z, a-z, 0-9, '.', '_', '~' and '-' (it is a URL path segment)");
        }
    }

    @Override
    public boolean accepts(String mediaType) {
        return mediaType.isEmpty() || FormBodyParser.accepts(mediaType);
    }

    @Override
    public Verification verify(HookRequest request, ChannelDefinition channel) {
        return PathToken.verify(request, channel.setting("token"));
    }

    @Override
    public List<Inquiry> parse(HookRequest request, ChannelDefinition channel) throws UnparseableException {
        String method = method(request);
        if (!method.isEmpty() && !method.equalsIgnoreCase(METHOD)) {
            throw new UnparseableException("only " + METHOD + " is served here, not '" + method + "'");
        }
        String mediaType = request.mediaType();
        BitrixLead lead;
        if (mediaType.contains("json") || (mediaType.isEmpty() && request.bodyText().stripLeading().startsWith("{"))) {
            lead = BitrixLead.json(request.body());
        } else if (request.body().length == 0) { // parameters in the URL only, as Bitrix24 also allows
            lead = BitrixLead.form(FormFields.of(UrlQuery.parse(request.query())));
        } else {
            lead = BitrixLead.form(FormBodyParser.parse(request));
        }
        return List.of(BitrixLeadMapper.map(lead, channel.defaultRegion()));
    }

    @Override
    public HookReply reply(HookRequest request, ChannelDefinition channel, HookOutcome outcome) {
        Long leadId = outcome.items().stream().map(HookOutcome.Item::leadId).filter(id -> id != null).findFirst()
                .orElse(null);
        Instant finish = clock.instant();
        Instant start = request.receivedAt() == null || request.receivedAt().isAfter(finish) ? finish : request.receivedAt();
        return BitrixReplies.result(leadId, start, finish);
    }

    @Override
    public HookReply rejected(HookRequest request, ChannelDefinition channel, Verification verification) {
        return BitrixReplies.error(401, "INVALID_CREDENTIALS", "Invalid request credentials");
    }

    /**
     * The REST method named after the token ({@code crm.lead.add}, {@code .json} dropped), or {@code ""} when the
     * path ends at the token. With the token in the header, the first segment is already the method.
     */
    static String method(HookRequest request) {
        List<String> segments = request.pathSegments();
        int from = request.headers().first(PathToken.HEADER).isPresent() ? 0 : 1;
        if (segments.size() <= from) {
            return "";
        }
        String method = segments.get(segments.size() - 1);
        return method.toLowerCase(Locale.ROOT).endsWith(".json") ? method.substring(0, method.length() - 5) : method;
    }
}
