package io.leadgate.inquiry;

import java.util.List;

/** Where an inquiry sits in a conversation: the message ids it replies to and refers to. */
public record ThreadRef(List<String> inReplyTo, List<String> references) {
    public static final ThreadRef NONE = new ThreadRef(List.of(), List.of());

    public ThreadRef {
        inReplyTo = List.copyOf(inReplyTo);
        references = List.copyOf(references);
    }

    public boolean isEmpty() {
        return inReplyTo.isEmpty() && references.isEmpty();
    }
}
