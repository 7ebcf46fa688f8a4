package io.leadgate.contact;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.EntityManager;

import java.util.List;

/**
 * The {@link MergeParticipant} of a table whose rows each belong to one contact through a {@code contact_id} column
 * (inquiries, leads, calls, deals): a merge moves the source card's rows to the target and keeps their ids; the undo
 * moves exactly those back, and refuses when any of them was moved or erased since. The package that owns the table
 * declares it with a subclass naming its table; the SQL shape lives here once.
 */
public abstract class ContactRowsMerge implements MergeParticipant {

    private final EntityManager em;
    private final String name;
    private final String table;
    private final String what;

    /**
     * @param name  the participant's key in merge snapshots (stable: merges already recorded use it)
     * @param table the owning package's table, a constant (never input)
     * @param what  the rows in words, for the refusal of an undo ("calls")
     */
    protected ContactRowsMerge(EntityManager em, String name, String table, String what) {
        this.em = em;
        this.name = name;
        this.table = table;
        this.what = what;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public JsonNode merge(long sourceId, long targetId) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select id from " + table + " where contact_id = ?1 order by id")
                .setParameter(1, sourceId).getResultList();
        em.createNativeQuery("update " + table + " set contact_id = ?1 where contact_id = ?2")
                .setParameter(1, targetId).setParameter(2, sourceId).executeUpdate();
        return MovedRows.toJson(ids);
    }

    @Override
    public void undo(long sourceId, long targetId, JsonNode moved) {
        List<Long> ids = MovedRows.ids(moved);
        if (!ids.isEmpty()) {
            MovedRows.requireAll(what, em.createNativeQuery(
                            "update " + table + " set contact_id = ?1 where contact_id = ?2 and id in (?3)")
                    .setParameter(1, sourceId).setParameter(2, targetId).setParameter(3, ids).executeUpdate(), ids);
        }
    }
}
