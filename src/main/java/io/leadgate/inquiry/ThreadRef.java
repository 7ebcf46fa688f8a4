package io.leadgate.inquiry;

import java.util.List;

/**
 * Where an inquiry sits in a conversation: the message ids it replies to and refers to, each bounded as an
 * identifier; of a long list the first (the thread's root) and the most recent ones are kept ({@link Limits}).
 */
public record ThreadRef(List<String> inReplyTo, List<String> references) {
    public static final ThreadRef NONE = new ThreadRef(List.of(), List.of());

    public ThreadRef {
        inReplyTo = List.copyOf(Limits.identifiers(inReplyTo, Limits.THREAD_IDS));
        references = List.copyOf(Limits.identifiers(references, Limits.THREAD_IDS));
    }

    public boolean isEmpty() {
        return inReplyTo.isEmpty() && references.isEmpty();
    }
}
