package io.leadgate.channel.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelRegistry;
import io.leadgate.channel.watch.SilenceRule.Assessment;
import io.leadgate.channel.watch.SilenceRule.Transition;
import io.leadgate.channel.watch.SilenceRule.Verdict;
import io.leadgate.events.EventLog;
import io.leadgate.events.EventTypes;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches every enabled channel for silence and for jumps in verification failures ({@link SilenceRule}).
 *
 * <p>A check, every {@code leadgate.silence.check-interval}: the replica that takes the row lock of
 * {@code channel_watch_cursor} ({@code FOR UPDATE SKIP LOCKED}) rolls the inquiries received since the last check
 * up into {@code channel_hour} (the hours since then, recounted from {@code inquiry} by its receipt-time index),
 * assesses each channel, and records in the same transaction each episode raised or recovered in
 * {@code channel_watch} together with its {@code leadgate.channel.silent} / {@code leadgate.channel.recovered} event,
 * so an episode is announced exactly once across replicas. Every replica then reads the open episodes into memory:
 * the gauge {@code leadgate_channel_silent{channel}}, the readiness detail and the console badge read that snapshot.
 */
@ApplicationScoped
public class ChannelWatch {

    private static final Logger LOG = Logger.getLogger(ChannelWatch.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    public static final String NO_INQUIRIES = "no-inquiries";
    public static final String VERIFICATION_FAILURES = "verification-failures";

    /** An open episode: the channel, why, when it was raised, its last inquiry and the numbers of the last check. */
    public record Alert(String channelId, String reason, Instant raisedAt, Instant lastInquiryAt, double expected,
                        long observed) {
    }

    /** An episode raised or recovered by a check. */
    public record Change(String channelId, Transition transition, String reason) {
    }

    private record State(Instant lastInquiryAt, Instant raisedAt, String reason) {
    }

    private final EntityManager em;
    private final ChannelRegistry registry;
    private final EventLog events;
    private final FailureTally tally;
    private final SilenceConfig config;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final Set<String> gauged = ConcurrentHashMap.newKeySet();
    private volatile Map<String, Alert> alerts = Map.of();

    ChannelWatch(EntityManager em, ChannelRegistry registry, EventLog events, FailureTally tally, SilenceConfig config,
                 MeterRegistry metrics, Clock clock) {
        this.em = em;
        this.registry = registry;
        this.events = events;
        this.tally = tally;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    void validate(@Observes StartupEvent start) {
        config.settings(); // invalid leadgate.silence.* settings fail the start, not every check
    }

    @Scheduled(every = "${leadgate.silence.check-interval:5m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!config.enabled()) {
            return;
        }
        try {
            tally.flush();
            check(clock.instant());
        } catch (RuntimeException e) { // the database is away: the next check tries again
            LOG.debugf("channel silence not checked this round: %s", e.getClass().getSimpleName());
        }
    }

    /**
     * One check at {@code now}: rolls up, assesses and records episodes when this replica holds the lock (else
     * changes nothing), then refreshes what this replica shows. Answers the episodes raised or recovered.
     */
    public List<Change> check(Instant now) {
        List<Change> changes = QuarkusTransaction.requiringNew().call(() -> evaluate(now));
        refresh();
        return changes;
    }

    /** The open episodes of enabled channels, by channel id, as of this replica's last refresh. */
    public List<Alert> alerts() {
        return alerts.values().stream().sorted(Comparator.comparing(Alert::channelId)).toList();
    }

    public boolean enabled() {
        return config.enabled();
    }

    private List<Change> evaluate(Instant now) {
        List<?> cursor = em.createNativeQuery(
                "select rolled_up_to from channel_watch_cursor where id = 1 for update skip locked").getResultList();
        if (cursor.isEmpty()) {
            return List.of(); // another replica is checking
        }
        SilenceRule.Settings settings = config.settings();
        Instant horizon = now.minus(Duration.ofDays(7L * (settings.historyWeeks() + 2)));
        Instant rolledUpTo = Rows.instant(cursor.get(0));
        Instant from = rolledUpTo == null ? horizon
                : (rolledUpTo.isBefore(now) ? rolledUpTo : now).minus(Duration.ofHours(1));
        Map<String, Instant> latest = rollUp(Rhythm.startOf(Rhythm.hourOf(from)), now);
        em.createNativeQuery("update channel_watch_cursor set rolled_up_to = ?1 where id = 1")
                .setParameter(1, now).executeUpdate();
        em.createNativeQuery("delete from channel_hour where hour_start < ?1").setParameter(1, horizon).executeUpdate();
        em.createNativeQuery("delete from channel_failure_hour where hour_start < ?1").setParameter(1, horizon)
                .executeUpdate();

        Map<String, Map<Long, Integer>> hours = hourly("select channel_id, hour_start, inquiries from channel_hour"
                + " where hour_start >= ?1", horizon);
        Map<String, Map<Long, Integer>> failures = hourly("select channel_id, hour_start, sum(failures)"
                + " from channel_failure_hour where hour_start >= ?1 group by channel_id, hour_start", horizon);
        Map<String, Long> firstHours = new HashMap<>();
        for (Object[] r : rows(em.createNativeQuery(
                "select channel_id, min(hour_start) from channel_hour group by channel_id").getResultList())) {
            firstHours.put((String) r[0], Rhythm.hourOf(Rows.instant(r[1])));
        }
        Map<String, State> states = new HashMap<>();
        for (Object[] r : rows(em.createNativeQuery(
                "select channel_id, last_inquiry_at, raised_at, reason from channel_watch").getResultList())) {
            states.put((String) r[0], new State(Rows.instant(r[1]), Rows.instant(r[2]), (String) r[3]));
        }

        List<Change> changes = new ArrayList<>();
        for (ChannelDefinition channel : registry.all()) {
            if (!channel.enabled()) {
                continue;
            }
            String id = channel.id();
            State state = states.getOrDefault(id, new State(null, null, null));
            Instant last = later(state.lastInquiryAt(), latest.get(id));
            Rhythm rhythm = new Rhythm(firstHours.get(id), hours.getOrDefault(id, Map.of()),
                    failures.getOrDefault(id, Map.of()));
            Assessment assessment = SilenceRule.assess(rhythm, last, now, settings);
            Transition step = SilenceRule.next(state.raisedAt(), assessment, last);
            Instant raisedAt = state.raisedAt();
            String reason = state.reason();
            if (step == Transition.RAISE) {
                raisedAt = now;
                reason = assessment.verdict() == Verdict.FAILING ? VERIFICATION_FAILURES : NO_INQUIRIES;
                events.appendChannelEvent(EventTypes.CHANNEL_SILENT, id,
                        silentData(id, reason, now, last, assessment), now);
                LOG.warnf("channel alert raised: channel=%s reason=%s expected=%.1f observed=%d weeks=%d", id, reason,
                        assessment.expected(), assessment.observed(), assessment.weeks());
                changes.add(new Change(id, step, reason));
            } else if (step == Transition.RECOVER) {
                events.appendChannelEvent(EventTypes.CHANNEL_RECOVERED, id,
                        recoveredData(id, reason, raisedAt, now, last), now);
                LOG.infof("channel recovered: channel=%s reason=%s", id, reason);
                changes.add(new Change(id, step, reason));
                raisedAt = null;
                reason = null;
            }
            save(id, last, raisedAt, reason, assessment, now);
        }
        return changes;
    }

    /** Recounts the inquiries of the hours from {@code fromHour} to {@code now}; answers each channel's latest. */
    private Map<String, Instant> rollUp(Instant fromHour, Instant now) {
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
            latest.merge(channelId, Rows.instant(r[3]), ChannelWatch::later);
        }
        return latest;
    }

    private Map<String, Map<Long, Integer>> hourly(String sql, Instant horizon) {
        Map<String, Map<Long, Integer>> byChannel = new HashMap<>();
        for (Object[] r : rows(em.createNativeQuery(sql).setParameter(1, horizon).getResultList())) {
            byChannel.computeIfAbsent((String) r[0], k -> new HashMap<>())
                    .merge(Rhythm.hourOf(Rows.instant(r[1])), ((Number) r[2]).intValue(), Integer::sum);
        }
        return byChannel;
    }

    private void save(String id, Instant last, Instant raisedAt, String reason, Assessment a, Instant now) {
        int updated = em.createNativeQuery("update channel_watch set last_inquiry_at = ?2, raised_at = ?3, reason = ?4,"
                        + " expected = ?5, observed = ?6, probability = ?7, checked_at = ?8 where channel_id = ?1")
                .setParameter(1, id).setParameter(2, last).setParameter(3, raisedAt).setParameter(4, reason)
                .setParameter(5, a.expected()).setParameter(6, a.observed()).setParameter(7, a.probability())
                .setParameter(8, now).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("insert into channel_watch (channel_id, last_inquiry_at, raised_at, reason, expected,"
                            + " observed, probability, checked_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                    .setParameter(1, id).setParameter(2, last).setParameter(3, raisedAt).setParameter(4, reason)
                    .setParameter(5, a.expected()).setParameter(6, a.observed()).setParameter(7, a.probability())
                    .setParameter(8, now).executeUpdate();
        }
    }

    /** Reads the open episodes into this replica's snapshot and gives each enabled channel its gauge. */
    void refresh() {
        Map<String, Alert> open = new HashMap<>();
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> rows(em.createNativeQuery(
                "select channel_id, reason, raised_at, last_inquiry_at, expected, observed from channel_watch"
                        + " where raised_at is not null").getResultList()));
        Set<String> enabled = new HashSet<>();
        for (ChannelDefinition channel : registry.all()) {
            if (channel.enabled()) {
                enabled.add(channel.id());
                gauge(channel.id());
            }
        }
        for (Object[] r : rows) {
            String id = (String) r[0];
            if (enabled.contains(id)) {
                open.put(id, new Alert(id, (String) r[1], Rows.instant(r[2]), Rows.instant(r[3]),
                        r[4] == null ? 0 : ((Number) r[4]).doubleValue(), r[5] == null ? 0 : ((Number) r[5]).longValue()));
            }
        }
        alerts = Map.copyOf(open);
    }

    private void gauge(String channelId) {
        if (gauged.add(channelId)) {
            Gauge.builder("leadgate.channel.silent", this, w -> w.alerts.containsKey(channelId) ? 1 : 0)
                    .description("1 while the channel is silent far outside its rhythm or its verification failures"
                            + " jumped (an open episode), else 0")
                    .tag("channel", channelId).register(metrics);
        }
    }

    private static ObjectNode silentData(String id, String reason, Instant now, Instant last, Assessment a) {
        ObjectNode data = MAPPER.createObjectNode();
        data.put("channelId", id);
        data.put("reason", reason);
        data.put("raisedAt", now.toString());
        data.put("lastInquiryAt", last == null ? null : last.toString());
        data.put("windowStart", a.windowStart() == null ? null : a.windowStart().toString());
        data.put("expected", Math.round(a.expected() * 100) / 100.0);
        data.put("observed", a.observed());
        data.put("probability", a.probability());
        data.put("historyWeeks", a.weeks());
        return data;
    }

    private static ObjectNode recoveredData(String id, String reason, Instant raisedAt, Instant now, Instant last) {
        ObjectNode data = MAPPER.createObjectNode();
        data.put("channelId", id);
        data.put("reason", reason);
        data.put("raisedAt", raisedAt == null ? null : raisedAt.toString());
        data.put("recoveredAt", now.toString());
        data.put("lastInquiryAt", last == null ? null : last.toString());
        return data;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> result) {
        return (List<Object[]>) result;
    }
}
