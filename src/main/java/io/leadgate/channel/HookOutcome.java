package io.leadgate.channel;

import java.util.List;

/** What the write path did with the items of one delivery; adapters shape their answer from it. */
public record HookOutcome(Long envelopeId, List<Item> items) {

    public HookOutcome {
        items = List.copyOf(items);
    }

    /** What happened to one item. */
    public enum Result {
        /** A new lead was created. */
        LEAD_CREATED,
        /** The inquiry was attached to the client's open lead as a repeat touch. */
        LEAD_EXTENDED,
        /** An update was stored. */
        UPDATE_STORED,
        /** The same provider key was seen before: acknowledged, nothing changed. */
        DUPLICATE,
        /** Deliberately ignored (receipt, status, service event). */
        IGNORED
    }

    public record Item(Result result, Long inquiryId, Long contactId, Long leadId) {
    }

    /** True when every item was a redelivery. */
    public boolean allDuplicates() {
        return !items.isEmpty() && items.stream().allMatch(i -> i.result() == Result.DUPLICATE);
    }
}
