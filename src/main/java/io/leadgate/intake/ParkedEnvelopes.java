package io.leadgate.intake;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelRegistry;
import io.leadgate.channel.HookRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/**
 * Verified requests that could not be stored as inquiries, kept raw ("parked") for a replay: a new one gets its own
 * envelope, a replayed one that fails again stays parked with its new error and one more attempt; each records when
 * it is next replayed by itself ({@link ParkedReplayer}).
 */
@ApplicationScoped
public class ParkedEnvelopes {

    private final ReplayConfig config;

    private final ChannelRegistry registry;

    ParkedEnvelopes(ReplayConfig config, ChannelRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    /**
     * Parks a submission in its own transaction and answers the envelope's id; {@code settled} (may be null) runs in
     * the same transaction.
     */
    long park(Submission submission, Envelope.Status status, String error, Runnable settled) {
        ChannelDefinition channel = submission.channel();
        HookRequest request = submission.request();
        Instant now = Instant.now();
        return QuarkusTransaction.requiringNew().call(() -> {
            if (settled != null) {
                settled.run();
            }
            if (submission.envelopeId() != null) {
                Envelope kept = Envelope.findById(submission.envelopeId());
                if (kept != null) {
                    kept.status = status;
                    kept.error = error;
                    kept.attempts++;
                    kept.updatedAt = now;
                    kept.nextAttemptAt = now.plus(delay(kept.attempts, config.baseDelay(), config.maxDelay()));
                    return kept.id;
                }
            }
            Envelope envelope = EnvelopeCodec.toEnvelope(channel, registry.adapter(channel.provider()), request,
                    status, error, now);
            envelope.nextAttemptAt = now.plus(delay(envelope.attempts, config.baseDelay(), config.maxDelay()));
            envelope.persist();
            return envelope.id;
        });
    }

    /** The wait after {@code attempts} attempts: {@code base}, doubled per further attempt, at most {@code max}. */
    static Duration delay(int attempts, Duration base, Duration max) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        Duration d = base.multipliedBy(1L << doublings);
        return d.compareTo(max) > 0 || d.isNegative() ? max : d;
    }

    /** How many envelopes wait for a replay (failed or unparseable). */
    public long count() {
        return QuarkusTransaction.requiringNew().call(() -> Envelope.count("status in ?1",
                java.util.List.of(Envelope.Status.FAILED, Envelope.Status.UNPARSEABLE)));
    }
}
