package io.leadgate.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.leadgate.channel.Secrets;
import io.leadgate.intake.InquiryViews;
import io.leadgate.intake.StoredInquiry;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The contact's inquiries, and those joined to the contact's leads without naming anybody (a thread follow-up).
 * Erasure scrubs the item and the resolution; the row keeps channel, provider, kind, reason and times. The dedup
 * key is replaced by its hash, so a redelivery is still recognised while no provider id stays readable.
 */
@ApplicationScoped
public class InquiryData implements PersonalData {

    private final ObjectMapper mapper;

    InquiryData(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    static List<StoredInquiry> of(long contactId) {
        return StoredInquiry.<StoredInquiry>find("contactId = ?1 or leadId in (select l.id from Lead l where l.contactId = ?1) "
                + "order by receivedAt, id", contactId).list();
    }

    @Override
    public String section() {
        return "inquiries";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public JsonNode export(long contactId) {
        ArrayNode array = mapper.createArrayNode();
        of(contactId).forEach(i -> array.add(InquiryViews.of(i)));
        return array;
    }

    @Override
    public int erase(long contactId) {
        List<StoredInquiry> inquiries = of(contactId);
        for (StoredInquiry inquiry : inquiries) {
            inquiry.item = Scrub.item(Scrub.read(inquiry.item)).toString();
            inquiry.resolution = Scrub.resolution(inquiry.resolution);
            inquiry.externalId = null;
            if (!inquiry.dedupKey.startsWith("sha256:") && !inquiry.dedupKey.startsWith("erased:")) {
                inquiry.dedupKey = "erased:" + Secrets.hex(Secrets.sha256(inquiry.dedupKey.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return inquiries.size();
    }
}
