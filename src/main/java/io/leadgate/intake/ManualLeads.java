package io.leadgate.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelFileLoader;
import io.leadgate.channel.ChannelRegistry;
import io.leadgate.channel.Headers;
import io.leadgate.channel.HookOutcome;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.Provider;
import io.leadgate.inquiry.ContactInfo;
import io.leadgate.inquiry.EmailNormalizer;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.NameNormalizer;
import io.leadgate.inquiry.PhoneNormalizer;
import io.leadgate.inquiry.PhoneResult;
import io.leadgate.pipeline.Refusal;
import io.leadgate.refusal.RefusedException;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A lead entered by hand (a walk-in, a call noted on paper), from the console or {@code POST /api/leads}: turned into
 * an inquiry and written through the one write path, so identity resolution, repeat-lead policy, assignment and
 * events are exactly those of a hook. The one place where inquiries made inside the gateway (hand-made leads, the
 * console's demo data) enter the write path.
 */
@ApplicationScoped
public class ManualLeads {

    /** The channel id of leads entered by hand without a channel. */
    public static final String CHANNEL = "manual";
    public static final String PROVIDER = "manual";
    static final int MAX_TEXT = 10_000;

    /** What was typed; phones in any format (national numbers read in the channel's region). */
    public record Entry(String name, List<String> phones, List<String> emails, String text, String channelId,
                        String source) {
    }

    /** The lead it went to (new, or a returning client's open lead) and the contact card. */
    public record Created(long leadId, long contactId, boolean newLead) {
    }

    /** A hand-made lead that cannot be taken, with the reason. */
    public static class Refused extends RefusedException {

        public Refused(String message) {
            this(Refusal.OTHER, message);
        }

        public Refused(Refusal refusal, String message, Object... args) {
            super(refusal, message, args);
        }
    }

    private final Intake intake;
    private final ChannelRegistry channels;
    private final ObjectMapper mapper;

    ManualLeads(Intake intake, ChannelRegistry channels, ObjectMapper mapper) {
        this.intake = intake;
        this.channels = channels;
        this.mapper = mapper;
    }

    public Created create(Entry e, String actor) {
        if (e == null || e.text() == null || e.text().isBlank()) {
            throw new Refused(Refusal.LEAD_TEXT_REQUIRED, "text is required");
        }
        if (e.text().length() > MAX_TEXT) {
            throw new Refused(Refusal.LEAD_TEXT_TOO_LONG, "text is longer than " + MAX_TEXT + " characters",
                    MAX_TEXT);
        }
        ChannelDefinition channel = channel(e.channelId(), e.source());
        ContactInfo contact = contact(e, channel.defaultRegion());
        if (!contact.identifiable() && contact.name() == null) {
            throw new Refused(Refusal.LEAD_CONTACT_REQUIRED, "a name, phone or email is required");
        }
        Inquiry item = Inquiry.builder(channel.provider().family(), PROVIDER)
                .kind(Kind.LEAD, null)
                .externalId("manual:" + UUID.randomUUID()) // every entry is its own inquiry, never a redelivery
                .occurredAt(Instant.now())
                .contact(contact)
                .text(e.text().strip())
                .extra("enteredBy", actor == null ? "api" : actor)
                .build();
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        HookOutcome.Item outcome = store(channel, item, body, "/api/leads");
        if (outcome.leadId() == null || outcome.contactId() == null) {
            throw new Refused(Refusal.LEAD_ALL_EXCLUDED,
                    "no lead was opened: every phone and email given is on the exclusion list");
        }
        return new Created(outcome.leadId(), outcome.contactId(), outcome.result() == HookOutcome.Result.LEAD_CREATED);
    }

    /**
     * Writes one inquiry made inside the gateway (a hand-made lead, the demo data set) through the front door
     * ({@link Intake#submit}), as if a hook had received {@code body} at {@code path}.
     *
     * @throws StorageUnavailableException when the database cannot take it now (answer 503; nothing was kept)
     * @throws NotWritten                  when the write failed otherwise (the entry is kept as an envelope)
     */
    public HookOutcome.Item store(ChannelDefinition channel, Inquiry item, byte[] body, String path) {
        HookRequest request = new HookRequest("POST", "", Headers.of(Map.of("Content-Type", List.of("application/json"))),
                null, body, path, null, Instant.now());
        Outcome outcome = intake.submit(Submission.entered(channel, request, List.of(item)));
        if (outcome instanceof Outcome.Written written) {
            return written.result().items().get(0);
        }
        if (outcome instanceof Outcome.StorageDown down) {
            throw new StorageUnavailableException(new IllegalStateException(down.cause()));
        }
        if (outcome instanceof Outcome.KeptForReplay kept) {
            throw new NotWritten("the lead could not be written; the entry is kept as envelope " + kept.envelopeId());
        }
        throw new NotWritten("the lead could not be written: " + outcome.getClass().getSimpleName());
    }

    /** A hand-made lead that was not written for a reason other than its content. */
    public static class NotWritten extends RuntimeException {
        public NotWritten(String message) {
            super(message);
        }
    }

    private ChannelDefinition channel(String channelId, String source) {
        String src = source == null || source.isBlank() ? null : source.strip();
        if (src != null && src.length() > 200) {
            throw new Refused(Refusal.LEAD_SOURCE_TOO_LONG, "source is longer than 200 characters", 200);
        }
        if (channelId == null || channelId.isBlank() || channelId.strip().equals(CHANNEL)) {
            return new ChannelDefinition(CHANNEL, Provider.WEBFORM, true, ChannelFileLoader.DEFAULT_REGION,
                    src == null ? CHANNEL : src, Map.of(), null);
        }
        Optional<ChannelDefinition> known = channels.all().stream().filter(d -> d.id().equals(channelId.strip()))
                .findFirst();
        ChannelDefinition d = known.orElseThrow(() -> new Refused(Refusal.LEAD_CHANNEL_UNKNOWN, "no channel " + channelId,
                channelId));
        return src == null ? d : d.withSource(src);
    }

    private static ContactInfo contact(Entry e, String region) {
        List<String> phones = new ArrayList<>();
        List<String> raw = new ArrayList<>();
        for (String p : e.phones() == null ? List.<String>of() : e.phones()) {
            if (p == null || p.isBlank()) {
                continue;
            }
            if (PhoneNormalizer.normalize(p, region == null ? ChannelFileLoader.DEFAULT_REGION : region)
                    instanceof PhoneResult.Normalized n) {
                if (!phones.contains(n.e164())) {
                    phones.add(n.e164());
                }
            } else {
                int which = phones.size() + raw.size() + 1;
                throw new Refused(Refusal.LEAD_PHONE_INVALID, "phone " + which + " is not a phone number", which);
            }
        }
        List<String> emails = new ArrayList<>();
        for (String m : e.emails() == null ? List.<String>of() : e.emails()) {
            if (m == null || m.isBlank()) {
                continue;
            }
            String normalized = EmailNormalizer.normalize(m).orElseThrow(() -> new Refused(Refusal.LEAD_EMAIL_INVALID,
                    "an email is not an address"));
            if (!emails.contains(normalized)) {
                emails.add(normalized);
            }
        }
        String name = e.name() == null || e.name().isBlank() ? null : NameNormalizer.clean(e.name());
        if (name != null && name.length() > 500) {
            throw new Refused(Refusal.NAME_TOO_LONG, "name is longer than 500 characters", 500);
        }
        return new ContactInfo(name, phones, raw, emails, List.of(), null);
    }
}
