package io.leadgate.pipeline;

/**
 * Why a pipeline operation (or, from the layers above: a manual lead, a webhook subscription) was
 * refused, as a stable code the console turns into the user's language (the REST API
 * keeps answering the English message). The arguments a {@link PipelineException} carries are listed per code, in
 * order; a refusal without a code of its own is {@link #OTHER} and shows its English message.
 */
public enum Refusal {
    /** No code of its own: the message is shown as it is. */
    OTHER,
    /** name */
    PIPELINE_NAME_TAKEN,
    PIPELINE_DEFAULT_UNDELETABLE,
    /** pipeline id */
    PIPELINE_HAS_DEALS,
    /** pipeline id */
    PIPELINE_IN_TUNNEL,
    /** fewest, most, count */
    PIPELINE_STAGE_COUNT,
    NAME_REQUIRED,
    /** the longest allowed */
    NAME_TOO_LONG,
    /** stage name */
    STAGE_NAME_TWICE,
    STAGE_FIRST_NOT_IN_PROGRESS,
    /** count of won stages */
    STAGE_WON_TWICE,
    /** the colour given */
    STAGE_COLOR_INVALID,
    /** stage name, deal count */
    STAGE_HOLDS_DEALS,
    /** stage name */
    STAGE_IN_USE,
    /** stage id */
    STAGE_SEMANTICS_HAS_DEALS,
    TUNNEL_EXISTS,
    /** stage id */
    TUNNEL_MOVES_ELSEWHERE,
    /** the loop, "pipeline/stage → … → pipeline/stage" */
    TUNNEL_LOOP,
    TUNNEL_SAME_PIPELINE,
    TUNNEL_INTO_LOST,
    TUNNEL_MODE,
    /** code, lead count */
    JUNK_REASON_IN_USE,
    /** code, deal count */
    LOSS_REASON_IN_USE,
    /** code, lead count */
    LEAD_STATUS_IN_USE,
    /** code */
    LEAD_STATUS_BUILT_IN,
    /** code, rule count */
    LEAD_STATUS_IN_RULES,
    /** code, rule count */
    LOSS_REASON_IN_RULES,
    /** code */
    MOVE_TO_SAME,
    /** code */
    MOVE_TO_UNKNOWN,
    /** the codes there are */
    LOSS_REASON_REQUIRED,
    /** the codes there are */
    LOSS_REASON_UNKNOWN,
    /** code */
    LOSS_REASON_EXISTS,
    /** the codes there are */
    JUNK_REASON_REQUIRED,
    /** the codes there are */
    JUNK_REASON_UNKNOWN,
    /** code */
    JUNK_REASON_EXISTS,
    /** code */
    LEAD_STATUS_EXISTS,
    /** lead id, deal id */
    LEAD_CONVERTED,
    /** lead id, junk reason */
    LEAD_JUNK,
    CODE_REQUIRED,
    TIME_ZONE_INVALID,
    /* the manual lead (intake) */
    LEAD_TEXT_REQUIRED,
    /** the longest allowed */
    LEAD_TEXT_TOO_LONG,
    LEAD_CONTACT_REQUIRED,
    LEAD_ALL_EXCLUDED,
    /** the longest allowed */
    LEAD_SOURCE_TOO_LONG,
    /** channel id */
    LEAD_CHANNEL_UNKNOWN,
    /** which phone (1, 2, …) */
    LEAD_PHONE_INVALID,
    LEAD_EMAIL_INVALID,
    /* webhook subscriptions (delivery) */
    WEBHOOK_URL_REQUIRED,
    /** the longest allowed */
    WEBHOOK_URL_TOO_LONG,
    WEBHOOK_URL_INVALID,
    /** host */
    WEBHOOK_URL_LOCAL,
    WEBHOOK_EVENTS_REQUIRED,
    /** the event type given */
    WEBHOOK_EVENT_UNKNOWN,
    /** delivery id */
    WEBHOOK_DELIVERY_PENDING,
    /** webhook id, why it was disabled */
    WEBHOOK_DISABLED
}
