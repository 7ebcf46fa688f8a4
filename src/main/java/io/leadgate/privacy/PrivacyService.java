package io.leadgate.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.contact.Contact;
import io.leadgate.contact.MergedCards;
import io.leadgate.delivery.Outbox;
import io.leadgate.events.EventTypes;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * GDPR access and erasure for one person, over every {@link PersonalData} part and every card of the person
 * ({@link MergedCards}: a merge leaves its source card, with its name, keys and events, pointing to the target). An
 * erased contact is gone for the API (404), its identities are deleted, and the rows that anonymous counts need stay
 * with their personal columns scrubbed. Erasure emits {@code leadgate.contact.erased} for each card so that consumers
 * can erase their copies.
 */
@ApplicationScoped
public class PrivacyService {

    private static final Logger LOG = Logger.getLogger(PrivacyService.class);

    private final List<PersonalData> parts;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final MergedCards cards;

    PrivacyService(@All List<PersonalData> parts, Outbox outbox, ObjectMapper mapper, MergedCards cards) {
        this.cards = cards;
        this.parts = parts.stream().sorted(Comparator.comparingInt(PersonalData::order)
                .thenComparing(PersonalData::section)).toList();
        this.outbox = outbox;
        this.mapper = mapper;
    }

    /**
     * Everything held about a live person: the card asked for, or the card it was merged into, with the cards merged
     * into that one under {@code mergedContacts}. Empty when there is no such card or the person was erased.
     */
    @Transactional
    public Optional<ObjectNode> export(long contactId) {
        Optional<MergedCards.Person> person = cards.of(contactId);
        if (person.isEmpty() || Contact.<Contact>findById(person.get().survivor()).erasedAt != null) {
            return Optional.empty();
        }
        ObjectNode json = mapper.createObjectNode();
        json.put("contactId", String.valueOf(person.get().survivor()));
        json.put("exportedAt", Instant.now().toString());
        json.setAll(card(person.get().survivor()));
        ArrayNode merged = json.putArray("mergedContacts");
        person.get().merged().forEach(id -> merged.add(card(id)));
        return Optional.of(json);
    }

    /**
     * Erases a live person's personal data: the card asked for, the card it was merged into and every card merged
     * into that one. False when there is no such card or every card of the person was erased before.
     */
    @Transactional
    public boolean erase(long contactId) {
        Optional<MergedCards.Person> person = cards.lock(contactId);
        if (person.isEmpty()) {
            return false;
        }
        List<Contact> live = person.get().all().stream().map(id -> Contact.<Contact>findById(id))
                .filter(c -> c.erasedAt == null).toList();
        if (live.isEmpty()) {
            return false;
        }
        Instant now = Instant.now();
        for (Contact contact : live) {
            erase(contact, now);
        }
        return true;
    }

    private ObjectNode card(long contactId) {
        ObjectNode json = mapper.createObjectNode();
        json.put("contactId", String.valueOf(contactId));
        for (PersonalData part : parts) {
            json.set(part.section(), part.export(contactId));
        }
        return json;
    }

    private void erase(Contact contact, Instant now) {
        ObjectNode counts = mapper.createObjectNode();
        for (PersonalData part : parts) {
            counts.put(part.section(), part.erase(contact.id));
        }
        contact.erasedAt = now;
        contact.updatedAt = now;
        ObjectNode data = mapper.createObjectNode();
        data.put("contactId", String.valueOf(contact.id));
        data.put("erasedAt", now.toString());
        outbox.append(EventTypes.CONTACT_ERASED, null, contact.id, null, null, data, now);
        LOG.infof("contact %d erased: %s", contact.id, counts);
    }
}
