package io.leadgate.contact;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The identity reads of writes that share a transaction (group commit), made once for all of them: before the writes
 * run, one statement reads every identity value and one every blocking key they will look up, and each write's
 * lookups are then answered from those rows instead of a round trip of their own.
 *
 * <p>The answers are what the database would give the write at that point of the shared transaction: the rows a write
 * inserts into {@code contact_identity} and {@code contact_key} are added to them once the write is kept (past its
 * savepoint) and forgotten when it is rolled back, and anything else that changes those tables in the transaction (a
 * merge, an erasure) ends the answering for the rest of the group. A write that has rows of its own not yet kept, or
 * asks for a value the group did not read, reads the database as without a group. Rows other transactions commit
 * after the group's read are not seen, as they would not be by a read made a moment earlier: a new identity taken
 * meanwhile still meets the unique index on insert, on which the write path runs again.
 *
 * <p>State is per thread: the writer thread of a group opens it, runs the writes and closes it; everywhere else
 * (a write alone, any other transaction) nothing is open and every read goes to the database.
 */
@ApplicationScoped
public class GroupLookups {

    /** What a write will look up: identity values, and blocking keys (kind code and value). */
    public record Probe(List<String> identities, List<Key> keys) {

        public static final Probe NONE = new Probe(List.of(), List.of());

        /** The lookups of several items of one delivery, together. */
        public static Probe of(Collection<Probe> probes) {
            if (probes.size() == 1) {
                return probes.iterator().next();
            }
            List<String> identities = new ArrayList<>();
            List<Key> keys = new ArrayList<>();
            probes.forEach(p -> {
                identities.addAll(p.identities());
                keys.addAll(p.keys());
            });
            return new Probe(identities, keys);
        }
    }

    /** A blocking key as looked up: its kind's code and its value. */
    public record Key(String kind, String value) {
    }

    /** A row of {@code contact_identity} as the lookup reads it. */
    record Identity(long contactId, String value, String kind) {
    }

    private final ThreadLocal<Group> current = new ThreadLocal<>();

    /** How the group's rows are read: by the identity and key statements of {@link ContactKeys}. */
    interface Reader {
        List<Identity> identityRows(List<String> values);

        /** For each key, at most {@link ContactKeys#PER_KEY} cards, highest id first (the lookup's own order). */
        Map<Key, List<Long>> keys(List<Key> keys);
    }

    /**
     * Reads what the writes of a group will look up, in the group's transaction, before the first of them runs
     * ({@link IdentityResolver#openGroup}). Nothing is opened when they look up nothing.
     */
    void open(Collection<Probe> probes, Reader reader) {
        current.remove();
        Set<String> values = new LinkedHashSet<>();
        Set<Key> wanted = new LinkedHashSet<>();
        for (Probe probe : probes) {
            if (probe != null) {
                values.addAll(probe.identities());
                wanted.addAll(probe.keys());
            }
        }
        if (values.isEmpty() && wanted.isEmpty()) {
            return;
        }
        Group group = new Group();
        values.forEach(value -> group.identities.put(value, new ArrayList<>()));
        if (!values.isEmpty()) {
            for (Identity row : reader.identityRows(List.copyOf(values))) {
                group.identities.computeIfAbsent(row.value(), v -> new ArrayList<>()).add(row);
            }
        }
        if (!wanted.isEmpty()) {
            Map<Key, List<Long>> found = reader.keys(List.copyOf(wanted));
            wanted.forEach(key -> group.keys.put(key, new ArrayList<>(found.getOrDefault(key, List.of()))));
        }
        current.set(group);
    }

    /** The group is over (committed, rolled back, or its writes run again alone). */
    public void close() {
        current.remove();
    }

    /** The write just run was kept: its rows are part of what later writes of the group see. */
    public void kept() {
        Group group = current.get();
        if (group != null) {
            group.keep();
        }
    }

    /** The write just run was rolled back to its savepoint: its rows were never there. */
    public void dropped() {
        Group group = current.get();
        if (group != null) {
            group.pending.clear();
        }
    }

    /** The rows holding these identity values, when the group can answer for all of them. */
    Optional<List<Identity>> identities(List<String> values) {
        Group group = answering();
        if (group == null || !group.identities.keySet().containsAll(values)) {
            return Optional.empty();
        }
        List<Identity> rows = new ArrayList<>();
        new LinkedHashSet<>(values).forEach(value -> rows.addAll(group.identities.get(value)));
        return Optional.of(rows);
    }

    /** The cards under these keys, each key's as {@link Reader#keys} reads them, when the group knows every key. */
    Optional<Map<Key, List<Long>>> keys(List<Key> wanted) {
        Group group = answering();
        if (group == null || !group.keys.keySet().containsAll(wanted)) {
            return Optional.empty();
        }
        Map<Key, List<Long>> found = new HashMap<>();
        wanted.forEach(key -> found.put(key, List.copyOf(group.keys.get(key))));
        return Optional.of(found);
    }

    /** A write of the group inserted an identity row (seen by the others once the write is kept). */
    void identityWritten(long contactId, String value, String kind) {
        Group group = current.get();
        if (group != null) {
            group.pending.add(g -> g.identities.computeIfPresent(value, (v, rows) -> {
                rows.add(new Identity(contactId, value, kind));
                return rows;
            }));
        }
    }

    /** A write of the group inserted a blocking key (an insert that finds it there already changes nothing). */
    void keyWritten(String kind, String value, long contactId) {
        Group group = current.get();
        if (group != null) {
            Key key = new Key(kind, value);
            group.pending.add(g -> g.keys.computeIfPresent(key, (k, cards) -> withCard(cards, contactId)));
        }
    }

    /** Identities or keys changed otherwise (moved by a merge, deleted): the rest of the group reads the database. */
    void invalidate() {
        Group group = current.get();
        if (group != null) {
            group.answering = false;
        }
    }

    private Group answering() {
        Group group = current.get();
        return group != null && group.answering && group.pending.isEmpty() ? group : null;
    }

    /** A key's cards with one more, as the lookup would read them: highest id first, at most PER_KEY. */
    static List<Long> withCard(List<Long> cards, long contactId) {
        if (cards.contains(contactId)) {
            return cards;
        }
        cards.add(contactId);
        cards.sort(Comparator.reverseOrder());
        while (cards.size() > ContactKeys.PER_KEY) {
            cards.remove(cards.size() - 1);
        }
        return cards;
    }

    private static final class Group {
        private final Map<String, List<Identity>> identities = new HashMap<>();
        private final Map<Key, List<Long>> keys = new HashMap<>();
        /** The rows of the write running now, applied when it is kept. */
        private final List<java.util.function.Consumer<Group>> pending = new ArrayList<>();
        private boolean answering = true;

        void keep() {
            pending.forEach(change -> change.accept(this));
            pending.clear();
        }
    }
}
