package io.leadgate.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.leadgate.contact.MergeParticipant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;

/** A merge moves the source card's deals to the target; the undo moves exactly those back. */
@ApplicationScoped
public class DealMerge implements MergeParticipant {

    private final EntityManager em;
    private final ObjectMapper mapper;

    DealMerge(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    @Override
    public String name() {
        return "deals";
    }

    @Override
    public JsonNode merge(long sourceId, long targetId) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select id from deal where contact_id = ?1 order by id")
                .setParameter(1, sourceId).getResultList();
        ArrayNode moved = mapper.createArrayNode();
        ids.forEach(id -> moved.add(id.longValue()));
        em.createNativeQuery("update deal set contact_id = ?1 where contact_id = ?2")
                .setParameter(1, targetId).setParameter(2, sourceId).executeUpdate();
        return moved;
    }

    @Override
    public void undo(long sourceId, long targetId, JsonNode moved) {
        for (JsonNode id : moved) {
            em.createNativeQuery("update deal set contact_id = ?1 where id = ?2 and contact_id = ?3")
                    .setParameter(1, sourceId).setParameter(2, id.asLong()).setParameter(3, targetId).executeUpdate();
        }
    }
}
