package io.leadgate.intake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code leadgate.group-commit.*}: deliveries written at the same time share one transaction ({@link GroupCommit}). */
@ConfigMapping(prefix = "leadgate.group-commit")
public interface GroupCommitConfig {

    /**
     * On, concurrent deliveries share a transaction. Off by default: on 2 cores, with the disk's flush not the limit,
     * measured side by side it cost more CPU per inquiry than it saved (docs/benchmarks.md).
     */
    @WithDefault("false")
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
