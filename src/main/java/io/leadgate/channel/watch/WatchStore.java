package io.leadgate.channel.watch;

import io.leadgate.channel.watch.SilenceRule.Assessment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The watch's tables (migration V90): the hourly rollup {@code channel_hour}, the failure deltas
 * {@code channel_failure_hour}, each channel's {@code channel_watch} row and the {@code channel_watch_cursor} whose row
 * lock elects the evaluating replica. Every method runs in the caller's transaction.
 */
@ApplicationScoped
class WatchStore {

    /** A channel's stored watch state: its last inquiry and its open episode (raisedAt null when none). */
    record State(Instant lastInquiryAt, Instant raisedAt, String reason) {
        static final State NEW = new State(null, null, null);
    }

    private final EntityManager em;

    WatchStore(EntityManager em) {
        this.em = em;
    }

    /**
     * Locks the cursor row unless another replica holds it: empty when it does; else how far inquiries are rolled up
     * (a cursor holding null when they never were).
     */
    Optional<Optional<Instant>> lockCursor() {
        List<?> cursor = em.createNativeQuery(
                "select rolled_up_to from channel_watch_cursor where id = 1 for update skip locked").getResultList();
        return cursor.isEmpty() ? Optional.empty() : Optional.of(Optional.ofNullable(Rows.instant(cursor.get(0))));
    }

    void advanceCursor(Instant to) {
        em.createNativeQuery("update channel_watch_cursor set rolled_up_to = ?1 where id = 1")
                .setParameter(1, to).executeUpdate();
    }

    /** Recounts the inquiries of the hours from {@code fromHour} to {@code now}; answers each channel's latest. */
    Map<String, Instant> rollUp(Instant fromHour, Instant now) {
        List<Object[]> counted = rows(em.createNativeQuery(
                        "select channel_id, floor(extract(epoch from received_at) / 3600), count(*), max(received_at)"
                                + " from inquiry where received_at >= ?1 and received_at <= ?2"
                                + " group by channel_id, floor(extract(epoch from received_at) / 3600)")
                .setParameter(1, fromHour).setParameter(2, now).getResultList());
        em.createNativeQuery("delete from channel_hour where hour_start >= ?1 and hour_start <= ?2")
                .setParameter(1, fromHour).setParameter(2, now).executeUpdate();
        Map<String, Instant> latest = new HashMap<>();
        for (Object[] r : counted) {
            String channelId = (String) r[0];
            em.createNativeQuery("insert into channel_hour (channel_id, hour_start, inquiries) values (?1, ?2, ?3)")
                    .setParameter(1, channelId)
                    .setParameter(2, Rhythm.startOf(((Number) r[1]).longValue()))
                    .setParameter(3, ((Number) r[2]).intValue())
                    .executeUpdate();
            latest.merge(channelId, Rows.instant(r[3]), WatchStore::later);
        }
        return latest;
    }

    /** Deletes the hours before {@code horizon}: older history is never read. */
    void prune(Instant horizon) {
        em.createNativeQuery("delete from channel_hour where hour_start < ?1").setParameter(1, horizon).executeUpdate();
        em.createNativeQuery("delete from channel_failure_hour where hour_start < ?1").setParameter(1, horizon)
                .executeUpdate();
    }

    /** Inquiries per channel and hour since {@code horizon}. */
    Map<String, Map<Long, Integer>> inquiryHours(Instant horizon) {
        return hourly("select channel_id, hour_start, inquiries from channel_hour where hour_start >= ?1", horizon);
    }

    /** Verification failures per channel and hour since {@code horizon}, the replicas' deltas summed. */
    Map<String, Map<Long, Integer>> failureHours(Instant horizon) {
        return hourly("select channel_id, hour_start, sum(failures) from channel_failure_hour where hour_start >= ?1"
                + " group by channel_id, hour_start", horizon);
    }

    /** Each channel's first hour in the rollup. */
    Map<String, Long> firstHours() {
        Map<String, Long> first = new HashMap<>();
        for (Object[] r : rows(em.createNativeQuery(
                "select channel_id, min(hour_start) from channel_hour group by channel_id").getResultList())) {
            first.put((String) r[0], Rhythm.hourOf(Rows.instant(r[1])));
        }
        return first;
    }

    Map<String, State> states() {
        Map<String, State> states = new HashMap<>();
        for (Object[] r : rows(em.createNativeQuery(
                "select channel_id, last_inquiry_at, raised_at, reason from channel_watch").getResultList())) {
            states.put((String) r[0], new State(Rows.instant(r[1]), Rows.instant(r[2]), (String) r[3]));
        }
        return states;
    }

    void save(String id, State state, Assessment a, Instant now) {
        int updated = em.createNativeQuery("update channel_watch set last_inquiry_at = ?2, raised_at = ?3, reason = ?4,"
                        + " expected = ?5, observed = ?6, probability = ?7, checked_at = ?8 where channel_id = ?1")
                .setParameter(1, id).setParameter(2, state.lastInquiryAt()).setParameter(3, state.raisedAt())
                .setParameter(4, state.reason()).setParameter(5, a.expected()).setParameter(6, a.observed())
                .setParameter(7, a.probability()).setParameter(8, now).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("insert into channel_watch (channel_id, last_inquiry_at, raised_at, reason, expected,"
                            + " observed, probability, checked_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                    .setParameter(1, id).setParameter(2, state.lastInquiryAt()).setParameter(3, state.raisedAt())
                    .setParameter(4, state.reason()).setParameter(5, a.expected()).setParameter(6, a.observed())
                    .setParameter(7, a.probability()).setParameter(8, now).executeUpdate();
        }
    }

    /** Every open episode, with the numbers of its channel's last check. */
    List<ChannelWatch.Alert> openEpisodes() {
        List<ChannelWatch.Alert> open = new ArrayList<>();
        for (Object[] r : rows(em.createNativeQuery("select channel_id, reason, raised_at, last_inquiry_at, expected,"
                + " observed from channel_watch where raised_at is not null").getResultList())) {
            open.add(new ChannelWatch.Alert((String) r[0], (String) r[1], Rows.instant(r[2]), Rows.instant(r[3]),
                    r[4] == null ? 0 : ((Number) r[4]).doubleValue(), r[5] == null ? 0 : ((Number) r[5]).longValue()));
        }
        return open;
    }

    private Map<String, Map<Long, Integer>> hourly(String sql, Instant horizon) {
        Map<String, Map<Long, Integer>> byChannel = new HashMap<>();
        for (Object[] r : rows(em.createNativeQuery(sql).setParameter(1, horizon).getResultList())) {
            byChannel.computeIfAbsent((String) r[0], k -> new HashMap<>())
                    .merge(Rhythm.hourOf(Rows.instant(r[1])), ((Number) r[2]).intValue(), Integer::sum);
        }
        return byChannel;
    }

    static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> result) {
        return (List<Object[]>) result;
    }
}
