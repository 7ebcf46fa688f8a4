package io.leadgate.contact;

import io.agroal.api.AgroalDataSource;
import io.leadgate.config.LeadgateConfig;
import io.leadgate.jdbc.Rows;
import io.leadgate.jdbc.Writes;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
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
 * Blocking keys in {@code contact_key}, fuzzy candidate lookup and the merge-candidate list. Every statement has a
 * fixed shape and is an indexed equality lookup with a row limit, so the cost of matching one inquiry does not
 * depend on how many contacts there are: at most {@link #PER_KEY} rows per key and {@link #MAX_CARDS} cards scored.
 *
 * <p>A card's near keys ({@link PhoneDrift#storedKeys}, about nine per phone) are always written together with the
 * phone-tail key they derive from, and keys are deleted only by {@link #erase}. So the near keys of a card are found
 * from its phone tails: on PostgreSQL the index by card leaves them out (it would otherwise take most of the index
 * entries a new card writes), and every read by card names its kind as a literal, so that index serves it.
 */
@ApplicationScoped
public class ContactKeys {

    static final int PER_KEY = 20;
    static final int MAX_CARDS = 10;
    private static final int MERGE_HOPS = 8;

    private static final Logger LOG = Logger.getLogger(ContactKeys.class);
    /** The tables the reads bound to arrays scan. */
    private static final List<String> READ_TABLES = List.of("contact", "contact_identity", "contact_key");

    private final EntityManager em;
    private final LeadgateConfig.Identity config;
    private final AgroalDataSource dataSource;
    /** Until every table of {@link #READ_TABLES} has been analyzed, those reads are planned on every run. */
    private volatile boolean planEachRun = true;

    ContactKeys(EntityManager em, LeadgateConfig config, AgroalDataSource dataSource) {
        this.em = em;
        this.config = config.identity();
        this.dataSource = dataSource;
    }

    /**
     * Looks whether the tables of the reads bound to arrays have been analyzed ({@link Rows#prepare}): at start and
     * then every 30 seconds, on a connection of its own, outside the write path (a restored database starts again
     * without statistics).
     */
    @Scheduled(identity = "contact-statistics", every = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkStatistics() {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            planEachRun = Rows.neverAnalyzed(connection, READ_TABLES);
        } catch (java.sql.SQLException e) {
            LOG.debugf("table statistics not read (%s): the identity reads stay planned on every run", e.getSQLState());
            planEachRun = true;
        }
    }

    /**
     * A card as matching sees it.
     *
     * @param writtenTails phone tails keyed from numbers as written that differ from the tails of {@code phones}
     */
    public record Card(long id, String name, Long mergedInto, List<String> phones, List<String> emails,
                       List<String> writtenTails) {
        MatchScorer.Details details() {
            return new MatchScorer.Details(name, phones, writtenTails, emails);
        }
    }

    /**
     * Writes the keys of a card's new phones, emails and name (existing keys are left alone), in one statement.
     */
    public void write(long contactId, Collection<String> phones, Collection<String> emails, String name) {
        Writes writes = new Writes();
        write(contactId, phones, emails, name, false, writes);
        writes.send(em);
    }

    /**
     * As {@link #write(long, Collection, Collection, String)}, the statement added to {@code writes}. The keys of a
     * card created in this transaction ({@code newCard}) go in as a plain insert, without the conflict check, as no
     * row can name a card id that was never committed: on PostgreSQL that check costs each row an extra index probe
     * and a WAL record confirming the speculative insert, about a third of the key rows' WAL records.
     */
    void write(long contactId, Collection<String> phones, Collection<String> emails, String name, boolean newCard,
               Writes writes) {
        insertKeys(keys(phones, emails, name), contactId, newCard, writes);
    }

    /** A card's keys, each once (two phones may share near keys). */
    private static Set<Key> keys(Collection<String> phones, Collection<String> emails, String name) {
        Set<Key> keys = new LinkedHashSet<>();
        for (String phone : phones) {
            String tail = BlockingKeys.phoneTail(phone);
            key(keys, BlockingKeys.Kind.PHONE_TAIL, tail);
            if (tail != null) {
                PhoneDrift.storedKeys(tail).forEach(near -> key(keys, BlockingKeys.Kind.PHONE_NEAR, near));
            }
        }
        for (String email : emails) {
            key(keys, BlockingKeys.Kind.MAILBOX, BlockingKeys.mailbox(email));
        }
        key(keys, BlockingKeys.Kind.NAME, NameKey.blockingKey(name));
        return keys;
    }

    /** A blocking key to write: its kind and value. */
    private record Key(BlockingKeys.Kind kind, String value) {
    }

    /**
     * One multi-row insert of keys (a shape per number of rows), leaving the keys a card already has alone unless
     * the card is new ({@code fresh}: it has none). Plain JDBC: no entity maps {@code contact_key} and the table has
     * no foreign key, so nothing held by Hibernate needs flushing first, and no query translation or bulk-operation
     * bookkeeping runs.
     */
    private static void insertKeys(Collection<Key> keys, long contactId, boolean fresh, Writes writes) {
        writes.addRows("insert into contact_key (kind, key_value, contact_id) values", 3, List.copyOf(keys),
                fresh ? "" : "on conflict do nothing",
                (bound, key) -> bound.text(key.kind().code()).text(key.value()).bigint(contactId));
    }

    private static void key(Collection<Key> keys, BlockingKeys.Kind kind, String value) {
        if (value != null && value.length() <= 400) {
            keys.add(new Key(kind, value));
        }
    }

    /**
     * Writes the near keys of a phone tail ({@link PhoneDrift#storedKeys}) in one statement, with the tail's own key
     * (kept if the card has it), which {@link #erase} finds them by.
     */
    void insertNear(String tail, long contactId) {
        List<Key> keys = new ArrayList<>();
        key(keys, BlockingKeys.Kind.PHONE_TAIL, tail);
        PhoneDrift.storedKeys(tail).forEach(near -> keys.add(new Key(BlockingKeys.Kind.PHONE_NEAR, near)));
        Writes writes = new Writes();
        insertKeys(keys, contactId, false, writes);
        writes.send(em);
    }

    /**
     * Cards that share a blocking key with the details, scored, at or above the candidate score, best first.
     *
     * @param exclude cards never to propose (the inquiry's own card, cards it already matched)
     * @param byName  look up by the full name too (new cards); off for known clients, to keep their path short
     */
    public List<Candidate> candidates(MatchScorer.Details probe, Set<Long> exclude, boolean byName) {
        Set<Long> found = found(probe, byName);
        List<Candidate> out = new ArrayList<>();
        Set<Long> seen = new LinkedHashSet<>(exclude);
        List<Long> ids = List.copyOf(found);
        int scored = 0;
        // cards are read MAX_CARDS at a time (one statement), in the order found, until MAX_CARDS are scored
        for (int from = 0; from < ids.size() && scored < MAX_CARDS; from += MAX_CARDS) {
            for (Card card : liveCards(ids.subList(from, Math.min(ids.size(), from + MAX_CARDS)))) {
                if (scored == MAX_CARDS) {
                    break;
                }
                if (!seen.add(card.id())) {
                    continue;
                }
                scored++;
                MatchScorer.score(card.id(), probe, card.details())
                        .filter(c -> c.score() >= config.candidateScore())
                        .ifPresent(out::add);
            }
        }
        out.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::contactId));
        return out;
    }

    /**
     * The cards under the probe's blocking keys, before scoring: phone tails, mailboxes, near keys, then the full
     * name; at most {@link #PER_KEY} per key, whatever the number of contacts sharing it. One statement for all the
     * keys, each key one indexed range read, in the keys' order.
     */
    Set<Long> found(MatchScorer.Details probe, boolean byName) {
        List<String> kinds = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<String> phones = new ArrayList<>(probe.phones());
        phones.addAll(probe.rawPhones());
        for (String phone : phones) {
            probeKey(kinds, values, BlockingKeys.Kind.PHONE_TAIL, BlockingKeys.phoneTail(phone));
        }
        for (String email : probe.emails()) {
            probeKey(kinds, values, BlockingKeys.Kind.MAILBOX, BlockingKeys.mailbox(email));
        }
        Set<String> near = new LinkedHashSet<>();
        phones.forEach(phone -> near.addAll(PhoneDrift.probeKeys(BlockingKeys.phoneTail(phone))));
        near.forEach(value -> probeKey(kinds, values, BlockingKeys.Kind.PHONE_NEAR, value));
        if (byName) {
            probeKey(kinds, values, BlockingKeys.Kind.NAME, NameKey.blockingKey(probe.name()));
        }
        Set<Long> found = new LinkedHashSet<>();
        if (kinds.isEmpty()) {
            return found;
        }
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(byKeys(kinds.size()))) {
                for (int i = 0; i < kinds.size(); i++) {
                    statement.setString(2 * i + 1, kinds.get(i));
                    statement.setString(2 * i + 2, values.get(i));
                }
                for (Object[] row : rows(statement)) {
                    found.add(((Number) row[0]).longValue());
                }
            }
        });
        return found;
    }

    /**
     * The lookup of {@code count} keys as one statement: a branch per key, each an indexed range read with its own
     * limit, in the keys' order (one shape per number of keys; plain SQL that the development run's H2 reads too).
     */
    private static String byKeys(int count) {
        if (count >= BY_KEYS.length) {
            return byKeysText(count);
        }
        String sql = BY_KEYS[count];
        if (sql == null) { // a race makes the same text twice, harmlessly
            sql = byKeysText(count);
            BY_KEYS[count] = sql;
        }
        return sql;
    }

    /** The texts of {@link #byKeys} already made, by number of keys: each lookup would otherwise build its own. */
    private static final String[] BY_KEYS = new String[64];

    private static String byKeysText(int count) {
        StringBuilder sql = new StringBuilder("select contact_id from (");
        for (int i = 0; i < count; i++) {
            sql.append(i == 0 ? "" : " union all ").append("(select ").append(i)
                    .append(" as n, contact_id from contact_key where kind = ? and key_value = ? order by contact_id desc limit ")
                    .append(PER_KEY).append(")");
        }
        return sql.append(") k order by n, contact_id desc").toString();
    }

    private static void probeKey(List<String> kinds, List<String> values, BlockingKeys.Kind kind, String value) {
        if (value != null) {
            kinds.add(kind.code());
            values.add(value);
        }
    }

    /** The card, or the card it was merged into (following merges), with its phones and emails. */
    public Optional<Card> live(long id) {
        long current = id;
        for (int hop = 0; hop < MERGE_HOPS; hop++) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select name, merged_into from contact where id = ?1")
                    .setParameter(1, current).getResultList();
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            Object[] row = rows.get(0);
            if (row[1] != null) {
                current = ((Number) row[1]).longValue();
                continue;
            }
            List<String> phones = new ArrayList<>();
            List<String> emails = new ArrayList<>();
            @SuppressWarnings("unchecked")
            List<Object[]> identities = em.createNativeQuery(
                    "select kind, identity_value from contact_identity where contact_id = ?1 order by id")
                    .setParameter(1, current).getResultList();
            for (Object[] identity : identities) {
                if (IdentityKind.PHONE.name().equals(identity[0])) {
                    phones.add((String) identity[1]);
                } else if (IdentityKind.EMAIL.name().equals(identity[0])) {
                    emails.add((String) identity[1]);
                }
            }
            return Optional.of(new Card(current, (String) row[0], null, phones, emails, writtenTails(current, phones)));
        }
        return Optional.empty();
    }

    /** The card's phone-tail keys that no phone of its own explains: tails of numbers as written. */
    private List<String> writtenTails(long contactId, List<String> phones) {
        @SuppressWarnings("unchecked")
        List<String> tails = em.createNativeQuery(TAILS_OF_CARD + " order by key_value limit " + PER_KEY)
                .setParameter(1, contactId).getResultList();
        return unexplained(tails, phones);
    }

    /** A card's phone-tail keys; the kind a literal, so that the partial index by card serves the read. */
    private static final String TAILS_OF_CARD = "select key_value from contact_key where contact_id = ?1 and kind = '"
            + BlockingKeys.Kind.PHONE_TAIL.code() + "'";

    /**
     * Deletes every key of a card (erasure of the person): its near keys by their values, derived from its phone
     * tails, then the rest by card. Answers how many keys were deleted.
     */
    public int erase(long contactId) {
        @SuppressWarnings("unchecked")
        List<String> tails = em.createNativeQuery(TAILS_OF_CARD).setParameter(1, contactId).getResultList();
        Set<String> near = new LinkedHashSet<>();
        tails.forEach(tail -> near.addAll(PhoneDrift.storedKeys(tail)));
        int deleted = 0;
        if (!near.isEmpty()) {
            deleted += em.createNativeQuery("delete from contact_key where kind = '" + BlockingKeys.Kind.PHONE_NEAR.code()
                            + "' and key_value in (?1) and contact_id = ?2")
                    .setParameter(1, List.copyOf(near)).setParameter(2, contactId).executeUpdate();
        }
        return deleted + em.createNativeQuery("delete from contact_key where contact_id = ?1 and kind <> '"
                + BlockingKeys.Kind.PHONE_NEAR.code() + "'").setParameter(1, contactId).executeUpdate();
    }

    private static List<String> unexplained(List<String> tails, List<String> phones) {
        Set<String> own = new java.util.HashSet<>();
        phones.forEach(phone -> own.add(BlockingKeys.phoneTail(phone)));
        return tails.stream().filter(tail -> !own.contains(tail)).toList();
    }

    /**
     * The cards, their identities and their phone tails in one statement (one round trip): part 0 the card (id, name,
     * merged_into), part 1 an identity (kind, value, in the order written), part 2 a phone tail (in key order). Each
     * part is an index lookup per id over the same {@code bigint[]}.
     */
    private static final String CARDS = "select 0 as part, id as contact_id, name as a, cast(merged_into as varchar(20))"
            + " as b, cast(0 as bigint) as ord from contact where id = any(?)"
            + " union all select 1, contact_id, kind, identity_value, id from contact_identity where contact_id = any(?)"
            + " union all select 2, contact_id, key_value, null, cast(0 as bigint) from contact_key"
            + " where contact_id = any(?) and kind = '" + BlockingKeys.Kind.PHONE_TAIL.code() + "'"
            + " order by 1, 2, 5, 3";
    private static final int CARDS_PARAMETERS = (int) CARDS.chars().filter(c -> c == '?').count();

    /**
     * What {@link #live} gives for each id, in the ids' order, in one statement for all of them ({@link #CARDS}: the
     * cards, their identities, their phone tails, of which the first {@link #PER_KEY} count); a merged card is
     * followed on its own (rare).
     */
    private List<Card> liveCards(List<Long> ids) {
        Map<Long, Object[]> rows = new HashMap<>();
        Map<Long, List<String>> phones = new HashMap<>();
        Map<Long, List<String>> emails = new HashMap<>();
        Map<Long, List<String>> tails = new HashMap<>();
        for (Object[] row : cards(ids)) {
            long id = ((Number) row[1]).longValue();
            switch (((Number) row[0]).intValue()) {
                case 0 -> rows.put(id, new Object[] {id, row[2], row[3]});
                case 1 -> {
                    Map<Long, List<String>> into = IdentityKind.PHONE.name().equals(row[2]) ? phones
                            : IdentityKind.EMAIL.name().equals(row[2]) ? emails : null;
                    if (into != null) {
                        into.computeIfAbsent(id, k -> new ArrayList<>()).add((String) row[3]);
                    }
                }
                default -> {
                    List<String> own = tails.computeIfAbsent(id, k -> new ArrayList<>());
                    if (own.size() < PER_KEY) {
                        own.add((String) row[2]);
                    }
                }
            }
        }
        List<Card> cards = new ArrayList<>();
        for (Long id : ids) {
            Object[] row = rows.get(id);
            if (row == null) {
                continue; // gone
            }
            if (row[2] != null) {
                live(id).ifPresent(cards::add);
                continue;
            }
            List<String> own = phones.getOrDefault(id, new ArrayList<>());
            cards.add(new Card(id, (String) row[1], null, own, emails.getOrDefault(id, new ArrayList<>()),
                    unexplained(tails.getOrDefault(id, List.of()), own)));
        }
        return cards;
    }

    /**
     * {@link #CARDS} for the card ids, bound as one {@code bigint[]} to each of its parameters ({@code = any(?)}: one
     * shape whatever the count, an index lookup per id, and plain SQL that the development run's H2 reads too; H2 has
     * no {@code lateral}). Runs beside Hibernate, so pending rows are flushed first. Planned for the bound ids on every
     * run while the tables have never been analyzed ({@link Rows#prepare}): a generic plan cached while they were
     * nearly empty would scan them whole. Afterwards the ids are padded ({@link Rows#planned}) so that PostgreSQL
     * keeps its generic plan instead of planning every run.
     */
    private List<Object[]> cards(List<Long> ids) {
        em.flush();
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = Rows.prepare(connection, CARDS, planEachRun)) {
                java.sql.Array array = connection.createArrayOf("bigint", Rows.planned(ids));
                for (int i = 1; i <= CARDS_PARAMETERS; i++) {
                    statement.setArray(i, array); // every parameter is the ids
                }
                return rows(statement);
            }
        });
    }

    /** A fixed-shape statement over values bound as one {@code text[]}, prepared as {@link #cards} is. */
    List<Object[]> byTexts(String sql, List<String> values) {
        em.flush();
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = Rows.prepare(connection, sql, planEachRun)) {
                statement.setArray(1, connection.createArrayOf("text", Rows.planned(values)));
                return rows(statement);
            }
        });
    }

    private static List<Object[]> rows(PreparedStatement statement) throws java.sql.SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery()) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                Object[] row = new Object[columns];
                for (int c = 0; c < columns; c++) {
                    row[c] = result.getObject(c + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The other cards of a card's open candidate pairs (at most {@link #MAX_CARDS}). */
    public List<Long> openPairs(long contactId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select contact_id, other_id from merge_candidate "
                        + "where status = 'open' and (contact_id = ?1 or other_id = ?1) order by id limit " + MAX_CARDS)
                .setParameter(1, contactId).getResultList();
        List<Long> others = new ArrayList<>();
        for (Object[] row : rows) {
            long a = ((Number) row[0]).longValue();
            others.add(a == contactId ? ((Number) row[1]).longValue() : a);
        }
        return others;
    }

    /** Lists a pair as a merge candidate, or raises its score when a better reason turns up. */
    public void record(long contactId, Candidate candidate, Instant now) {
        long a = Math.min(contactId, candidate.contactId());
        long b = Math.max(contactId, candidate.contactId());
        if (a == b) {
            return;
        }
        MergeCandidate existing = MergeCandidate.find("contactId = ?1 and otherId = ?2", a, b).firstResult();
        if (existing == null) {
            MergeCandidate pair = new MergeCandidate();
            pair.contactId = a;
            pair.otherId = b;
            pair.score = candidate.score();
            pair.rule = candidate.rule();
            pair.reasons = String.join(",", candidate.reasons());
            pair.status = MergeCandidate.OPEN;
            pair.createdAt = now;
            pair.updatedAt = now;
            pair.persist();
        } else if (candidate.score() > existing.score && MergeCandidate.OPEN.equals(existing.status)) {
            existing.score = candidate.score();
            existing.rule = candidate.rule();
            existing.reasons = String.join(",", candidate.reasons());
            existing.updatedAt = now;
        }
    }
}
