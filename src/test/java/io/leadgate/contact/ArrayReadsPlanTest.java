package io.leadgate.contact;

import io.leadgate.inquiry.ContactInfoBuilder;
import io.leadgate.jdbc.Rows;
import io.leadgate.testing.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.leadgate.contact.IdentityResolutionTest.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The identity reads bound to arrays ({@code = any(?)}) are planned for their values on every run while their tables
 * have never been analyzed: the driver does not turn them into server-prepared statements then, whose generic plan,
 * made while the tables were nearly empty, would scan them whole as they grow (seen in the write-path benchmark: 7–16
 * ms per read instead of 0.1 ms until the first ANALYZE). Once the tables are analyzed they are server-prepared like
 * any statement, since planning every run costs more than the read, and run on PostgreSQL's generic plan (their arrays
 * padded to the length that plan assumes, {@code Rows.planned}). A plain statement run as often on the same
 * connection is server-prepared either way, which shows the check can see it. The never-analyzed state is made by
 * hand ({@code pg_class.reltuples = -1}, autovacuum off for the tables meanwhile) and undone by an ANALYZE.
 */
@QuarkusTest
class ArrayReadsPlanTest {

    private static final String CONTROL = "select count(*) from contact_identity where contact_id = ?";
    private static final String TABLES = "contact, contact_identity, contact_key";
    private static final String IDENTITY_READ = "where identity_value = any($1)";
    private static final String CARDS_READ = "from contact where id = any(";
    /** Marks a statement PostgreSQL ran on its generic plan at least once. */
    private static final String GENERIC = "[generic] ";

    private static boolean identityRead(String sql) {
        return sql.contains(IDENTITY_READ) || sql.contains(CARDS_READ);
    }

    @Inject
    IdentityResolver identities;

    @Inject
    ContactKeys keys;

    @Inject
    EntityManager em;

    @Test
    void arrayBoundReadsArePlannedOnEveryRunOnlyUntilTheTablesAreAnalyzed() {
        String digits = Api.newMobileDigits();
        long card = Long.parseLong(form("form", Map.of("name", "Полина Гарина", "phone", "+7" + digits))
                .getString("contactId"));
        try {
            statistics("alter table contact set (autovacuum_enabled = false)",
                    "alter table contact_identity set (autovacuum_enabled = false)",
                    "alter table contact_key set (autovacuum_enabled = false)",
                    "update pg_class set reltuples = -1 where oid in "
                            + "('contact'::regclass, 'contact_identity'::regclass, 'contact_key'::regclass)");
            keys.checkStatistics();
            List<String> unanalyzed = read(card, digits, 10);
            assertTrue(unanalyzed.stream().anyMatch(sql -> sql.contains(CONTROL.replace("?", "$1"))),
                    unanalyzed::toString);
            // the two reads only: the pooled connection may hold other array-bound statements prepared, such as
            // the statistics check's own (ContactKeys.checkStatistics runs every 30 s on a pooled connection)
            assertTrue(unanalyzed.stream().noneMatch(ArrayReadsPlanTest::identityRead), unanalyzed::toString);

            statistics("analyze " + TABLES);
            keys.checkStatistics();
            List<String> analyzed = read(card, digits, 15);
            assertTrue(analyzed.stream().anyMatch(sql -> sql.contains(IDENTITY_READ)), analyzed::toString);
            assertTrue(analyzed.stream().anyMatch(sql -> sql.contains(CARDS_READ)), analyzed::toString);
            // and PostgreSQL keeps a generic plan for them (arrays padded, Rows.planned) instead of planning every run
            assertTrue(analyzed.stream().anyMatch(sql -> sql.contains(IDENTITY_READ) && sql.startsWith(GENERIC)),
                    analyzed::toString);
            assertTrue(analyzed.stream().anyMatch(sql -> sql.contains(CARDS_READ) && sql.startsWith(GENERIC)),
                    analyzed::toString);
        } finally {
            statistics("alter table contact reset (autovacuum_enabled)",
                    "alter table contact_identity reset (autovacuum_enabled)",
                    "alter table contact_key reset (autovacuum_enabled)", "analyze " + TABLES);
            keys.checkStatistics();
        }
    }

    /**
     * Both reads {@code runs} times on one connection, a plain statement as often: what that connection keeps
     * prepared, each statement marked {@link #GENERIC} when PostgreSQL ran it on its generic plan.
     */
    private List<String> read(long card, String digits, int runs) {
        return QuarkusTransaction.requiringNew().call(() -> {
            for (int run = 0; run < runs; run++) {
                // a known phone: the identity read (text[])
                Resolution known = identities.resolve(new ContactInfoBuilder("RU").phone("+7" + digits).build(),
                        false, Instant.now());
                assertEquals(card, known.contact().id);
                // the same name one phone slip away: the card is a candidate, read with its identities (bigint[])
                List<Candidate> candidates = keys.candidates(new MatchScorer.Details("Полина Гарина",
                        List.of("+7" + PhoneSlipResolutionTest.swap(digits)), List.of(), List.of()), Set.of(), true);
                assertTrue(candidates.stream().anyMatch(c -> c.contactId() == card), candidates::toString);
                control(card);
            }
            return serverPrepared();
        });
    }

    private void statistics(String... statements) {
        QuarkusTransaction.requiringNew().run(() -> Rows.run(em, connection -> {
            try (java.sql.Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
        }));
    }

    private void control(long card) {
        Rows.run(em, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(CONTROL)) {
                statement.setLong(1, card);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                }
            }
        });
    }

    /** The statements the transaction's connection holds prepared on the server ({@link #GENERIC} first if so). */
    private List<String> serverPrepared() {
        List<String> kept = new ArrayList<>();
        Rows.run(em, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select statement, generic_plans from pg_prepared_statements");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    kept.add((rows.getLong(2) > 0 ? GENERIC : "") + rows.getString(1));
                }
            }
        });
        return kept;
    }
}
