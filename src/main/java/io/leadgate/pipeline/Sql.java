package io.leadgate.pipeline;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** SQL pieces the analytics share (PostgreSQL; the H2 dev database in PostgreSQL mode reads them too). */
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
        return "cast(cast(date_trunc('" + unit + "', " + column + " at time zone '" + period.sqlZone()
                + "') as date) as varchar(10))";
    }
}
