package io.leadgate.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.leadgate.contact.ContactKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;

/**
 * Identity matching's traces of a person: blocking keys (derived from names, phones and emails), merge candidates
 * and merge records, whose undo snapshots hold identity values. Keys and snapshots are deleted; candidates too.
 */
@ApplicationScoped
public class MatchingData implements PersonalData {

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final ContactKeys keys;

    MatchingData(EntityManager em, ObjectMapper mapper, ContactKeys keys) {
        this.em = em;
        this.mapper = mapper;
        this.keys = keys;
    }

    @Override
    public String section() {
        return "merges";
    }

    @Override
    public int order() {
        return 15;
    }

    @Override
    public JsonNode export(long contactId) {
        ArrayNode array = mapper.createArrayNode();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, target_id, source_id, origin, created_at, undone_at "
                        + "from contact_merge where target_id = ?1 or source_id = ?1 order by id")
                .setParameter(1, contactId).getResultList();
        for (Object[] r : rows) {
            array.addObject().put("id", String.valueOf(r[0])).put("targetId", String.valueOf(r[1]))
                    .put("sourceId", String.valueOf(r[2])).put("origin", String.valueOf(r[3]))
                    .put("createdAt", String.valueOf(r[4])).put("undoneAt", r[5] == null ? null : String.valueOf(r[5]));
        }
        return array;
    }

    @Override
    public int erase(long contactId) {
        int n = keys.erase(contactId);
        n += em.createNativeQuery("delete from merge_candidate where contact_id = ?1 or other_id = ?1")
                .setParameter(1, contactId).executeUpdate();
        n += em.createNativeQuery("delete from contact_merge where target_id = ?1 or source_id = ?1")
                .setParameter(1, contactId).executeUpdate();
        return n;
    }
}
