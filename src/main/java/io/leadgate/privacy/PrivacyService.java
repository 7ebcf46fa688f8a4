package io.leadgate.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.contact.Contact;
import io.leadgate.delivery.Outbox;
import io.leadgate.events.EventTypes;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * GDPR access and erasure for one contact, over every {@link PersonalData} part. An erased contact is gone for the
 * API (404), its identities are deleted, and the rows that anonymous counts need stay with their personal columns
 * scrubbed. Erasure emits {@code leadgate.contact.erased} so that consumers can erase their copies.
 */
@ApplicationScoped
public class PrivacyService {

    private static final Logger LOG = Logger.getLogger(PrivacyService.class);

    private final List<PersonalData> parts;
    private final Outbox outbox;
    private final ObjectMapper mapper;

    PrivacyService(@All List<PersonalData> parts, Outbox outbox, ObjectMapper mapper) {
        this.parts = parts.stream().sorted(Comparator.comparingInt(PersonalData::order)
                .thenComparing(PersonalData::section)).toList();
        this.outbox = outbox;
        this.mapper = mapper;
    }

    /** Everything held about a live contact; empty when there is no such contact or it was erased. */
    @Transactional
    public Optional<ObjectNode> export(long contactId) {
        Contact contact = Contact.findById(contactId);
        if (contact == null || contact.erasedAt != null) {
            return Optional.empty();
        }
        ObjectNode json = mapper.createObjectNode();
        json.put("contactId", String.valueOf(contactId));
        json.put("exportedAt", Instant.now().toString());
        for (PersonalData part : parts) {
            json.set(part.section(), part.export(contactId));
        }
        return Optional.of(json);
    }

    /** Erases a live contact's personal data; false when there is no such contact or it was erased before. */
    @Transactional
    public boolean erase(long contactId) {
        Contact contact = Contact.findById(contactId, LockModeType.PESSIMISTIC_WRITE);
        if (contact == null || contact.erasedAt != null) {
            return false;
        }
        Instant now = Instant.now();
        ObjectNode counts = mapper.createObjectNode();
        for (PersonalData part : parts) {
            counts.put(part.section(), part.erase(contactId));
        }
        contact.erasedAt = now;
        contact.updatedAt = now;
        ObjectNode data = mapper.createObjectNode();
        data.put("contactId", String.valueOf(contactId));
        data.put("erasedAt", now.toString());
        outbox.append(EventTypes.CONTACT_ERASED, null, contactId, null, null, data, now);
        LOG.infof("contact %d erased: %s", contactId, counts);
        return true;
    }
}
