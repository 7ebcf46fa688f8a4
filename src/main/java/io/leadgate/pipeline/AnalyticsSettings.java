package io.leadgate.pipeline;

import io.leadgate.events.SettingsChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The analytics time zone administrators set (table {@code app_setting}, name {@value #TIME_ZONE}); without one,
 * {@code leadgate.analytics.time-zone}. Read on every analytics request (one primary-key read), so every replica
 * follows a change at once.
 */
@ApplicationScoped
public class AnalyticsSettings {

    static final String TIME_ZONE = "analytics.time-zone";

    /** The zone in force, whether it is the stored setting, and the configured fallback. */
    public record TimeZone(String zone, boolean stored, String fallback) {
    }

    private final EntityManager em;
    private final AnalyticsConfig config;
    private final Clock clock;
    private final SettingsChanges changes;

    AnalyticsSettings(EntityManager em, AnalyticsConfig config, Clock clock, SettingsChanges changes) {
        this.em = em;
        this.config = config;
        this.clock = clock;
        this.changes = changes;
    }

    public TimeZone timeZone() {
        String fallback = name(AnalyticsPeriod.zone(config.timeZone()));
        @SuppressWarnings("unchecked")
        List<String> stored = em.createNativeQuery("select setting_value from app_setting where name = ?1")
                .setParameter(1, TIME_ZONE).getResultList();
        return stored.isEmpty() ? new TimeZone(fallback, false, fallback) : new TimeZone(stored.get(0), true, fallback);
    }

    /** The zone the analytics read dates in when a request names none. */
    public ZoneId zone() {
        return AnalyticsPeriod.zone(timeZone().zone());
    }

    /**
     * Stores the zone (an IANA region id such as {@code Europe/Moscow}, or {@code UTC}; anything else is an invalid
     * request); blank removes the setting, so the configured zone applies again.
     */
    @Transactional
    public TimeZone setTimeZone(String zone, String actor) {
        em.createNativeQuery("delete from app_setting where name = ?1").setParameter(1, TIME_ZONE).executeUpdate();
        if (zone != null && !zone.isBlank()) {
            String id;
            try {
                id = name(AnalyticsPeriod.zone(zone.strip()));
            } catch (PipelineException e) {
                throw PipelineException.invalid(Refusal.TIME_ZONE_INVALID,
                        "timeZone must be a time zone such as Europe/Moscow or UTC");
            }
            em.createNativeQuery("insert into app_setting (name, setting_value, updated_at, updated_by)"
                            + " values (?1, ?2, ?3, ?4)")
                    .setParameter(1, TIME_ZONE).setParameter(2, id).setParameter(3, Sql.time(clock.instant()))
                    .setParameter(4, actor == null || actor.isBlank() ? "api" : actor).executeUpdate();
        }
        TimeZone now = timeZone();
        changes.record(actor == null || actor.isBlank() ? "api" : actor, SettingsChanges.Kind.ANALYTICS_TIME_ZONE,
                TIME_ZONE, now.stored() ? now.zone() : "configured " + now.fallback());
        return now;
    }

    private static String name(ZoneId zone) {
        return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }
}
