package io.leadgate.events;

/** The CloudEvent types Leadgate emits (CONTRACT §6). */
public final class EventTypes {
    public static final String LEAD_CREATED = "leadgate.lead.created";
    public static final String LEAD_UPDATED = "leadgate.lead.updated";
    public static final String INQUIRY_RECEIVED = "leadgate.inquiry.received";
    public static final String CONTACT_MERGED = "leadgate.contact.merged";
    /** A contact's personal data was erased (GDPR): consumers should erase their copies too. */
    public static final String CONTACT_ERASED = "leadgate.contact.erased";
    public static final String DEAL_CREATED = "leadgate.deal.created";
    public static final String DEAL_MOVED = "leadgate.deal.moved";
    public static final String DEAL_UPDATED = "leadgate.deal.updated";
    /** The default type of an automation's emit-event action. */
    public static final String DEAL_STAGE_ENTERED = "leadgate.deal.stage-entered";

    /** A robot's notify action: {@code data.manager} should look at {@code data.deal} or {@code data.lead}. */
    public static final String MANAGER_NOTIFIED = "leadgate.manager.notified";
    /** Speed to lead: a lead waited longer than the configured limit for its manager's first action. */
    public static final String LEAD_RESPONSE_OVERDUE = "leadgate.lead.response-overdue";
    /** A task on the manager's desk was created, or completed ({@code data.task}). */
    public static final String TASK_CREATED = "leadgate.task.created";
    public static final String TASK_COMPLETED = "leadgate.task.completed";

    public static final String CONTACT_UNMERGED = "leadgate.contact.unmerged";

    /** A channel went silent far outside its rhythm, or its verification failures jumped (subject: the channel id). */
    public static final String CHANNEL_SILENT = "leadgate.channel.silent";
    /** A silent channel's episode ended: an inquiry arrived and neither rule alarms (subject: the channel id). */
    public static final String CHANNEL_RECOVERED = "leadgate.channel.recovered";

    /** The CloudEvent source of events about a channel's inquiries (contact events without a channel: /leadgate/contacts). */
    public static String source(String channelId) {
        return channelId == null ? "/leadgate/contacts" : "/leadgate/channels/" + channelId;
    }

    private EventTypes() {
    }
}
