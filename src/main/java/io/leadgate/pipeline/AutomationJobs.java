package io.leadgate.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/** Automation job states, and how a rule's job is scheduled for one occasion. */
final class AutomationJobs {
    static final String PENDING = "pending";
    static final String DONE = "done";
    static final String SKIPPED = "skipped";
    static final String FAILED = "failed";
    static final String CANCELLED = "cancelled";

    private AutomationJobs() {
    }

    /** A job of the rule for one occasion ({@code cause}), due the rule's delay after {@code from}; persisted. */
    static AutomationJob schedule(AutomationRule rule, Long dealId, Long leadId, Long stageId, Long moveId, String cause,
                                  Instant from, Instant now) {
        AutomationJob job = new AutomationJob();
        job.ruleId = rule.id;
        job.dealId = dealId;
        job.leadId = leadId;
        job.stageId = stageId;
        job.moveId = moveId;
        job.cause = cause;
        job.occurrence = 0;
        job.action = rule.action;
        job.params = rule.params;
        job.status = PENDING;
        job.dueAt = rule.delayPeriod != null ? plus(from, rule.delayPeriod) : from.plusSeconds(rule.delaySeconds);
        job.attempts = 0;
        job.createdAt = now;
        job.persist();
        return job;
    }

    /** The next run of a repeating rule's job: the same occasion, one period after the job's due time. */
    static AutomationJob next(AutomationJob done, String every, Instant now) {
        AutomationJob job = new AutomationJob();
        job.ruleId = done.ruleId;
        job.dealId = done.dealId;
        job.leadId = done.leadId;
        job.stageId = done.stageId;
        job.moveId = done.moveId;
        job.cause = done.cause;
        job.occurrence = done.occurrence + 1;
        job.action = done.action;
        job.params = done.params;
        job.status = PENDING;
        job.dueAt = plus(done.dueAt, every);
        job.attempts = 0;
        job.createdAt = now;
        job.persist();
        return job;
    }

    /** An instant plus an ISO-8601 period ({@code P11M}, calendar months in UTC) or duration ({@code PT2H}). */
    static Instant plus(Instant from, String amount) {
        if (amount.contains("T")) {
            return from.plus(Duration.parse(amount));
        }
        return from.atOffset(ZoneOffset.UTC).plus(Period.parse(amount)).toInstant();
    }
}
