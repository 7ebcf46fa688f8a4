package io.leadgate.lead;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadgate.contact.MergeParticipant;
import io.leadgate.contact.MovedRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;

/** A merge moves the source card's leads to the target; the undo moves exactly those back. */
@ApplicationScoped
public class LeadMerge implements MergeParticipant {

    private final EntityManager em;

    LeadMerge(EntityManager em) {
        this.em = em;
    }

    /** Also the key of merges made before participants owned their tables. */
    @Override
    public String name() {
        return "lead";
    }

    @Override
    public JsonNode merge(long sourceId, long targetId) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select id from lead where contact_id = ?1 order by id")
                .setParameter(1, sourceId).getResultList();
        em.createNativeQuery("update lead set contact_id = ?1 where contact_id = ?2")
                .setParameter(1, targetId).setParameter(2, sourceId).executeUpdate();
        return MovedRows.toJson(ids);
    }

    @Override
    public void undo(long sourceId, long targetId, JsonNode moved) {
        List<Long> ids = MovedRows.ids(moved);
        if (!ids.isEmpty()) {
            MovedRows.requireAll("leads", em.createNativeQuery(
                            "update lead set contact_id = ?1 where contact_id = ?2 and id in (?3)")
                    .setParameter(1, sourceId).setParameter(2, targetId).setParameter(3, ids).executeUpdate(), ids);
        }
    }
}
