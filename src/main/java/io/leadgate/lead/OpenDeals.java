package io.leadgate.lead;

import java.util.Optional;

/**
 * Extension point for deal support, used by the {@code deal} repeat-lead policy: the lead behind a contact's open
 * deal, which a returning client's inquiry then joins. Without a bean implementing it, {@code deal} behaves as
 * {@code attach}. Called in the write path's transaction, after the contact is locked.
 */
public interface OpenDeals {

    /** The id of the lead whose deal is open for the contact, if there is one. */
    Optional<Long> openDealLead(long contactId);
}
