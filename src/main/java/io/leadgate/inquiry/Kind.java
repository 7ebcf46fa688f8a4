package io.leadgate.inquiry;

/** What an inquiry means for sales: a lead, an update of something already received, or nothing. */
public enum Kind {
    /** An inquiry that creates a lead or extends the client's open one. */
    LEAD,
    /** Changes an existing message or call (an edit, a button press, a call status). */
    UPDATE,
    /** Accepted and acknowledged, but no lead: receipts, statuses, bounces, service events. */
    IGNORED;

    public String code() {
        return name().toLowerCase();
    }
}
