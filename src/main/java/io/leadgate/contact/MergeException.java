package io.leadgate.contact;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** A merge or an undo that cannot be done, with the reason. */
public class MergeException extends RuntimeException {

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
    private final ContactRefusal refusal;
    private final List<Object> args;

    public MergeException(Reason reason, String message) {
        this(reason, ContactRefusal.OTHER, message);
    }

    /** A refusal with a stable code and its arguments (in the order {@link ContactRefusal} lists them). */
    public MergeException(Reason reason, ContactRefusal refusal, String message, Object... args) {
        super(message);
        this.reason = reason;
        this.refusal = refusal;
        this.args = Collections.unmodifiableList(Arrays.asList(args.clone()));
    }

    public Reason reason() {
        return reason;
    }

    /** The stable code of the refusal; {@link ContactRefusal#OTHER} when it has none. */
    public ContactRefusal refusal() {
        return refusal;
    }

    /** The refusal's arguments, in the order {@link ContactRefusal} lists them. */
    public List<Object> args() {
        return args;
    }
}
