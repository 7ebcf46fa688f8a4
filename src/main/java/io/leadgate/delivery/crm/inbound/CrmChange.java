package io.leadgate.delivery.crm.inbound;

import java.util.List;

/**
 * One change made in a CRM, in one vocabulary for every CRM: which CRM record ({@code remoteType} {@code lead} or
 * {@code deal} and its id, as {@link io.leadgate.delivery.crm.CrmLink} holds them) and what it now is. Null or empty
 * parts were not part of the change.
 *
 * @param statuses    the record's CRM status, most specific form first (amoCRM: {@code pipeline:status}, then
 *                    {@code status}); empty when the status did not change
 * @param responsible the CRM user now responsible, or null
 * @param kind        what happened
 */
public record CrmChange(String remoteType, String remoteId, List<String> statuses, String responsible, Kind kind) {

    /** What happened in the CRM. */
    public enum Kind {
        /** The record was edited: its current status and responsible as the CRM answered them. */
        UPDATED,
        /** The status (stage) changed. */
        STATUS,
        /** The responsible user changed. */
        RESPONSIBLE,
        /** An incoming (unsorted) request was accepted: the lead is being worked on. */
        ACCEPTED,
        /** An incoming (unsorted) request was declined: the lead is junk. */
        DECLINED
    }

    public CrmChange {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }
}
