package io.leadgate.contact;

import io.leadgate.refusal.RefusedException;

/** A merge or an undo that cannot be done, with the reason. */
public class MergeException extends RefusedException {

    /** Why a merge or an undo was refused. */
    public enum Reason {
        /** No such contact or merge. */
        NOT_FOUND,
        /** Source and target are the same card. */
        SAME_CONTACT,
        /** One of the cards was merged into another already. */
        ALREADY_MERGED,
        /** The merge was undone already. */
        ALREADY_UNDONE,
        /** The cards changed since the merge in a way the undo cannot restore (merged again, rows erased). */
        CHANGED_SINCE,
        /** An operator said the two cards are not the same person (a rule does not merge them). */
        DISTINCT
    }

    private final Reason reason;

    public MergeException(Reason reason, String message) {
        this(reason, ContactRefusal.OTHER, message);
    }

    /** A refusal with a stable code and its arguments (in the order {@link ContactRefusal} lists them). */
    public MergeException(Reason reason, ContactRefusal refusal, String message, Object... args) {
        super(refusal, message, args);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
