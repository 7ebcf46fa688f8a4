package io.leadgate.contact;

/**
 * Why a contact edit, note, merge or undo was refused, as a stable code the console turns into the user's language
 * (the REST API keeps answering the English message). The arguments the exception carries are listed per code, in
 * order; a refusal without a code of its own is {@link #OTHER} and shows its English message.
 */
public enum ContactRefusal {
    /** No code of its own: the message is shown as it is. */
    OTHER,
    /** contact id */
    CONTACT_NOT_FOUND,
    /** contact id, the contact it was merged into */
    CONTACT_MERGED_INTO,
    /** the longest allowed */
    CONTACT_NAME_TOO_LONG,
    /** the longest allowed */
    CONTACT_COMPANY_TOO_LONG,
    NOTE_REQUIRED,
    /** the longest allowed */
    NOTE_TOO_LONG,
    MERGE_SAME_CONTACT,
    /** contact id */
    MERGE_ALREADY_MERGED,
    /** pair id */
    MERGE_PAIR_MERGED,
    /** target id, source id */
    MERGE_DISTINCT,
    /** merge id */
    MERGE_UNDONE_ALREADY,
    /** contact id */
    MERGE_MERGED_AGAIN,
    /** what ("identities", a table) */
    MERGE_ROWS_MOVED
}
