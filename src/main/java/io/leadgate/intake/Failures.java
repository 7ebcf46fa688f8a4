package io.leadgate.intake;

import org.hibernate.exception.JDBCConnectionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

/** Classifies failures of the write path by their cause chain. */
final class Failures {

    private Failures() {
    }

    /** The database is unreachable (connection refused or lost, pool exhausted while it is down). */
    static boolean storageDown(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof StorageUnavailableException || c instanceof JDBCConnectionException
                    || c instanceof SQLTransientConnectionException || c instanceof java.net.ConnectException) {
                return true;
            }
            if (c instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            String message = c.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
                return true;
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
            String state = c instanceof SQLException sql ? sql.getSQLState()
                    : c instanceof org.hibernate.JDBCException jdbc ? jdbc.getSQLState() : null;
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
        for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            out.append(" <- ").append(c.getClass().getSimpleName());
            if (c instanceof SQLException sql && sql.getSQLState() != null) {
                out.append("[").append(sql.getSQLState()).append("]");
            }
        }
        return out.toString();
    }
}
