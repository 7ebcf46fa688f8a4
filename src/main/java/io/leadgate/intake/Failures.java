package io.leadgate.intake;

import org.hibernate.JDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Locale;
import java.util.Set;

/** Classifies failures of the write path by their cause chain: the one place that knows what is transient. */
final class Failures {

    /**
     * SQLSTATEs that pass by themselves (PostgreSQL error codes, appendix A): the server shutting down or starting up,
     * read-only after a switchover, too many connections, a cancelled statement, lock, idle-in-transaction and
     * transaction timeouts, serialisation failures and deadlocks. Class 08 (connection exceptions) is matched whole.
     */
    static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "57P05", "25006", "53300",
            "57014", "55P03", "25P03", "25P04", "40001", "40P01");

    private Failures() {
    }

    /**
     * True when the database cannot do the work now but will again: unreachable or lost connections, an exhausted
     * pool, and every state of {@link #TRANSIENT_STATES}. Answered 503 so the provider retries; nothing is kept.
     */
    static boolean transientDatabase(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof StorageUnavailableException || c instanceof JDBCConnectionException
                    || c instanceof LockAcquisitionException || c instanceof SQLTransientException
                    || c instanceof SQLRecoverableException || c instanceof ConnectException
                    || c instanceof jakarta.persistence.LockTimeoutException
                    || c instanceof jakarta.persistence.QueryTimeoutException
                    || c instanceof org.hibernate.QueryTimeoutException
                    || c instanceof jakarta.transaction.RollbackException) { // the commit found it rolled back (timeout)
                return true;
            }
            String state = sqlState(c);
            if (state != null && (state.startsWith("08") || TRANSIENT_STATES.contains(state))) {
                return true;
            }
            String message = c.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
                return true; // Agroal: no connection came free (the database is away or overloaded)
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    /** A race another transaction won (unique key, serialisation, deadlock): running again will succeed. */
    static boolean retryable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String state = sqlState(c);
            if ("23505".equals(state) || "40001".equals(state) || "40P01".equals(state)) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    /** A short description without values (exception messages can hold personal data). */
    static String describe(Throwable t) {
        StringBuilder out = new StringBuilder(t.getClass().getSimpleName());
        appendState(out, t);
        for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            out.append(" <- ").append(c.getClass().getSimpleName());
            appendState(out, c);
        }
        return out.toString();
    }

    private static void appendState(StringBuilder out, Throwable c) {
        if (c instanceof SQLException sql && sql.getSQLState() != null) {
            out.append("[").append(sql.getSQLState()).append("]");
        }
    }

    private static String sqlState(Throwable c) {
        return c instanceof SQLException sql ? sql.getSQLState() : c instanceof JDBCException jdbc ? jdbc.getSQLState() : null;
    }
}
