package io.leadgate.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadgate.contact.Arrivals;
import io.leadgate.contact.ContactRowsMerge;
import io.leadgate.inquiry.ContactInfo;
import io.leadgate.inquiry.Handle;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.List;

/**
 * A merge moves the source card's inquiries to the target; the undo moves exactly those back, and the inquiries that
 * arrived while merged go back when they came by the source's identities (the phones, addresses and handles stored
 * with each inquiry at intake), in order of arrival. A lead such an inquiry opened follows it.
 */
@Singleton
public class InquiryMerge extends ContactRowsMerge {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    InquiryMerge(EntityManager em) {
        super(em, "inquiry", "inquiry", "inquiries");
    }

    @Override
    public void undoArrivals(Arrivals arrivals, JsonNode state) {
        List<Long> arrived = arrived(arrivals.targetId(), state);
        if (arrived.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery("select id, lead_id, item from inquiry where id in (?1) "
                + "order by received_at, id").setParameter(1, arrived).getResultList();
        List<Long> back = new ArrayList<>();
        for (Object[] row : rows) {
            if (arrivals.goesBack(contactOf((String) row[2]))) {
                long id = ((Number) row[0]).longValue();
                back.add(id);
                if (row[1] != null && opened(((Number) row[1]).longValue(), id)) {
                    arrivals.leadFollows(((Number) row[1]).longValue());
                }
            }
        }
        if (!back.isEmpty()) {
            moveBack(arrivals.sourceId(), arrivals.targetId(), back);
        }
        arrivals.returned(name(), back);
    }

    @Override
    public int arrivalStage() {
        return 10;
    }

    /** True when this inquiry is the first of its lead: it opened the lead. */
    private boolean opened(long leadId, long inquiryId) {
        @SuppressWarnings("unchecked")
        List<Number> first = em().createNativeQuery("select id from inquiry where lead_id = ?1 "
                + "order by received_at, id limit 1").setParameter(1, leadId).getResultList();
        return !first.isEmpty() && first.get(0).longValue() == inquiryId;
    }

    /** The identities stored with the inquiry at intake ({@code item.contact}, as InquiryJson writes it). */
    static ContactInfo contactOf(String item) {
        JsonNode contact;
        try {
            contact = MAPPER.readTree(item).path("contact");
        } catch (JsonProcessingException e) {
            return ContactInfo.EMPTY;
        }
        List<Handle> handles = new ArrayList<>();
        for (JsonNode h : contact.path("handles")) {
            if (h.hasNonNull("provider") && h.hasNonNull("id")) {
                handles.add(new Handle(h.get("provider").asText(), h.get("id").asText(), null));
            }
        }
        return new ContactInfo(null, strings(contact.path("phones")), List.of(), strings(contact.path("emails")),
                handles, null);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> {
            if (v.isTextual()) {
                values.add(v.asText());
            }
        });
        return values;
    }
}
