package io.leadgate.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The funnel's per-deal summary ({@code deal_funnel}, V260): one row per deal and pipeline it entered, with its first
 * and last entry into a live stage there, the first and furthest non-lost stage position, the lost stage positions
 * as a bit mask and the reason of its last loss. {@link FunnelQuery} reads it for the deals whose entries all fall in
 * the period. It is recomputed from the deal's stage entries, never patched: by {@link DealService} in the
 * transaction of each entry (the only place that writes {@code deal_move}), for a whole pipeline when its stage
 * layout changes ({@link PipelineService}), and renamed with a deleted loss reason ({@link CatalogEdits}).
 */
@ApplicationScoped
public class FunnelSummary {

    /** The summary rows of the stage entries that {@code where} selects ({@code m} the entry, {@code s} its stage). */
    static String select(String where) {
        return "select m.deal_id, m.to_pipeline_id, min(m.moved_at), max(m.moved_at),"
                + " min(case when s.semantics <> 'lost' then s.position end),"
                + " max(case when s.semantics <> 'lost' then s.position end),"
                + " cast(sum(distinct case when s.semantics = 'lost' then cast(power(2, s.position) as bigint) end)"
                + " as bigint),"
                + " (select x.loss_reason from deal_move x join stage y on y.id = x.to_stage_id"
                + " where x.deal_id = m.deal_id and x.to_pipeline_id = m.to_pipeline_id and y.semantics = 'lost'"
                + " and y.deleted = false order by x.moved_at desc, x.id desc limit 1)"
                + " from deal_move m join stage s on s.id = m.to_stage_id"
                + " where s.deleted = false and " + where
                + " group by m.deal_id, m.to_pipeline_id";
    }

    private static final String INSERT = "insert into deal_funnel (deal_id, pipeline_id, first_at, last_at, lo, hi,"
            + " lost, loss_reason) ";

    private final EntityManager em;

    FunnelSummary(EntityManager em) {
        this.em = em;
    }

    /** Recomputes a deal's rows from its stage entries (call after recording an entry, in its transaction). */
    void dealMoved(long dealId) {
        em.flush();
        em.createNativeQuery("delete from deal_funnel where deal_id = ?1").setParameter(1, dealId).executeUpdate();
        em.createNativeQuery(INSERT + select("m.deal_id = ?1")).setParameter(1, dealId).executeUpdate();
    }

    /** Recomputes every row of a pipeline: its stages were added, reordered, deleted or changed meaning. */
    void layoutChanged(long pipelineId) {
        em.flush();
        em.createNativeQuery("delete from deal_funnel where pipeline_id = ?1").setParameter(1, pipelineId)
                .executeUpdate();
        em.createNativeQuery(INSERT + select("m.to_pipeline_id = ?1")).setParameter(1, pipelineId).executeUpdate();
    }

    /** A loss reason was folded into another in the stage entries too. */
    void lossReasonRenamed(String from, String to) {
        em.createNativeQuery("update deal_funnel set loss_reason = ?2 where loss_reason = ?1").setParameter(1, from)
                .setParameter(2, to).executeUpdate();
    }

    /** A pipeline's rows that differ from a recomputation from the stage entries: 0 when its summary is true. */
    public long drift(long pipelineId) {
        String fresh = select("m.to_pipeline_id = ?1");
        String kept = "select deal_id, pipeline_id, first_at, last_at, lo, hi, lost, loss_reason from deal_funnel"
                + " where pipeline_id = ?1";
        long n = 0;
        for (String sql : new String[]{kept + " except " + fresh, fresh + " except " + kept}) {
            n += ((Number) em.createNativeQuery("select count(*) from (" + sql + ") a").setParameter(1, pipelineId)
                    .getSingleResult()).longValue();
        }
        return n;
    }
}
