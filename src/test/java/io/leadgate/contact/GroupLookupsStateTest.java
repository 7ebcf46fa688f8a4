package io.leadgate.contact;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a group's read answers as its writes go on, against a reader that plays the database: rows a kept write
 * inserted are there, those of a write rolled back are not, and after a merge or while a write has rows not yet kept
 * the database is asked again. No application: the state alone.
 */
class GroupLookupsStateTest {

    private static final GroupLookups.Key TAIL = new GroupLookups.Key("phone-tail", "9161234567");
    private static final GroupLookups.Key NAME = new GroupLookups.Key("name", "ivanov ivan");

    private final GroupLookups lookups = new GroupLookups();
    private final Reader database = new Reader();

    @AfterEach
    void close() {
        lookups.close();
    }

    @Test
    void answersFromOneReadForEveryWriteOfTheGroup() {
        database.identities.add(new GroupLookups.Identity(7, "+79161234567", "PHONE"));
        database.keys.put(TAIL, List.of(7L));
        lookups.open(List.of(probe("+79161234567", TAIL), probe("a@b.example", NAME)), database);
        assertEquals(1, database.reads);
        assertEquals(Optional.of(List.of(new GroupLookups.Identity(7, "+79161234567", "PHONE"))),
                lookups.identities(List.of("+79161234567")));
        assertEquals(Optional.of(List.of()), lookups.identities(List.of("a@b.example")));
        assertEquals(Optional.of(Map.of(TAIL, List.of(7L), NAME, List.of())), lookups.keys(List.of(TAIL, NAME)));
        assertEquals(Optional.empty(), lookups.identities(List.of("+79161234567", "not-read@b.example")),
                "a value the group did not read is read from the database, with the others");
        assertEquals(Optional.empty(), lookups.keys(List.of(new GroupLookups.Key("mailbox", "x@y.example"))));
        assertEquals(1, database.reads, "answered without asking again");
    }

    @Test
    void aKeptWriteIsSeenAndARolledBackOneIsNot() {
        lookups.open(List.of(probe("a@b.example", TAIL), probe("c@d.example", NAME)), database);

        lookups.identityWritten(11, "a@b.example", "EMAIL");
        lookups.keyWritten(TAIL.kind(), TAIL.value(), 11);
        assertEquals(Optional.empty(), lookups.identities(List.of("a@b.example")),
                "a write with rows not yet kept reads the database, which has them");
        lookups.dropped();
        assertEquals(Optional.of(List.of()), lookups.identities(List.of("a@b.example")));
        assertEquals(Optional.of(Map.of(TAIL, List.of())), lookups.keys(List.of(TAIL)));

        lookups.identityWritten(12, "a@b.example", "EMAIL");
        lookups.keyWritten(TAIL.kind(), TAIL.value(), 12);
        lookups.keyWritten(NAME.kind(), NAME.value(), 12);
        lookups.kept();
        assertEquals(Optional.of(List.of(new GroupLookups.Identity(12, "a@b.example", "EMAIL"))),
                lookups.identities(List.of("a@b.example")));
        assertEquals(Optional.of(Map.of(TAIL, List.of(12L), NAME, List.of(12L))), lookups.keys(List.of(TAIL, NAME)));
    }

    @Test
    void aKeyKeepsTheLookupsOrderAndLimit() {
        List<Long> full = new ArrayList<>(LongStream.rangeClosed(1, ContactKeys.PER_KEY).map(i -> 100 - i).boxed().toList());
        database.keys.put(TAIL, full); // 99 … 80: the highest PER_KEY cards, more may be under the key
        lookups.open(List.of(probe("x@y.example", TAIL)), database);
        lookups.keyWritten(TAIL.kind(), TAIL.value(), 50); // below the twentieth: the lookup would not show it
        lookups.keyWritten(TAIL.kind(), TAIL.value(), 90); // there already: an insert that changes nothing
        lookups.kept();
        assertEquals(full, lookups.keys(List.of(TAIL)).orElseThrow().get(TAIL));
        lookups.keyWritten(TAIL.kind(), TAIL.value(), 120); // a new card: first, and the twentieth drops out
        lookups.kept();
        List<Long> cards = lookups.keys(List.of(TAIL)).orElseThrow().get(TAIL);
        assertEquals(ContactKeys.PER_KEY, cards.size());
        assertEquals(120L, cards.get(0));
        assertEquals(81L, cards.get(cards.size() - 1));
    }

    @Test
    void aMergeEndsTheAnswersAndNothingIsOpenOutsideAGroup() {
        assertEquals(Optional.empty(), lookups.identities(List.of("a@b.example")), "no group on this thread");
        lookups.open(List.of(probe("a@b.example", TAIL)), database);
        assertTrue(lookups.identities(List.of("a@b.example")).isPresent());
        lookups.invalidate();
        assertEquals(Optional.empty(), lookups.identities(List.of("a@b.example")));
        assertEquals(Optional.empty(), lookups.keys(List.of(TAIL)));
        lookups.close();
        lookups.open(List.of(GroupLookups.Probe.NONE), database);
        assertEquals(Optional.empty(), lookups.keys(List.of(TAIL)), "nothing to look up: nothing read, nothing open");
    }

    private static GroupLookups.Probe probe(String identity, GroupLookups.Key key) {
        return new GroupLookups.Probe(List.of(identity), List.of(key));
    }

    /** The database as the group's read sees it. */
    private static final class Reader implements GroupLookups.Reader {
        final List<GroupLookups.Identity> identities = new ArrayList<>();
        final Map<GroupLookups.Key, List<Long>> keys = new HashMap<>();
        int reads;

        @Override
        public List<GroupLookups.Identity> identityRows(List<String> values) {
            reads++;
            return identities.stream().filter(row -> values.contains(row.value())).toList();
        }

        @Override
        public Map<GroupLookups.Key, List<Long>> keys(List<GroupLookups.Key> wanted) {
            Map<GroupLookups.Key, List<Long>> found = new HashMap<>();
            wanted.forEach(key -> found.put(key, keys.getOrDefault(key, List.of())));
            return found;
        }
    }
}
