package io.leadgate.delivery.kafka;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Splits an ordered batch into send rounds that can never reorder a key: each round holds at most the next row of
 * every key, and a key's next row is only handed out after the previous one was acknowledged. A key whose send
 * failed gets nothing more in this batch, so its failed row stays the first unsent one of that key and is sent again
 * before any later row of the same key. Different keys go out in parallel within a round.
 */
final class KeyedRounds<T> {

    private final Map<Object, Deque<T>> queues = new LinkedHashMap<>();
    private final Function<T, ?> key;

    KeyedRounds(List<T> ordered, Function<T, ?> key) {
        this.key = key;
        for (T row : ordered) {
            queues.computeIfAbsent(key.apply(row), k -> new ArrayDeque<>()).add(row);
        }
    }

    /** The next row of every key that still has rows, in the order the keys first appeared; empty when done. */
    List<T> next() {
        List<T> round = new ArrayList<>();
        for (Deque<T> queue : queues.values()) {
            T head = queue.poll();
            if (head != null) {
                round.add(head);
            }
        }
        return round;
    }

    /** The row could not be sent: its key gets no further rows in this batch. */
    void failed(T row) {
        Deque<T> queue = queues.get(key.apply(row));
        if (queue != null) {
            queue.clear();
        }
    }
}
