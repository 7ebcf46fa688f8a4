package io.leadgate.console.channels;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelRegistry;
import io.leadgate.channel.ChannelState;
import io.leadgate.channel.ChannelStatus;
import io.leadgate.channel.Provider;
import io.leadgate.channel.Verification;
import io.leadgate.channel.email.imap.MailboxLease;
import io.leadgate.channel.email.imap.MailboxState;
import io.leadgate.intake.Envelope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The channels page: every channel file with its state, hook URL, last inquiry, inquiries per day over the last
 * {@link #DAYS} days (in the user's zone), verification failures counted by this replica, and for IMAP mailboxes
 * the last poll, the backlog and the replica holding the lease; below, the parked (failed and unparseable) envelopes.
 */
@ApplicationScoped
public class ChannelsQuery {

    static final int DAYS = 7;
    static final int PARKED = 100;
    /** The {@code reason} tags of {@code leadgate.hook.rejected} that are verification failures. */
    private static final Set<String> VERIFICATION = Set.of(Verification.MISSING.name().toLowerCase(Locale.ROOT),
            Verification.BAD_SIGNATURE.name().toLowerCase(Locale.ROOT), Verification.STALE.name().toLowerCase(Locale.ROOT));
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    /**
     * Inquiries of one day: {@code label} the day of the month, {@code date} the ISO date; {@code height} the share of
     * the week's busiest day, in percent (for the bar).
     */
    public record Day(String label, String date, long count, int height) {
    }

    /** A mailbox's polling: last successful poll, messages waiting, failed polls in a row, lease holder. */
    public record Mailbox(Instant lastPollAt, long backlog, int failures, String lastError, String leaseHolder) {
    }

    /**
     * One channel; {@code hookUrl} is null for polled mailboxes and invalid files; {@code setup} the provider's
     * set-up steps in the user's language, null for an unknown provider.
     */
    public record Line(String id, String provider, String family, String state, String error, String hookUrl,
                       Instant lastInquiryAt, List<Day> days, long week, long verificationFailures, Mailbox mailbox,
                       String setup) {
    }

    /** A failed or unparseable envelope (never its body). */
    public record Parked(long id, String channelId, String provider, Instant receivedAt, String status, String error,
                         int attempts) {
    }

    private final ChannelRegistry registry;
    private final MailboxLease lease;
    private final MeterRegistry metrics;
    private final EntityManager em;

    ChannelsQuery(ChannelRegistry registry, MailboxLease lease, MeterRegistry metrics, EntityManager em) {
        this.registry = registry;
        this.lease = lease;
        this.metrics = metrics;
        this.em = em;
    }

    /** @param baseUrl the gateway's address as the browser sees it, without a trailing slash */
    @Transactional
    public List<Line> channels(String baseUrl, ZoneId zone, Locale locale) {
        io.leadgate.console.OpsMessages texts = ChannelSetup.texts(locale);
        Map<String, ChannelDefinition> valid = new HashMap<>();
        registry.all().forEach(d -> valid.put(d.id(), d));
        Instant now = Instant.now();
        LocalDate today = now.atZone(zone).toLocalDate();
        List<Line> out = new ArrayList<>();
        for (ChannelStatus s : registry.statuses()) {
            ChannelDefinition d = s.state() == ChannelState.INVALID ? null : valid.get(s.id());
            boolean polled = d != null && d.provider() == Provider.IMAP;
            String hookUrl = d == null || polled ? null : baseUrl + "/hooks/" + d.id();
            List<Day> days = days(s.id(), today, zone);
            long week = days.stream().mapToLong(Day::count).sum();
            Mailbox mailbox = polled && d.enabled() ? mailbox(d.id(), now) : null;
            out.add(new Line(s.id(), s.provider(), d == null ? null : d.provider().family().code(), s.state().code(),
                    s.error(), hookUrl, lastInquiry(s.id()), days, week, verificationFailures(s.id()), mailbox,
                    Provider.byId(s.provider()).map(p -> ChannelSetup.steps(texts, p, s.id())).orElse(null)));
        }
        out.sort(java.util.Comparator.comparing(Line::id));
        return out;
    }

    /** Failed and unparseable envelopes, newest first. */
    @Transactional
    public List<Parked> parked() {
        return Envelope.<Envelope>find("status in ?1 order by id desc",
                        List.of(Envelope.Status.FAILED, Envelope.Status.UNPARSEABLE)).page(0, PARKED).stream()
                .map(e -> new Parked(e.id, e.channelId, e.provider, e.receivedAt, e.status.name().toLowerCase(Locale.ROOT),
                        e.error, e.attempts))
                .toList();
    }

    private Instant lastInquiry(String channelId) {
        Object max = em.createNativeQuery("select max(received_at) from inquiry where channel_id = ?1")
                .setParameter(1, channelId).getSingleResult();
        return instant(max);
    }

    /** Counts per day of the last {@link #DAYS} days in {@code zone}, oldest first (one index range per channel). */
    private List<Day> days(String channelId, LocalDate today, ZoneId zone) {
        StringBuilder sql = new StringBuilder("select ");
        List<Instant> bounds = new ArrayList<>();
        for (int i = DAYS - 1; i >= -1; i--) {
            bounds.add(today.minusDays(i).atStartOfDay(zone).toInstant());
        }
        for (int i = 0; i < DAYS; i++) {
            sql.append(i == 0 ? "" : ", ").append("count(*) filter (where received_at >= ?").append(i + 2)
                    .append(" and received_at < ?").append(i + 3).append(")");
        }
        sql.append(" from inquiry where channel_id = ?1 and received_at >= ?2");
        var query = em.createNativeQuery(sql.toString()).setParameter(1, channelId);
        for (int i = 0; i < bounds.size(); i++) {
            query.setParameter(i + 2, bounds.get(i));
        }
        Object[] row = (Object[]) query.getSingleResult();
        long busiest = 0;
        for (Object c : row) {
            busiest = Math.max(busiest, ((Number) c).longValue());
        }
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < DAYS; i++) {
            long count = ((Number) row[i]).longValue();
            LocalDate day = today.minusDays(DAYS - 1 - i);
            days.add(new Day(String.valueOf(day.getDayOfMonth()), day.format(DATE), count,
                    busiest == 0 ? 0 : (int) Math.max(count == 0 ? 0 : 4, count * 100 / busiest)));
        }
        return days;
    }

    /** Verification failures (missing, bad or stale signatures) counted by this replica since it started. */
    private long verificationFailures(String channelId) {
        double sum = 0;
        for (Counter c : metrics.find("leadgate.hook.rejected").tag("channel", channelId).counters()) {
            if (VERIFICATION.contains(c.getId().getTag("reason"))) {
                sum += c.count();
            }
        }
        return (long) sum;
    }

    private Mailbox mailbox(String channelId, Instant now) {
        MailboxState state = MailboxState.findById(channelId);
        String holder = lease.holder(channelId, now);
        return state == null ? new Mailbox(null, 0, 0, null, holder)
                : new Mailbox(state.lastSuccessAt, state.backlog, state.failures, state.lastError, holder);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return value == null ? null : Instant.parse(value.toString());
    }
}
