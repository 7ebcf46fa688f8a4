package io.leadgate.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;

/** Attachment contents kept for the person's inquiries ({@code attachments: store}): listed, then deleted. */
@ApplicationScoped
public class AttachmentData implements PersonalData {

    private static final String OF_CONTACT = "inquiry_id in (select id from inquiry where contact_id = ?1)";

    private final EntityManager em;
    private final ObjectMapper mapper;

    AttachmentData(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    @Override
    public String section() {
        return "attachments";
    }

    @Override
    public int order() {
        return 25; // before the inquiries are scrubbed
    }

    @Override
    public JsonNode export(long contactId) {
        ArrayNode array = mapper.createArrayNode();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select inquiry_id, position, name, content_type, size, sha256 "
                + "from attachment_content where " + OF_CONTACT + " order by inquiry_id, position")
                .setParameter(1, contactId).getResultList();
        for (Object[] r : rows) {
            array.addObject().put("inquiryId", String.valueOf(r[0])).put("url",
                            "/api/inquiries/" + r[0] + "/attachments/" + r[1])
                    .put("name", (String) r[2]).put("contentType", (String) r[3])
                    .put("size", ((Number) r[4]).longValue()).put("sha256", (String) r[5]);
        }
        return array;
    }

    @Override
    public int erase(long contactId) {
        return em.createNativeQuery("delete from attachment_content where " + OF_CONTACT)
                .setParameter(1, contactId).executeUpdate();
    }
}
