package io.leadgate.console.board;

import io.leadgate.config.LeadgateConfig;
import io.leadgate.console.Choices;
import io.leadgate.pipeline.DealTitles;
import io.leadgate.pipeline.LossReasons;
import io.leadgate.pipeline.PipelineService;
import io.leadgate.pipeline.PipelineView;
import io.leadgate.pipeline.StageView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a board: counts and sums per stage in one grouped query, then at most {@link #CARDS} cards per column
 * (by the {@code stage_id, stage_entered_at} index), with the contacts' names in one more query. A card's title is the
 * deal's, as the API shows it ({@link DealTitles}).
 */
@ApplicationScoped
public class BoardQuery {

    public static final int CARDS = 50;

    private final EntityManager em;
    private final PipelineService pipelines;
    private final LossReasons lossReasons;
    private final LeadgateConfig config;

    BoardQuery(EntityManager em, PipelineService pipelines, LossReasons lossReasons, LeadgateConfig config) {
        this.em = em;
        this.pipelines = pipelines;
        this.lossReasons = lossReasons;
        this.config = config;
    }

    /** The board of a pipeline (id or name; default when blank); {@code manager} non-null shows only their deals. */
    @Transactional
    @SuppressWarnings("unchecked")
    public BoardView board(String pipeline, String manager) {
        PipelineView p = pipelines.view(pipelines.requested(pipeline == null || pipeline.isBlank() ? null : pipeline));
        String mine = manager == null ? "" : " and d.responsible = :manager";
        Query totals = em.createNativeQuery("select d.stage_id, count(*), sum(d.amount) from deal d "
                + "where d.pipeline_id = :p" + mine + " group by d.stage_id").setParameter("p", Long.parseLong(p.id()));
        if (manager != null) {
            totals.setParameter("manager", manager);
        }
        Map<Long, Object[]> byStage = new HashMap<>();
        for (Object[] r : (List<Object[]>) totals.getResultList()) {
            byStage.put(((Number) r[0]).longValue(), r);
        }
        List<Object[]> cards = new ArrayList<>();
        for (StageView s : p.stages()) {
            Object[] t = byStage.get(Long.parseLong(s.id()));
            if (t == null) {
                continue;
            }
            Query q = em.createNativeQuery("select d.id, d.contact_id, d.amount, d.currency, d.responsible, "
                            + "d.stage_entered_at, d.loss_reason, d.stage_id, d.title, d.source, d.channel_id "
                            + "from deal d where d.stage_id = :s" + mine
                            + " order by d.stage_entered_at desc, d.id desc")
                    .setParameter("s", Long.parseLong(s.id())).setMaxResults(CARDS);
            if (manager != null) {
                q.setParameter("manager", manager);
            }
            cards.addAll(q.getResultList());
        }
        Map<Long, String[]> names = names(cards.stream().map(r -> ((Number) r[1]).longValue()).distinct().toList());
        List<BoardView.Column> columns = new ArrayList<>();
        for (StageView s : p.stages()) {
            long stageId = Long.parseLong(s.id());
            Object[] t = byStage.get(stageId);
            List<BoardView.Card> own = cards.stream().filter(r -> ((Number) r[7]).longValue() == stageId)
                    .map(r -> card(r, names.getOrDefault(((Number) r[1]).longValue(), new String[2])))
                    .toList();
            columns.add(new BoardView.Column(s.id(), s.name(), s.color(), s.semantics(),
                    t == null ? 0 : ((Number) t[1]).longValue(),
                    t == null || t[2] == null ? BigDecimal.ZERO : new BigDecimal(t[2].toString()), own));
        }
        List<Choices.Option> reasons = lossReasons.list().stream().map(r -> new Choices.Option(r.code, r.name)).toList();
        return new BoardView(p, pipelines.list(), columns, manager != null, config.pipeline().defaultCurrency(), reasons);
    }

    /** A card: the deal's title as the API shows it (its own, else the default), the contact's name apart. */
    private static BoardView.Card card(Object[] r, String[] contact) {
        long contactId = ((Number) r[1]).longValue();
        return new BoardView.Card(((Number) r[0]).longValue(), contactId,
                DealTitles.shown((String) r[8], contact[0], contact[1], contactId, (String) r[9], (String) r[10]),
                contact[0] != null ? contact[0] : contact[1], (BigDecimal) r[2], (String) r[3], (String) r[4],
                io.leadgate.console.inbox.InboxQuery.instant(r[5]), (String) r[6]);
    }

    /** Name and company of each contact. */
    @SuppressWarnings("unchecked")
    private Map<Long, String[]> names(List<Long> contactIds) {
        Map<Long, String[]> names = new HashMap<>();
        if (contactIds.isEmpty()) {
            return names;
        }
        for (Object[] r : (List<Object[]>) em.createNativeQuery("select id, name, company from contact where id in (:ids)")
                .setParameter("ids", contactIds).getResultList()) {
            names.put(((Number) r[0]).longValue(), new String[] {(String) r[1], (String) r[2]});
        }
        return names;
    }
}
