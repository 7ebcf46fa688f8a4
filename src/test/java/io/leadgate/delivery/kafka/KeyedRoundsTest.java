package io.leadgate.delivery.kafka;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyedRoundsTest {

    record Row(int position, String key) {
    }

    @Test
    void eachRoundHoldsTheNextRowOfEveryKeyInOrder() {
        List<Row> batch = List.of(new Row(1, "a"), new Row(2, "b"), new Row(3, "a"), new Row(4, "c"),
                new Row(5, "a"), new Row(6, "b"));
        KeyedRounds<Row> rounds = new KeyedRounds<>(batch, Row::key);
        assertEquals(List.of(batch.get(0), batch.get(1), batch.get(3)), rounds.next());
        assertEquals(List.of(batch.get(2), batch.get(5)), rounds.next());
        assertEquals(List.of(batch.get(4)), rounds.next());
        assertTrue(rounds.next().isEmpty());
    }

    @Test
    void failedKeyGetsNoLaterRowWhileOtherKeysGoOn() {
        List<Row> batch = List.of(new Row(1, "a"), new Row(2, "b"), new Row(3, "a"), new Row(4, "b"));
        KeyedRounds<Row> rounds = new KeyedRounds<>(batch, Row::key);
        List<Row> first = rounds.next();
        rounds.failed(first.get(0));
        assertEquals(List.of(batch.get(3)), rounds.next());
        assertTrue(rounds.next().isEmpty());
    }

    @Test
    void rowsWithoutKeyKeepTheirOwnOrder() {
        List<Row> batch = List.of(new Row(1, null), new Row(2, null), new Row(3, "x"));
        KeyedRounds<Row> rounds = new KeyedRounds<>(batch, Row::key);
        List<Integer> sent = new ArrayList<>();
        for (List<Row> round = rounds.next(); !round.isEmpty(); round = rounds.next()) {
            round.forEach(r -> sent.add(r.position()));
        }
        assertEquals(List.of(1, 3, 2), sent);
    }
}
