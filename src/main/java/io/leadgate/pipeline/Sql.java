package io.leadgate.pipeline;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * SQL pieces the analytics share. PostgreSQL is the reference; the H2 dev database in PostgreSQL mode runs them too,
 * but H2 reads AT TIME ZONE and weeks its own way (UTC days, weeks from Sunday), so dev buckets may differ.
 */
final class Sql {

    private Sql() {
    }

    static OffsetDateTime time(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    /**
     * The calendar day, week (from Monday) or month in the period's zone that a timestamp column falls in, as text
     * {@code yyyy-mm-dd} (its first day). The zone id was checked by {@link AnalyticsPeriod#zone}: a region id or UTC.
     */
    static String bucket(String unit, String column, AnalyticsPeriod period) {
        if (!unit.equals("day") && !unit.equals("week") && !unit.equals("month")) {
            throw new IllegalArgumentException(unit);
        }
        // the local time in the zone as a plain timestamp (PostgreSQL's AT TIME ZONE on timestamptz), then truncated
        return "cast(cast(date_trunc('" + unit + "', cast(" + column + " at time zone '" + period.sqlZone()
                + "' as timestamp)) as date) as varchar(10))";
    }
}
