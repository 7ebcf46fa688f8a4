package io.leadgate.intake;

import io.leadgate.channel.HookOutcome;
import io.leadgate.channel.Verification;
import io.leadgate.inquiry.Reason;

/**
 * What {@link Intake#submit} did with a submission. Exactly one of: stored, duplicate, ignored (all three written:
 * the write path committed or acknowledged every item), rejected (nothing kept), unparseable or kept for replay
 * (the raw request is kept as an envelope), storage down (nothing kept; the sender should retry).
 */
public sealed interface Outcome {

    /** The write path committed the delivery: the provider gets its normal answer, shaped from {@link #result()}. */
    sealed interface Written extends Outcome permits Stored, Duplicate, Ignored, Classified {
        HookOutcome result();
    }

    /** At least one item was stored as an inquiry (a lead created or extended, or an update). */
    record Stored(HookOutcome result) implements Written {
    }

    /** Every item that was not ignored had been received before: acknowledged, nothing changed. */
    record Duplicate(HookOutcome result) implements Written {
    }

    /** Deliberately ignored (receipts, statuses, bounces, service events, a bare ping): no inquiry. */
    record Ignored(HookOutcome result) implements Written {
    }

    /**
     * Mail classified away (auto-reply, bounce, newsletter, receipt): no inquiry, but the raw message is kept as an
     * envelope of status {@code classified} ({@code result().envelopeId()}) for review and replay. Answered like
     * {@link Ignored}.
     *
     * @param reason the classification ({@link Reason#AUTO_REPLY}, {@link Reason#BOUNCE}, {@link Reason#NEWSLETTER},
     *               …), or null when the mail carried none
     */
    record Classified(HookOutcome result, Reason reason) implements Written {

        /** The reason as the envelope stores it and the API writes it ({@code auto-reply}, …, or {@code classified}). */
        public String code() {
            return ClassifiedMail.code(reason);
        }
    }

    /**
     * Refused, nothing stored or kept: verification failed ({@code verification} is not valid, status 401), or a
     * verified submission broke the channel's abuse rules ({@code verification} valid, status 413/422…).
     *
     * @param reason a short metric code ({@code bad_signature}, {@code too-fast}, …)
     */
    record Rejected(Verification verification, int status, String reason, String message) implements Outcome {
    }

    /** The body cannot be read as the provider's format; the raw request is kept as an unparseable envelope. */
    record Unparseable(long envelopeId, String reason) implements Outcome {
    }

    /** Processing failed for a reason that retrying will not cure; the raw request is kept as a failed envelope. */
    record KeptForReplay(long envelopeId, String cause) implements Outcome {
    }

    /** The database is unavailable or failing over (a transient condition): nothing kept, retry later. */
    record StorageDown(String cause) implements Outcome {
    }

    /** The written outcome for what the write path reports about {@code items}. */
    static Written written(HookOutcome result, java.util.List<io.leadgate.inquiry.Inquiry> items) {
        Written written = written(result);
        java.util.Optional<io.leadgate.inquiry.Inquiry> kept = ClassifiedMail.first(items);
        return written instanceof Ignored && kept.isPresent() && result.envelopeId() != null
                ? new Classified(result, kept.get().reason()) : written;
    }

    /** The written outcome for what the write path reports. */
    static Written written(HookOutcome result) {
        boolean stored = result.items().stream().anyMatch(i -> i.result() == HookOutcome.Result.LEAD_CREATED
                || i.result() == HookOutcome.Result.LEAD_EXTENDED || i.result() == HookOutcome.Result.UPDATE_STORED);
        if (stored) {
            return new Stored(result);
        }
        boolean duplicate = result.items().stream().anyMatch(i -> i.result() == HookOutcome.Result.DUPLICATE);
        return duplicate ? new Duplicate(result) : new Ignored(result);
    }
}
