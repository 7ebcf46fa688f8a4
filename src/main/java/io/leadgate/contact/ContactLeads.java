package io.leadgate.contact;

import java.util.List;
import java.util.Map;

/**
 * The leads of contacts, for contact views. Implemented by {@code lead}, which owns the leads ({@code contact} sits
 * below it and cannot read them itself).
 */
public interface ContactLeads {

    /** Lead ids per contact id, each list oldest first; contacts without leads are absent. */
    Map<Long, List<String>> leadIds(List<Long> contactIds);
}
