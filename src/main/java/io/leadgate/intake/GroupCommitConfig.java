package io.leadgate.intake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code leadgate.group-commit.*}: deliveries written at the same time share one transaction ({@link GroupCommit}). */
@ConfigMapping(prefix = "leadgate.group-commit")
public interface GroupCommitConfig {

    /**
     * On (the default), concurrent deliveries share a transaction; a delivery with nothing to share is written in a
     * transaction of its own, as when off. Measured side by side on 2 cores (docs/benchmarks.md, 2026-12-03), on
     * committed a third to two thirds more inquiries per second than off at 4–64 connections, with less CPU per
     * inquiry in both the gateway and PostgreSQL.
     */
    @WithDefault("true")
    boolean enabled();

    /** Shared transactions open at once (each on the thread of one of its deliveries). */
    @WithDefault("4")
    int writers();

    /**
     * Deliveries at most in one shared transaction. Each takes a savepoint (a PostgreSQL subtransaction); below 64
     * they stay in the server's per-backend cache.
     */
    @WithDefault("16")
    int maxBatch();
}
