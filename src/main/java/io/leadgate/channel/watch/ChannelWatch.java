package io.leadgate.channel.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelRegistry;
import io.leadgate.channel.watch.SilenceRule.Assessment;
import io.leadgate.channel.watch.SilenceRule.Transition;
import io.leadgate.channel.watch.SilenceRule.Verdict;
import io.leadgate.channel.watch.WatchStore.State;
import io.leadgate.events.EventLog;
import io.leadgate.events.EventTypes;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Watches every enabled channel for silence and for jumps in verification failures ({@link SilenceRule}).
 *
 * <p>A check, every {@code leadgate.silence.check-interval}: the replica that takes the row lock of
 * {@code channel_watch_cursor} ({@code FOR UPDATE SKIP LOCKED}) rolls the inquiries received since the last check
 * up into {@code channel_hour} (the hours since then, recounted from {@code inquiry} by its receipt-time index),
 * assesses each channel, and records in the same transaction each episode raised or recovered in
 * {@code channel_watch} together with its {@code leadgate.channel.silent} / {@code leadgate.channel.recovered} event,
 * so an episode is announced exactly once across replicas. Every replica then reads the open episodes into memory:
 * the gauge {@code leadgate_channel_silent{channel}}, the readiness detail and the console banner read that snapshot.
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

    private final WatchStore store;
    private final ChannelRegistry registry;
    private final EventLog events;
    private final FailureTally tally;
    private final SilenceConfig config;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final Set<String> gauged = ConcurrentHashMap.newKeySet();
    private volatile Map<String, Alert> alerts = Map.of();

    ChannelWatch(WatchStore store, ChannelRegistry registry, EventLog events, FailureTally tally, SilenceConfig config,
                 MeterRegistry metrics, Clock clock) {
        this.store = store;
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
        Optional<Optional<Instant>> cursor = store.lockCursor();
        if (cursor.isEmpty()) {
            return List.of(); // another replica is checking
        }
        SilenceRule.Settings settings = config.settings();
        Instant horizon = now.minus(Duration.ofDays(7L * (settings.historyWeeks() + 2)));
        Instant from = cursor.get().map(to -> (to.isBefore(now) ? to : now).minus(Duration.ofHours(1)))
                .orElse(horizon); // the hour before the last check is recounted: rows committed late
        Map<String, Instant> latest = store.rollUp(Rhythm.startOf(Rhythm.hourOf(from)), now);
        store.advanceCursor(now);
        store.prune(horizon);
        Map<String, Map<Long, Integer>> hours = store.inquiryHours(horizon);
        Map<String, Map<Long, Integer>> failures = store.failureHours(horizon);
        Map<String, Long> firstHours = store.firstHours();
        Map<String, State> states = store.states();

        List<Change> changes = new ArrayList<>();
        for (ChannelDefinition channel : registry.all()) {
            if (!channel.enabled()) {
                continue;
            }
            String id = channel.id();
            State state = states.getOrDefault(id, State.NEW);
            Instant last = WatchStore.later(state.lastInquiryAt(), latest.get(id));
            Rhythm rhythm = new Rhythm(firstHours.get(id), hours.getOrDefault(id, Map.of()),
                    failures.getOrDefault(id, Map.of()));
            Assessment assessment = SilenceRule.assess(rhythm, last, now, settings);
            Transition step = SilenceRule.next(state.raisedAt(), assessment, last);
            State next = new State(last, state.raisedAt(), state.reason());
            if (step == Transition.RAISE) {
                String reason = assessment.verdict() == Verdict.FAILING ? VERIFICATION_FAILURES : NO_INQUIRIES;
                next = new State(last, now, reason);
                events.appendChannelEvent(EventTypes.CHANNEL_SILENT, id, silentData(id, next, assessment), now);
                LOG.warnf("channel alert raised: channel=%s reason=%s expected=%.1f observed=%d weeks=%d", id,
                        next.reason(), assessment.expected(), assessment.observed(), assessment.weeks());
                changes.add(new Change(id, step, next.reason()));
            } else if (step == Transition.RECOVER) {
                events.appendChannelEvent(EventTypes.CHANNEL_RECOVERED, id, recoveredData(id, state, last, now), now);
                LOG.infof("channel recovered: channel=%s reason=%s", id, state.reason());
                changes.add(new Change(id, step, state.reason()));
                next = new State(last, null, null);
            }
            store.save(id, next, assessment, now);
        }
        return changes;
    }

    /** Reads the open episodes into this replica's snapshot and gives each enabled channel its gauge. */
    void refresh() {
        List<Alert> open = QuarkusTransaction.requiringNew().call(store::openEpisodes);
        Set<String> enabled = registry.all().stream().filter(ChannelDefinition::enabled).map(ChannelDefinition::id)
                .collect(Collectors.toSet());
        enabled.forEach(this::gauge);
        Map<String, Alert> shown = new HashMap<>();
        open.stream().filter(a -> enabled.contains(a.channelId())).forEach(a -> shown.put(a.channelId(), a));
        alerts = Map.copyOf(shown);
    }

    private void gauge(String channelId) {
        if (gauged.add(channelId)) {
            Gauge.builder("leadgate.channel.silent", this, w -> w.alerts.containsKey(channelId) ? 1 : 0)
                    .description("1 while the channel is silent far outside its rhythm or its verification failures"
                            + " jumped (an open episode), else 0")
                    .tag("channel", channelId).register(metrics);
        }
    }

    private static ObjectNode silentData(String id, State raised, Assessment a) {
        ObjectNode data = MAPPER.createObjectNode();
        data.put("channelId", id);
        data.put("reason", raised.reason());
        data.put("raisedAt", raised.raisedAt().toString());
        data.put("lastInquiryAt", text(raised.lastInquiryAt()));
        data.put("windowStart", text(a.windowStart()));
        data.put("expected", Math.round(a.expected() * 100) / 100.0);
        data.put("observed", a.observed());
        data.put("probability", a.probability());
        data.put("historyWeeks", a.weeks());
        return data;
    }

    private static ObjectNode recoveredData(String id, State episode, Instant last, Instant now) {
        ObjectNode data = MAPPER.createObjectNode();
        data.put("channelId", id);
        data.put("reason", episode.reason());
        data.put("raisedAt", text(episode.raisedAt()));
        data.put("recoveredAt", now.toString());
        data.put("lastInquiryAt", text(last));
        return data;
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}
