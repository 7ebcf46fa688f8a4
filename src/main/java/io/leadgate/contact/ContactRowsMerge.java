package io.leadgate.contact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.persistence.EntityManager;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@link MergeParticipant} of a table whose rows each belong to one contact through a {@code contact_id} column
 * (inquiries, leads, calls, deals): a merge moves the source card's rows to the target and keeps their ids, and the
 * ids of the rows the target had; the undo moves exactly the moved ones back, and refuses when any of them was moved
 * or erased since. Rows on the target in neither list came while the cards were merged ({@link #arrived}); which of
 * them go back is the subclass's rule ({@link #undoArrivals}). The package that owns the table declares it with a
 * subclass naming its table; the SQL shape lives here once, and names no table itself (which leads are the
 * source's is asked of {@code lead} through {@link ContactLeads}).
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

    /** Returns {@code {"moved": [source's row ids], "kept": [target's row ids]}}. */
    @Override
    public JsonNode merge(long sourceId, long targetId) {
        List<Number> ids = idsOf(sourceId);
        List<Number> kept = idsOf(targetId);
        em.createNativeQuery("update " + table + " set contact_id = ?1 where contact_id = ?2")
                .setParameter(1, targetId).setParameter(2, sourceId).executeUpdate();
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        state.set("moved", MovedRows.toJson(ids));
        state.set("kept", MovedRows.toJson(kept));
        return state;
    }

    @Override
    public void undo(long sourceId, long targetId, JsonNode state) {
        List<Long> ids = MovedRows.ids(moved(state));
        if (!ids.isEmpty()) {
            MovedRows.requireAll(what, moveBack(sourceId, targetId, ids), ids);
        }
    }

    /**
     * The rows on the target that the merge neither moved there nor found there: they came while merged. Empty for a
     * merge recorded before the target's rows were kept in the snapshot (its undo leaves them on the target).
     */
    protected List<Long> arrived(long targetId, JsonNode state) {
        if (!state.has("kept")) {
            return List.of();
        }
        Set<Long> before = new HashSet<>(MovedRows.ids(state.path("kept")));
        before.addAll(MovedRows.ids(moved(state)));
        return idsOf(targetId).stream().map(Number::longValue).filter(id -> !before.contains(id)).toList();
    }

    /**
     * The rule of calls and deals: those made while merged that hang on a lead now on the source (one the merge
     * moved, or one that followed its inquiry back) go back with it.
     */
    protected void followTheirLeads(Arrivals arrivals, JsonNode state) {
        List<Long> arrived = arrived(arrivals.targetId(), state);
        if (arrived.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, lead_id from " + table
                + " where id in (?1) and lead_id is not null order by id").setParameter(1, arrived).getResultList();
        Set<Long> sourceLeads = arrivals.onSource(rows.stream().map(r -> ((Number) r[1]).longValue()).toList());
        List<Long> back = rows.stream().filter(r -> sourceLeads.contains(((Number) r[1]).longValue()))
                .map(r -> ((Number) r[0]).longValue()).toList();
        if (!back.isEmpty()) {
            moveBack(arrivals.sourceId(), arrivals.targetId(), back);
        }
        arrivals.returned(name, back);
    }

    /** Moves these rows from the target to the source; returns how many were still on the target. */
    protected int moveBack(long sourceId, long targetId, List<Long> ids) {
        return em.createNativeQuery("update " + table + " set contact_id = ?1 where contact_id = ?2 and id in (?3)")
                .setParameter(1, sourceId).setParameter(2, targetId).setParameter(3, ids).executeUpdate();
    }

    protected EntityManager em() {
        return em;
    }

    /** The moved ids: the state itself in merges recorded before the target's rows were kept. */
    private static JsonNode moved(JsonNode state) {
        return state.isArray() ? state : state.path("moved");
    }

    @SuppressWarnings("unchecked")
    private List<Number> idsOf(long contactId) {
        return em.createNativeQuery("select id from " + table + " where contact_id = ?1 order by id")
                .setParameter(1, contactId).getResultList();
    }
}
