package io.leadgate.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.leadgate.contact.ContactIdentity;
import io.leadgate.contact.IdentityKind;
import io.leadgate.intake.Envelope;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;

/**
 * Parked envelopes (failed or unparseable) that name the contact ({@link ParkedMatch}): they belong to no inquiry, so
 * they are found by the contact's phones and emails. Runs before the card's identities are deleted. The export lists
 * them without their raw body (it may name other people too); erasure empties body, headers, query, URL and error
 * and marks them unparseable with the error {@code erased}, never replayed by itself again.
 */
@ApplicationScoped
public class ParkedEnvelopeData implements PersonalData {

    static final String ERASED = "erased";

    private final ObjectMapper mapper;

    ParkedEnvelopeData(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    private static List<Envelope> of(long contactId) {
        List<ContactIdentity> identities = ContactIdentity.<ContactIdentity>find("contactId = ?1 and kind in ?2",
                contactId, List.of(IdentityKind.PHONE, IdentityKind.EMAIL)).list();
        List<String> phones = identities.stream().filter(i -> i.kind == IdentityKind.PHONE)
                .map(i -> i.identityValue).toList();
        List<String> emails = identities.stream().filter(i -> i.kind == IdentityKind.EMAIL)
                .map(i -> i.identityValue).toList();
        if (phones.isEmpty() && emails.isEmpty()) {
            return List.of();
        }
        return Envelope.<Envelope>find("status in ?1 order by id",
                        List.of(Envelope.Status.FAILED, Envelope.Status.UNPARSEABLE, Envelope.Status.CLASSIFIED)).stream()
                .filter(e -> ParkedMatch.names(e.body, phones, emails)).toList();
    }

    @Override
    public String section() {
        return "parkedEnvelopes";
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public JsonNode export(long contactId) {
        ArrayNode array = mapper.createArrayNode();
        for (Envelope e : of(contactId)) {
            array.addObject().put("id", String.valueOf(e.id)).put("channelId", e.channelId)
                    .put("provider", e.provider).put("receivedAt", e.receivedAt.toString())
                    .put("status", e.status.name().toLowerCase(Locale.ROOT));
        }
        return array;
    }

    @Override
    public int erase(long contactId) {
        List<Envelope> envelopes = of(contactId);
        for (Envelope e : envelopes) {
            e.body = new byte[0];
            e.headers = "{}";
            e.queryString = null;
            e.requestUrl = null;
            e.status = Envelope.Status.UNPARSEABLE;
            e.error = ERASED;
            e.nextAttemptAt = null;
        }
        return envelopes.size();
    }
}
