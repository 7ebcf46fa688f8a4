package io.leadgate.intake;

import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures of the write path are transient (503, retry) and which are kept for replay. */
class FailuresTest {

    @ParameterizedTest
    @ValueSource(strings = {"57P01", "57P02", "57P03", "25006", "53300", "57014", "55P03", "25P03", "25P04", "40001",
            "40P01", "08006", "08001", "08003"})
    void databaseStatesThatPassAreTransient(String state) {
        SQLException sql = new SQLException("server said no", state);
        assertTrue(Failures.transientDatabase(new GenericJDBCException("could not execute statement", sql)), state);
        assertTrue(Failures.transientDatabase(new IllegalStateException(new RuntimeException(sql))), state);
    }

    @ParameterizedTest
    @ValueSource(strings = {"P0001", "23502", "22001", "42P01", "23514"})
    void otherDatabaseErrorsAreNotTransient(String state) {
        assertFalse(Failures.transientDatabase(new GenericJDBCException("bad", new SQLException("bad", state))), state);
    }

    @Test
    void lostConnectionsAndAnExhaustedPoolAreTransient() {
        assertTrue(Failures.transientDatabase(new JDBCConnectionException("gone", new SQLException("gone"))));
        assertTrue(Failures.transientDatabase(new RuntimeException(new ConnectException("Connection refused"))));
        assertTrue(Failures.transientDatabase(new RuntimeException(
                new SQLException("Sorry, acquisition timeout!"))));
        assertTrue(Failures.transientDatabase(new RuntimeException(new java.sql.SQLTransientConnectionException("x"))));
        assertTrue(Failures.transientDatabase(new RuntimeException(new jakarta.transaction.RollbackException("timeout"))));
    }

    @Test
    void bugsAreNotTransient() {
        assertFalse(Failures.transientDatabase(new NullPointerException()));
        assertFalse(Failures.transientDatabase(new IllegalArgumentException("bad value")));
    }

    @Test
    void racesAreRetriedButBugsAreNot() {
        assertTrue(Failures.retryable(new GenericJDBCException("dup", new SQLException("dup", "23505"))));
        assertTrue(Failures.retryable(new GenericJDBCException("ser", new SQLException("ser", "40001"))));
        assertFalse(Failures.retryable(new GenericJDBCException("bug", new SQLException("bug", "P0001"))));
    }

    @Test
    void descriptionsNameClassesAndStatesOnly() {
        String text = Failures.describe(new GenericJDBCException("secret +79161234567",
                new SQLException("value +79161234567 too long", "22001")));
        assertTrue(text.contains("22001") && !text.contains("7916"), text);
    }

    @Test
    void aUniqueKeyRaceIsDescribedWithoutItsDetail() {
        SQLException driver = new SQLException("ERROR: duplicate key value violates unique constraint "
                + "\"contact_identity_value_key\"\n  Detail: Key (kind, identity_value)=(PHONE, +79161234567) already exists.",
                "23505");
        String text = Failures.describe(new org.hibernate.exception.ConstraintViolationException(
                "could not execute statement [insert into contact_identity values (?, ?)] [+79161234567]", driver,
                "contact_identity_value_key"));
        assertTrue(text.contains("23505") && !text.contains("7916") && !text.contains("Detail")
                && !text.contains("Key ("), text);
    }
}
