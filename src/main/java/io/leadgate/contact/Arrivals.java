package io.leadgate.contact;

import io.leadgate.inquiry.ContactInfo;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an undo hands the participants for the rows that came to the target while the cards were merged (rows the
 * merge neither moved nor found on the target): inquiries go back by the identities they came with
 * ({@link ArrivalSides}), a lead opened by an inquiry that goes back follows it, and rows made while merged that hang
 * on a lead now on the source (calls, deals) follow that lead. Participants run in
 * {@link MergeParticipant#arrivalStage} order and note what they moved; the undo keeps that on the merge record.
 */
public final class Arrivals {

    private final long sourceId;
    private final long targetId;
    private final ArrivalSides sides;
    private final ContactLeads leads;
    private final Set<Long> leadsFollowing = new LinkedHashSet<>();
    private final Map<String, List<Long>> returned = new LinkedHashMap<>();

    Arrivals(long sourceId, long targetId, ArrivalSides sides, ContactLeads leads) {
        this.sourceId = sourceId;
        this.targetId = targetId;
        this.sides = sides;
        this.leads = leads;
    }

    public long sourceId() {
        return sourceId;
    }

    public long targetId() {
        return targetId;
    }

    /** True when an inquiry with these contact details goes back to the source; ask in order of arrival. */
    public boolean goesBack(ContactInfo contact) {
        return sides.decide(IdentityResolver.keysOf(contact).entrySet().stream()
                .map(e -> ArrivalSides.key(e.getValue(), e.getKey())).toList()) == ArrivalSides.Side.SOURCE;
    }

    /** A lead opened (while merged) by an inquiry that went back: the leads participant moves it too. */
    public void leadFollows(long leadId) {
        leadsFollowing.add(leadId);
    }

    public Set<Long> leadsFollowing() {
        return Set.copyOf(leadsFollowing);
    }

    /** Of these leads, the ones on the source now (moved back by the undo, or following an inquiry back). */
    public Set<Long> onSource(Collection<Long> leadIds) {
        return leads.ofContact(sourceId, leadIds);
    }

    /** Notes the rows a participant moved back; kept on the merge record under {@code returned}. */
    public void returned(String participant, List<Long> ids) {
        if (!ids.isEmpty()) {
            returned.put(participant, List.copyOf(ids));
        }
    }

    Map<String, List<Long>> returned() {
        return returned;
    }

    ArrivalSides sides() {
        return sides;
    }
}
