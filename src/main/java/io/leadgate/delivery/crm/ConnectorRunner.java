package io.leadgate.delivery.crm;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadgate.events.EventTypes;
import io.leadgate.events.SettingsChanges;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Feeds each enabled {@link CrmConnector} the lead, deal and merge events of the outbox in feed order, each read as
 * one typed {@link CrmChange} ({@link CrmChanges}; an event the same CRM caused is skipped, counted as an echo).
 * Each connector has its own cursor row in {@code crm_cursor}; one step locks that row ({@code FOR UPDATE SKIP
 * LOCKED}, so under several replicas exactly one pushes while the others skip), pushes the next change and moves
 * the cursor in the same transaction. The CRM ids a push learns are committed at once by {@link CrmLinks}, so a crash
 * between the CRM's answer and the cursor move makes the change come again and be linked, not created twice. The
 * Kafka relay keeps a cursor of its own, on its lease row.
 *
 * <p>A connector that can push several new leads in one go ({@link CrmConnector#batchSize}) gets the leading run of
 * {@code leadgate.lead.created} events at once; the cursor then moves past the whole run. A run that could still grow
 * (it ends the pending events and is shorter than a step) waits until its oldest lead has waited the connector's
 * {@link CrmConnector#linger} ({@link Step#LINGER}), and is then cut to whole batches ({@link CrmConnector#batchFill}):
 * so each step's lookups serve many leads and its requests go out full, which is what lets a rate-limited CRM take
 * the most leads per second.
 *
 * <p>Failures: a retryable one leaves the cursor where it is and backs off; a rejected change is skipped and counted;
 * refused credentials or a URL that does not lead to the CRM's API (a redirect, a 404) stop the connector (persisted with a hash of the credentials, so it stays stopped across
 * restarts until the credentials change or {@link #resume} is called).
 */
@ApplicationScoped
public class ConnectorRunner {

    private static final Logger LOG = Logger.getLogger(ConnectorRunner.class);
    private static final int MAX_STEPS_PER_TICK = 500;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final int STEP_TIMEOUT_SECONDS = 300;

    /** What one step did. */
    public enum Step {
        PUSHED, SKIPPED, IDLE, BUSY, STOPPED, RETRY,
        /** New leads are pending but wait for more to fill whole batches ({@link CrmConnector#linger}). */
        LINGER
    }

    /** A connector's state for health: {@code running}, {@code retrying} or {@code stopped}, with a safe detail. */
    public record Status(String state, String detail, Instant since) {
    }

    private final List<CrmConnector> connectors;
    private final EntityManager em;
    private final CrmChanges changes;
    private final MeterRegistry metrics;
    private final SettingsChanges settings;
    private final Map<String, Status> statuses = new ConcurrentHashMap<>();
    private final Map<String, Instant> notBefore = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    ConnectorRunner(Instance<CrmConnector> connectors, EntityManager em, CrmChanges changes, MeterRegistry metrics,
                    SettingsChanges settings) {
        this.connectors = connectors.stream().toList();
        this.settings = settings;
        this.em = em;
        this.changes = changes;
        this.metrics = metrics;
    }

    /** The enabled connectors. */
    public List<CrmConnector> enabled() {
        return connectors.stream().filter(CrmConnector::enabled).toList();
    }

    /** The state of an enabled connector. */
    public Optional<Status> status(String id) {
        return Optional.ofNullable(statuses.get(id));
    }

    void start(@Observes StartupEvent event) {
        for (CrmConnector connector : enabled()) {
            try {
                QuarkusTransaction.requiringNew().run(() -> ensureCursor(connector.id()));
            } catch (RuntimeException e) {
                LOG.warnf("CRM connector %s: cursor not ready yet (%s); the first tick creates it", connector.id(),
                        e.getClass().getSimpleName());
            }
            statuses.put(connector.id(), new Status("running", null, Instant.now()));
            String id = connector.id();
            metrics.gauge("leadgate.crm.stopped", Tags.of("crm", id), this, r -> r.stopped(id) ? 1 : 0);
            LOG.infof("CRM connector %s enabled", connector.id());
        }
    }

    @Scheduled(every = "${leadgate.connectors.poll-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        for (CrmConnector connector : enabled()) {
            Instant wait = notBefore.get(connector.id());
            if (wait != null && Instant.now().isBefore(wait)) {
                continue;
            }
            try {
                drain(connector.id());
            } catch (RuntimeException e) {
                // a database outage or a bug: back off like a retryable failure, without quoting data
                backOff(connector.id());
                statuses.put(connector.id(), new Status("retrying", e.getClass().getSimpleName(), Instant.now()));
                LOG.warnf("CRM connector %s: step failed (%s), will retry", connector.id(), e.getClass().getSimpleName());
            }
        }
    }

    /** Pushes what is pending for one connector, until idle, stopped, failing or busy elsewhere; returns the last step. */
    public Step drain(String id) {
        CrmConnector connector = enabled().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no enabled connector " + id));
        Step step = Step.IDLE;
        for (int i = 0; i < MAX_STEPS_PER_TICK; i++) {
            step = step(connector);
            if (step != Step.PUSHED && step != Step.SKIPPED) {
                break;
            }
        }
        return step;
    }

    /** Lifts a stop: the connector pushes again from where it stopped. */
    public void resume(String id) {
        resume(id, null);
    }

    /** As {@link #resume(String)}; {@code actor} (a console username, the API's actor, or null) is recorded. */
    public void resume(String id, String actor) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery(
                            "update crm_cursor set stopped_reason = null, stopped_at = null, updated_at = ?2 where crm = ?1")
                    .setParameter(1, id).setParameter(2, Instant.now()).executeUpdate();
            settings.record(actor, SettingsChanges.Kind.CONNECTOR_RESUMED, id, null);
        });
        statuses.put(id, new Status("running", null, Instant.now()));
        notBefore.remove(id);
        failures.remove(id);
        LOG.infof("CRM connector %s resumed", id);
    }

    private Step step(CrmConnector connector) {
        String id = connector.id();
        Step step = QuarkusTransaction.requiringNew().timeout(STEP_TIMEOUT_SECONDS).call(() -> stepLocked(connector));
        switch (step) {
            case PUSHED, SKIPPED, IDLE, LINGER -> {
                failures.remove(id);
                notBefore.remove(id);
                statuses.compute(id, (k, s) -> s != null && "running".equals(s.state()) ? s
                        : new Status("running", null, Instant.now()));
            }
            case RETRY -> backOff(id);
            default -> {
            }
        }
        return step;
    }

    private Step stepLocked(CrmConnector connector) {
        String id = connector.id();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select last_position, stopped_reason, credential_hash from crm_cursor "
                + "where crm = ?1 for update skip locked").setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            ensureCursor(id);
            return Step.BUSY;
        }
        long last = ((Number) rows.get(0)[0]).longValue();
        String stoppedReason = (String) rows.get(0)[1];
        if (stoppedReason != null) {
            if (connector.credentialHash().equals(rows.get(0)[2])) {
                if (!stopped(id)) {
                    statuses.put(id, new Status("stopped", stoppedReason, Instant.now()));
                }
                return Step.STOPPED;
            }
            LOG.infof("CRM connector %s: credentials changed since it stopped; resuming", id);
            em.createNativeQuery("update crm_cursor set stopped_reason = null, stopped_at = null where crm = ?1")
                    .setParameter(1, id).executeUpdate();
        }
        int size = Math.max(1, connector.batchSize());
        @SuppressWarnings("unchecked")
        List<Object[]> events0 = em.createNativeQuery("select feed_position, type, lead_id, inquiry_id, contact_id, channel_id, "
                        + "payload, created_at from outbox_event where type in (?1) and feed_position > ?2 order by feed_position")
                .setParameter(1, CrmChanges.TYPES).setParameter(2, last).setMaxResults(size).getResultList();
        if (events0.isEmpty()) {
            return Step.IDLE;
        }
        List<CrmChanges.Event> events = new ArrayList<>();
        Instant first = instant(events0.get(0)[7]);
        for (Object[] row : events0) {
            events.add(new CrmChanges.Event(((Number) row[0]).longValue(), (String) row[1], number(row[2]),
                    number(row[3]), number(row[4]), (String) row[5], (String) row[6]));
        }
        if (size > 1) {
            Optional<Step> batch = newLeads(connector, events, events.size() == size, first);
            if (batch.isPresent()) {
                return batch.get();
            }
        }
        return one(connector, events.get(0));
    }

    /**
     * Pushes the leading run of new leads at once when there are several ({@link CrmConnector#pushNewLeads}); empty
     * when there is no such run, or when one lead of it was refused: then they go one by one, each judged on its own.
     * A run that may still grow ({@code fullStep} false and nothing else behind it) lingers, then is cut to whole
     * batches; {@code oldest} is when its first event was written.
     */
    private Optional<Step> newLeads(CrmConnector connector, List<CrmChanges.Event> events, boolean fullStep,
                                    Instant oldest) {
        String id = connector.id();
        List<CrmChange.NewLead> run = new ArrayList<>();
        List<Long> through = new ArrayList<>(); // the cursor position after each lead of the run
        long end = -1;
        int leading = 0;
        for (CrmChanges.Event event : events) {
            if (!EventTypes.LEAD_CREATED.equals(event.type())) {
                break;
            }
            leading++;
            JsonNode data = changes.data(event);
            if (!CrmChanges.echo(data, id)) {
                changes.read(event, data).ifPresent(c -> {
                    run.add((CrmChange.NewLead) c);
                    through.add(event.position());
                });
            }
            end = event.position();
        }
        Duration linger = connector.linger();
        if (leading > 0 && leading == events.size() && !fullStep && !linger.isZero()) {
            if (oldest != null && oldest.plus(linger).isAfter(Instant.now())) {
                return Optional.of(Step.LINGER);
            }
            int fill = Math.max(1, connector.batchFill());
            int whole = run.size() - run.size() % fill;
            if (whole > 0 && whole < run.size()) {
                end = through.get(whole - 1); // the rest waits for the next run, to fill its batches
                run.subList(whole, run.size()).clear();
            }
        }
        if (run.size() < 2) {
            return Optional.empty();
        }
        try {
            connector.pushNewLeads(run);
            advance(id, end);
            metrics.counter("leadgate.crm.pushed", "crm", id, "change", "new-lead", "outcome", "sent").increment(run.size());
            return Optional.of(Step.PUSHED);
        } catch (CrmFailure f) {
            if (f.kind() == CrmFailure.Kind.REJECTED) {
                return Optional.empty();
            }
            return Optional.of(failed(connector, f, "new-lead", run.get(0).lead().leadId(), end));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(Step.RETRY);
        }
    }

    private Step one(CrmConnector connector, CrmChanges.Event event) {
        String id = connector.id();
        long position = event.position();
        JsonNode data = changes.data(event);
        if (CrmChanges.echo(data, id)) {
            // crm-in applied this because the same CRM reported it: sending it back would loop
            metrics.counter("leadgate.crm.echoes", "crm", id).increment();
            advance(id, position);
            return Step.SKIPPED;
        }
        Optional<CrmChange> change = changes.read(event, data);
        if (change.isEmpty()) {
            advance(id, position);
            return Step.SKIPPED;
        }
        try {
            CrmConnector.Outcome outcome = connector.push(change.get());
            advance(id, position);
            metrics.counter("leadgate.crm.pushed", "crm", id, "change", kind(change.get()),
                    "outcome", outcome.name().toLowerCase()).increment();
            return outcome == CrmConnector.Outcome.SENT ? Step.PUSHED : Step.SKIPPED;
        } catch (CrmFailure f) {
            return failed(connector, f, kind(change.get()), event.leadId(), position);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Step.RETRY;
        }
    }

    /** What a failure means: a refused change is skipped (up to {@code position}); the rest stop or retry. */
    private Step failed(CrmConnector connector, CrmFailure f, String what, Long leadId, long position) {
        String id = connector.id();
        metrics.counter("leadgate.crm.failures", "crm", id, "kind", f.kind().name().toLowerCase()).increment();
        switch (f.kind()) {
            case REJECTED -> {
                // the CRM's own text may quote the lead's data: only the code is logged
                LOG.warnf("CRM connector %s: %s of lead %s refused (%s), skipped", id, what, leadId, f.code());
                advance(id, position);
                return Step.SKIPPED;
            }
            case AUTH, MISCONFIGURED -> {
                stopLocked(connector, f);
                return Step.STOPPED;
            }
            default -> {
                statuses.put(id, new Status("retrying", f.code(), Instant.now()));
                LOG.warnf("CRM connector %s: %s of lead %s not pushed yet (%s), will retry", id, what, leadId, f.code());
                return Step.RETRY;
            }
        }
    }

    /**
     * Stops a connector for a failure found outside a push (a refused OAuth refresh, refused credentials while reading
     * a record for a CRM event): the same persisted stop as a push's, lifted when the credentials change or by
     * {@link #resume}.
     */
    public void stop(String id, CrmFailure f) {
        CrmConnector connector = enabled().stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
        if (connector == null) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            ensureCursor(id);
            stopLocked(connector, f);
        });
    }

    private void stopLocked(CrmConnector connector, CrmFailure f) {
        String id = connector.id();
        String reason = truncate(f.code() + ": " + f.getMessage(), 200);
        em.createNativeQuery("update crm_cursor set stopped_reason = ?2, stopped_at = ?3, credential_hash = ?4, "
                        + "updated_at = ?3 where crm = ?1")
                .setParameter(1, id).setParameter(2, reason).setParameter(3, Instant.now())
                .setParameter(4, connector.credentialHash()).executeUpdate();
        statuses.put(id, new Status("stopped", reason, Instant.now()));
        LOG.errorf("CRM connector %s STOPPED: %s (%s). Nothing is sent until the configuration is fixed;"
                + " pending leads wait. %s", id, f.kind() == CrmFailure.Kind.AUTH
                ? "the CRM refused the credentials or the account"
                : "the configured URL does not lead to the CRM's API", f.code(), f.getMessage());
    }

    private void backOff(String id) {
        int n = failures.merge(id, 1, Integer::sum);
        Duration backoff = Duration.ofSeconds(1L << Math.min(n, 9));
        notBefore.put(id, Instant.now().plus(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff));
    }

    private boolean stopped(String id) {
        Status s = statuses.get(id);
        return s != null && "stopped".equals(s.state());
    }

    private void advance(String id, long position) {
        em.createNativeQuery("update crm_cursor set last_position = ?2, updated_at = ?3 where crm = ?1")
                .setParameter(1, id).setParameter(2, position).setParameter(3, Instant.now()).executeUpdate();
    }

    /** A new connector starts after the leads already there: it pushes new leads, not the history. */
    private void ensureCursor(String id) {
        Number existing = (Number) em.createNativeQuery("select count(*) from crm_cursor where crm = ?1")
                .setParameter(1, id).getSingleResult();
        if (existing.longValue() > 0) {
            return;
        }
        Number max = (Number) em.createNativeQuery("select coalesce(max(feed_position), 0) from outbox_event").getSingleResult();
        em.createNativeQuery("insert into crm_cursor (crm, last_position, updated_at) values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, id).setParameter(2, max.longValue()).setParameter(3, Instant.now()).executeUpdate();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return value instanceof java.sql.Timestamp t ? t.toInstant() : null;
    }

    private static Long number(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    /** The metric and log name of a change. */
    static String kind(CrmChange change) {
        if (change instanceof CrmChange.DealChange d) {
            return "deal-" + d.kind().name().toLowerCase();
        }
        return change instanceof CrmChange.NewLead ? "new-lead" : change instanceof CrmChange.RepeatInquiry
                ? "repeat-inquiry" : change instanceof CrmChange.LeadStatus ? "lead-status" : "merge";
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
