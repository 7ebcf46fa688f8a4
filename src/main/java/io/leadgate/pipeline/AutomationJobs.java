package io.leadgate.pipeline;

/** Automation job states. */
final class AutomationJobs {
    static final String PENDING = "pending";
    static final String DONE = "done";
    static final String SKIPPED = "skipped";
    static final String FAILED = "failed";

    private AutomationJobs() {
    }
}
