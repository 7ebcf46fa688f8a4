package io.leadgate.intake;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Processes a parked envelope again, after a fix: rebuilt into its request and sent through the front door as a
 * replay (it was verified when it arrived). Written → the envelope is marked processed in the same commit; failing
 * again → it stays parked with its new error; storage down → it stays as it was.
 */
@ApplicationScoped
public class ReplayService {

    /** Why an envelope cannot be replayed at all. */
    public static final class NotReplayableException extends RuntimeException {

        /** The reason, for the API's status code. */
        public enum Reason { NOT_FOUND, ALREADY_PROCESSED, CHANNEL_GONE }

        private final Reason reason;

        NotReplayableException(Reason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    private final ChannelRegistry registry;
    private final Intake intake;

    ReplayService(ChannelRegistry registry, Intake intake) {
        this.registry = registry;
        this.intake = intake;
    }

    /** Replays one envelope; throws {@link NotReplayableException} when it is unknown, processed, or its channel gone. */
    public Outcome replay(long envelopeId) {
        return replay(envelopeId, false);
    }

    /**
     * Replays one envelope; with {@code asLead}, mail that is classified away again (an auto-reply, a bounce, a
     * newsletter) is taken as a lead: an operator reviewed a {@code classified} envelope and decided so.
     */
    public Outcome replay(long envelopeId, boolean asLead) {
        return replay(envelopeId, asLead, null);
    }

    /** As {@link #replay(long, boolean)}; a non-null {@code actor} (the signed-in user) is kept as who replayed. */
    public Outcome replay(long envelopeId, boolean asLead, String actor) {
        Envelope envelope = QuarkusTransaction.requiringNew().call(() -> Envelope.<Envelope>findById(envelopeId));
        if (envelope == null) {
            throw new NotReplayableException(NotReplayableException.Reason.NOT_FOUND, "no envelope " + envelopeId);
        }
        if (envelope.status == Envelope.Status.PROCESSED) {
            throw new NotReplayableException(NotReplayableException.Reason.ALREADY_PROCESSED,
                    "envelope " + envelopeId + " was processed already");
        }
        Optional<ChannelDefinition> channel = registry.all().stream()
                .filter(c -> c.id().equals(envelope.channelId)).findFirst()
                .filter(c -> registry.inbound(c.provider()).isPresent());
        if (channel.isEmpty()) {
            throw new NotReplayableException(NotReplayableException.Reason.CHANNEL_GONE,
                    "channel " + envelope.channelId + " no longer exists");
        }
        if (actor != null) {
            QuarkusTransaction.requiringNew().run(() -> Envelope.update("replayedBy = ?1 where id = ?2", actor, envelopeId));
        }
        return intake.submit(asLead ? Submission.replayAsLead(channel.get(), envelopeId, EnvelopeCodec.toRequest(envelope))
                : Submission.replay(channel.get(), envelopeId, EnvelopeCodec.toRequest(envelope)));
    }
}
