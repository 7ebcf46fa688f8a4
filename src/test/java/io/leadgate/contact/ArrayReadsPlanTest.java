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
 * The identity reads bound to arrays ({@code = any(?)}) are planned for their values on every run: the driver never
 * turns them into server-prepared statements, whose generic plan, made while the tables were nearly empty, would scan
 * them whole as they grow (seen in the write-path benchmark: 7–16 ms per read instead of 0.1 ms until the first
 * ANALYZE). A plain statement run as often on the same connection is server-prepared, which shows the check can see it.
 */
@QuarkusTest
class ArrayReadsPlanTest {

    private static final String CONTROL = "select count(*) from contact_identity where contact_id = ?";

    @Inject
    IdentityResolver identities;

    @Inject
    ContactKeys keys;

    @Inject
    EntityManager em;

    @Test
    void arrayBoundIdentityReadsAreNeverServerPrepared() {
        String digits = Api.newMobileDigits();
        long card = Long.parseLong(form("form", Map.of("name", "Полина Гарина", "phone", "+7" + digits))
                .getString("contactId"));
        List<String> kept = QuarkusTransaction.requiringNew().call(() -> {
            for (int run = 0; run < 10; run++) {
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
        assertTrue(kept.stream().anyMatch(sql -> sql.contains(CONTROL.replace("?", "$1"))), kept::toString);
        assertTrue(kept.stream().noneMatch(sql -> sql.contains("any(")), kept::toString);
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

    /** The statements the transaction's connection holds prepared on the server. */
    private List<String> serverPrepared() {
        List<String> kept = new ArrayList<>();
        Rows.run(em, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select statement from pg_prepared_statements");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    kept.add(rows.getString(1));
                }
            }
        });
        return kept;
    }
}
