package io.leadgate.contact;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The leads of contacts, for contact views and for a merge's undo. Implemented by {@code lead}, which owns the leads ({@code contact} sits
 * below it and cannot read them itself).
 */
public interface ContactLeads {

    /** Lead ids per contact id, each list oldest first; contacts without leads are absent. */
    Map<Long, List<String>> leadIds(List<Long> contactIds);

    /**
     * Of {@code leadIds}, those that belong to {@code contactId} now, as the database has it inside the caller's
     * transaction (after rows were moved by statements, not through loaded entities).
     */
    Set<Long> ofContact(long contactId, Collection<Long> leadIds);
}
