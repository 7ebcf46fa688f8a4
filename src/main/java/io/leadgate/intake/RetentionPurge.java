package io.leadgate.intake;

import io.leadgate.config.LeadgateConfig;
import io.leadgate.delivery.kafka.OutboxRows;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The one place stored data is forgotten by age ({@code leadgate.retention.*}; nothing is deleted unless a
 * retention is set). Each kind is deleted in small batches, one short transaction each:
 * <ul>
 *   <li>raw envelopes that were processed (parked and unparseable ones stay until replayed or discarded); their
 *       inquiries keep everything but the link to the raw request;</li>
 *   <li>lead events every consumer has been given: sequenced, passed by the webhook fan-out and, with Kafka on,
 *       sent to the broker;</li>
 *   <li>inquiries with their kept attachment contents (leads and contact cards stay, with their counts).</li>
 * </ul>
 * Provider idempotency keys have their own retention ({@link IdempotencyPurge}).
 */
@ApplicationScoped
public class RetentionPurge {

    private static final Logger LOG = Logger.getLogger(RetentionPurge.class);
    private static final int BATCH = 1_000;

    /** What one purge deleted. */
    public record Purged(int envelopes, int events, int inquiries) {
        boolean any() {
            return envelopes + events + inquiries > 0;
        }
    }

    private final EntityManager em;
    private final LeadgateConfig config;
    private final boolean kafkaOn;

    RetentionPurge(EntityManager em, LeadgateConfig config,
                   @ConfigProperty(name = "kafka.bootstrap.servers") Optional<String> bootstrapServers) {
        this.em = em;
        this.config = config;
        this.kafkaOn = bootstrapServers.filter(s -> !s.isBlank()).isPresent();
    }

    @Scheduled(identity = "retention-purge", every = "${leadgate.retention.purge-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            Purged purged = purge(Instant.now());
            if (purged.any()) {
                LOG.infof("retention: deleted %d envelopes, %d events, %d inquiries", purged.envelopes(),
                        purged.events(), purged.inquiries());
            }
        } catch (RuntimeException e) {
            LOG.warnf("retention purge skipped: %s", e.getClass().getSimpleName());
        }
    }

    /** Deletes what is older than its configured retention at {@code now}. */
    public Purged purge(Instant now) {
        LeadgateConfig.Retention r = config.retention();
        return new Purged(
                r.envelopes().map(d -> purgeEnvelopes(cutoff(now, d))).orElse(0),
                r.events().map(d -> purgeEvents(cutoff(now, d))).orElse(0),
                r.inquiries().map(d -> purgeInquiries(cutoff(now, d))).orElse(0));
    }

    /** Deletes processed envelopes received before {@code before}; returns how many. */
    public int purgeEnvelopes(Instant before) {
        return batches(() -> {
            List<Long> ids = ids("select id from envelope where status = 'PROCESSED' and received_at < ?1 "
                    + "order by id limit " + BATCH, before);
            if (!ids.isEmpty()) {
                em.createNativeQuery("update inquiry set envelope_id = null where envelope_id in (:ids)")
                        .setParameter("ids", ids).executeUpdate();
                em.createNativeQuery("delete from envelope where id in (:ids)").setParameter("ids", ids).executeUpdate();
            }
            return ids.size();
        });
    }

    /** Deletes lead events created before {@code before} that every consumer has been given; returns how many. */
    public int purgeEvents(Instant before) {
        String sent = kafkaOn ? " and feed_position <= " + OutboxRows.SENT_THROUGH : "";
        return batches(() -> {
            List<Long> ids = ids("select id from outbox_event where created_at < ?1 and feed_position is not null"
                    + " and feed_position <= (select last_position from webhook_cursor where id = 1)" + sent
                    + " order by id limit " + BATCH, before);
            if (!ids.isEmpty()) {
                em.createNativeQuery("delete from outbox_event where id in (:ids)").setParameter("ids", ids)
                        .executeUpdate();
            }
            return ids.size();
        });
    }

    /** Deletes inquiries received before {@code before}, with their attachment contents; returns how many. */
    public int purgeInquiries(Instant before) {
        return batches(() -> {
            List<Long> ids = ids("select id from inquiry where received_at < ?1 order by id limit " + BATCH, before);
            if (!ids.isEmpty()) {
                em.createNativeQuery("delete from attachment_content where inquiry_id in (:ids)")
                        .setParameter("ids", ids).executeUpdate();
                em.createNativeQuery("delete from inquiry where id in (:ids)").setParameter("ids", ids).executeUpdate();
            }
            return ids.size();
        });
    }

    private interface Batch {
        int run();
    }

    private static int batches(Batch batch) {
        int total = 0;
        while (true) {
            int n = QuarkusTransaction.requiringNew().call(batch::run);
            total += n;
            if (n < BATCH) {
                return total;
            }
        }
    }

    /**
     * The ids a batch deletes. The cutoff is written into the statement as a literal ({@code ?1} stands for it), not
     * bound: a statement prepared once and planned for any cutoff (a generic plan) may read the whole table in id
     * order to find the few rows of an hour; planned for this cutoff, it reads the old rows' range of the time
     * index (a BRIN index on PostgreSQL, V264). The literal is the gateway's own clock, formatted here.
     */
    @SuppressWarnings("unchecked")
    private List<Long> ids(String sql, Instant before) {
        String cutoff = "timestamp with time zone '" + LITERAL.format(before) + "'";
        return ((List<Number>) em.createNativeQuery(sql.replace("?1", cutoff)).getResultList()).stream()
                .map(Number::longValue).toList();
    }

    private static final DateTimeFormatter LITERAL =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

    private static Instant cutoff(Instant now, Duration retention) {
        return now.minus(retention);
    }
}
