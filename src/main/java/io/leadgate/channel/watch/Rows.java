package io.leadgate.channel.watch;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.sql.Timestamp;

/** Column values of native queries, whichever Java type the driver gives a timestamp. */
final class Rows {

    private Rows() {
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass().getName());
    }
}
