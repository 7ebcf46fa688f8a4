package io.leadgate.intake;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Group commit with two writer slots and batches of at most two, so that the queue is often longer than a batch and
 * a caller is often busy writing others' batch while its own write waits: the hand-off from a freed slot must still
 * reach a caller that can take the next batch, and every caller must get its own outcome.
 */
@QuarkusTest
@TestProfile(GroupCommitSlotsTest.TwoSmallWriters.class)
class GroupCommitSlotsTest {

    public static class TwoSmallWriters implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("leadgate.group-commit.enabled", "true", "leadgate.group-commit.writers", "2",
                    "leadgate.group-commit.max-batch", "2");
        }
    }

    @Inject
    GroupCommit groupCommit;

    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void manyCallersEachGetTheirOwnOutcome() throws Exception {
        GroupCommitTest.eachCallerGetsItsOwnOutcome(groupCommit, pool, 32, 40);
    }
}
