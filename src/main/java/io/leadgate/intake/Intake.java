package io.leadgate.intake;

import io.leadgate.channel.ChannelAdapter;
import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelRegistry;
import io.leadgate.channel.HookOutcome;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.InboundAdapter;
import io.leadgate.channel.InboundSink;
import io.leadgate.channel.RejectedException;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.Verification;
import io.leadgate.channel.watch.FailureTally;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.Reason;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Locale;

/**
 * The one front door into intake, used by hooks, polling (as the channels' {@link InboundSink}), replay and leads
 * entered inside the gateway ({@link ManualLeads}). Runs a submission through verification (hooks
 * only), the adapter's parse and the write path, and applies the one failure policy:
 * <ul>
 *   <li>verification failed → {@link Outcome.Rejected} (401), nothing kept, a security log line without the body;</li>
 *   <li>an abuse rule refused it → {@link Outcome.Rejected} with the rule's status, nothing kept;</li>
 *   <li>the body cannot be parsed → {@link Outcome.Unparseable}, the raw request parked as unparseable;</li>
 *   <li>a transient database condition, anywhere (see {@link Failures#transientDatabase}) → {@link Outcome.StorageDown},
 *       nothing kept (the sender retries; a replayed envelope stays as it was);</li>
 *   <li>any other failure after verification → {@link Outcome.KeptForReplay}, parked as failed (a replayed envelope
 *       stays parked with its new error).</li>
 * </ul>
 */
@ApplicationScoped
public class Intake implements InboundSink {

    private static final Logger LOG = Logger.getLogger(Intake.class);
    private static final Logger SECURITY = Logger.getLogger("io.leadgate.security");

    private final ChannelRegistry registry;
    private final IntakeService writes;
    private final ParkedEnvelopes parked;
    private final MeterRegistry metrics;
    private final FailureTally failures;

    Intake(ChannelRegistry registry, IntakeService writes, ParkedEnvelopes parked, MeterRegistry metrics,
           FailureTally failures) {
        this.registry = registry;
        this.failures = failures;
        this.writes = writes;
        this.parked = parked;
        this.metrics = metrics;
    }

    /**
     * Takes one submission in; every outcome is a value, never an exception. Returns after commit. A submission no
     * caller may make — a channel whose provider has no adapter, or a hook to a provider that takes none (the hook
     * endpoint answers 404 before that) — is a programming error and throws {@link IllegalArgumentException}.
     */
    public Outcome submit(Submission submission) {
        return submit(submission, null);
    }

    /**
     * As {@link #submit(Submission)}, with {@code settled} (may be null) run in the transaction that settles the
     * submission: the write path's, or the one that parks it; on its own when nothing is kept (refused).
     */
    private Outcome submit(Submission submission, Runnable settled) {
        ChannelDefinition channel = submission.channel();
        InboundAdapter adapter = registry.inbound(channel.provider()).orElseThrow(() ->
                new IllegalArgumentException("no adapter for provider " + channel.provider().id()));
        if (submission.source() == Submission.Source.HOOK) {
            if (!(adapter instanceof ChannelAdapter hook)) {
                throw new IllegalArgumentException("provider " + channel.provider().id() + " takes no hooks");
            }
            Verification verification = hook.verify(submission.request(), channel);
            if (!verification.valid()) {
                String reason = verification.name().toLowerCase(Locale.ROOT);
                SECURITY.warnf("hook verification failed: channel=%s provider=%s result=%s", channel.id(),
                        channel.provider().id(), verification);
                rejectedCounter(channel, reason);
                failures.verificationFailed(channel.id()); // the silence watch compares it with the channel's rhythm
                runAlone(settled);
                return new Outcome.Rejected(verification, 401, reason, "verification failed: " + reason);
            }
        }
        List<Inquiry> items;
        try {
            items = submission.source() == Submission.Source.ENTERED ? submission.entered()
                    : adapter.parse(submission.request(), channel);
        } catch (RejectedException e) {
            rejectedCounter(channel, e.reason());
            LOG.infof("submission rejected: channel=%s reason=%s", channel.id(), e.reason());
            runAlone(settled);
            return new Outcome.Rejected(Verification.VALID, e.status(), e.reason(), e.getMessage());
        } catch (UnparseableException | RuntimeException e) {
            String reason = e instanceof UnparseableException ? e.getMessage() : e.getClass().getSimpleName();
            return park(submission, Envelope.Status.UNPARSEABLE, reason, settled);
        }
        if (submission.asLead()) { // the operator reviewed the classified mail: it is a lead after all
            items = items.stream().map(i -> ClassifiedMail.kept(i) ? i.withKind(Kind.LEAD) : i).toList();
        }
        items.stream().filter(i -> i.kind() == Kind.IGNORED && Reason.HONEYPOT.of(i))
                .forEach(i -> rejectedCounter(channel, Reason.HONEYPOT.code()));
        try {
            HookOutcome result = submission.envelopeId() == null
                    ? writes.accept(channel, submission.request(), items, settled)
                    : writes.replay(channel, submission.envelopeId(), submission.request(), items, settled);
            return Outcome.written(result, items);
        } catch (RuntimeException e) {
            if (Failures.transientDatabase(e)) {
                return storageDown(channel, e);
            }
            LOG.errorf("processing failed, request parked for replay: channel=%s source=%s cause=%s", channel.id(),
                    submission.source(), Failures.describe(e));
            return park(submission, Envelope.Status.FAILED, Failures.describe(e), settled);
        }
    }

    private static void runAlone(Runnable settled) {
        if (settled != null) {
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(settled);
        }
    }

    /** The polling adapters' way in: a polled item as a {@link Submission.Source#POLL} submission. */
    @Override
    public Taken take(ChannelDefinition channel, HookRequest item) {
        return take(channel, item, null);
    }

    /** The polling adapters' way in, their bookkeeping committed with the item ({@link InboundSink#take(ChannelDefinition, HookRequest, Runnable)}). */
    @Override
    public Taken take(ChannelDefinition channel, HookRequest item, Runnable settled) {
        Outcome outcome = submit(Submission.polled(channel, item), settled);
        if (outcome instanceof Outcome.Stored) {
            return Taken.STORED;
        }
        if (outcome instanceof Outcome.Duplicate) {
            return Taken.DUPLICATE;
        }
        if (outcome instanceof Outcome.Ignored) {
            return Taken.IGNORED;
        }
        if (outcome instanceof Outcome.Classified) {
            return Taken.CLASSIFIED;
        }
        if (outcome instanceof Outcome.Rejected) {
            return Taken.REJECTED;
        }
        if (outcome instanceof Outcome.Unparseable) {
            return Taken.UNPARSEABLE;
        }
        return outcome instanceof Outcome.KeptForReplay ? Taken.KEPT_FOR_REPLAY : Taken.RETRY_LATER;
    }

    private Outcome park(Submission submission, Envelope.Status status, String error, Runnable settled) {
        ChannelDefinition channel = submission.channel();
        long envelopeId;
        try {
            envelopeId = parked.park(submission, status, error, settled);
        } catch (RuntimeException e) { // not even the raw request could be kept: the sender must retry
            return storageDown(channel, e);
        }
        if (status == Envelope.Status.UNPARSEABLE) {
            LOG.infof("unparseable body parked for replay: channel=%s envelope=%d", channel.id(), envelopeId);
            return new Outcome.Unparseable(envelopeId, error);
        }
        return new Outcome.KeptForReplay(envelopeId, error);
    }

    private Outcome storageDown(ChannelDefinition channel, RuntimeException e) {
        String cause = Failures.describe(e);
        LOG.warnf("storage unavailable, nothing stored: channel=%s cause=%s", channel.id(), cause);
        metrics.counter("leadgate.intake.storage.down", "channel", channel.id()).increment();
        return new Outcome.StorageDown(cause);
    }

    private void rejectedCounter(ChannelDefinition channel, String reason) {
        metrics.counter("leadgate.hook.rejected", "channel", channel.id(), "reason", reason).increment();
    }
}
