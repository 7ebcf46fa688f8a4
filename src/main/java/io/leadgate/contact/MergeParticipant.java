package io.leadgate.contact;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Extension point for modules that keep their own rows per contact (deals, tasks): a merge calls every
 * participant bean in the merge's transaction, after the cards are locked, and keeps what it returns in the merge
 * snapshot; the undo hands it back.
 */
public interface MergeParticipant {

    /** A stable name; the key of this participant's state in the snapshot. */
    String name();

    /** Moves this module's rows of {@code sourceId} to {@code targetId}; returns what the undo needs (e.g. row ids). */
    JsonNode merge(long sourceId, long targetId);

    /** Moves the rows named in {@code moved} back from {@code targetId} to {@code sourceId}. */
    void undo(long sourceId, long targetId, JsonNode moved);

    /**
     * After every participant's {@link #undo}: moves the rows that came to the target while the cards were merged
     * and belong to the source ({@link Arrivals}). {@code state} is what {@link #merge} returned. Nothing by default.
     */
    default void undoArrivals(Arrivals arrivals, JsonNode state) {
    }

    /** The order of {@link #undoArrivals}, lowest first: inquiries 10, leads 20, rows hanging on leads 30. */
    default int arrivalStage() {
        return 100;
    }
}
