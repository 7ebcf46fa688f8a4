package io.leadgate.delivery.kafka;

import java.time.Duration;
import java.time.Instant;

/** What the Kafka relay of this replica is doing, for readiness. */
public record RelayStatus(State state, boolean leader, OutboxRows.Lag lag, Instant lastAcknowledgedAt,
                          Instant waitingSince, String lastError) {

    /** {@code OFF}: no broker configured; {@code OK}; {@code DEGRADED}: the broker does not acknowledge. */
    public enum State { OFF, OK, DEGRADED }

    /** Derives the state from the relay's last facts. */
    static State state(boolean enabled, Instant now, Duration degradedAfter, Instant waitingSince,
                       Instant lastAcknowledgedAt, Instant lastFailureAt) {
        if (!enabled) {
            return State.OFF;
        }
        if (waitingSince != null && Duration.between(waitingSince, now).compareTo(degradedAfter) >= 0) {
            return State.DEGRADED;
        }
        if (lastFailureAt != null && (lastAcknowledgedAt == null || lastFailureAt.isAfter(lastAcknowledgedAt))) {
            return State.DEGRADED;
        }
        return State.OK;
    }
}
