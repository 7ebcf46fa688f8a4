package io.leadgate.jdbc;

import jakarta.persistence.EntityManager;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Fixed-shape writes of one transaction collected and then sent to the database together: on PostgreSQL as one
 * statement text of several statements, which the driver sends one after the other and answers with one wait (one
 * round trip, where each statement alone costs one, on the server as much as in the gateway). They run in the order
 * added, so a row may refer to one added before it. Nothing reaches the database before {@link #send}: the caller
 * sends before anything else in the transaction reads those rows or refers to them. Elsewhere (the development run's
 * H2) each statement runs alone, in the same order.
 *
 * <p>A statement's values are bound in the order of its {@code ?} ({@link Values}), so statements written for
 * {@code Writes} need no parameter numbers and can be sent alone as well as together.
 */
public final class Writes {

    private final List<Part> parts = new ArrayList<>(4);

    /** A statement and the binding of its values. */
    private record Part(String sql, Binding binding) {
    }

    /** Binds one statement's values, in the order of its parameters. */
    @FunctionalInterface
    public interface Binding {
        void bind(Values values) throws SQLException;
    }

    /** Binds the values of one row of a multi-row insert ({@link #addRows}), in the order of its columns. */
    @FunctionalInterface
    public interface RowBinding<T> {
        void bind(Values values, T row) throws SQLException;
    }

    /** Adds a statement to send; returns this. */
    public Writes add(String sql, Binding binding) {
        parts.add(new Part(sql, binding));
        return this;
    }

    /**
     * Adds one insert of all {@code rows}: {@code head} (the statement up to and including {@code values}), then a
     * {@code (?, …)} of {@code columns} parameters per row, then {@code tail} (e.g. {@code on conflict do nothing},
     * or empty). Each row's values are bound by {@code binding}, rows in list order, so a table's sequence or
     * {@code write_seq} follows that order. One statement text per number of rows; nothing is added for no rows.
     */
    public <T> Writes addRows(String head, int columns, List<T> rows, String tail, RowBinding<T> binding) {
        if (rows.isEmpty()) {
            return this;
        }
        String row = "(?" + ", ?".repeat(columns - 1) + ")";
        StringBuilder sql = new StringBuilder(head.length() + rows.size() * (row.length() + 2) + tail.length() + 1);
        sql.append(head.stripTrailing());
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? " " : ", ").append(row);
        }
        if (!tail.isEmpty()) {
            sql.append(' ').append(tail);
        }
        List<T> bound = List.copyOf(rows);
        return add(sql.toString(), values -> {
            for (T each : bound) {
                binding.bind(values, each);
            }
        });
    }

    /** True when nothing waits to be sent. */
    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /** Sends what was added, on the transaction's connection, and starts empty again. */
    public void send(EntityManager em) {
        if (!parts.isEmpty()) {
            Rows.run(em, this::send);
        }
    }

    /** Sends what was added on {@code connection} and starts empty again. */
    public void send(Connection connection) throws SQLException {
        if (parts.isEmpty()) {
            return;
        }
        try {
            if (parts.size() > 1 && connection.isWrapperFor(PGConnection.class)) {
                StringBuilder sql = new StringBuilder(parts.size() * 256);
                for (Part part : parts) {
                    sql.append(sql.isEmpty() ? "" : ";\n").append(part.sql());
                }
                try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                    Values values = new Values(statement);
                    for (Part part : parts) {
                        part.binding().bind(values);
                    }
                    statement.execute();
                }
            } else {
                for (Part part : parts) {
                    try (PreparedStatement statement = connection.prepareStatement(part.sql())) {
                        part.binding().bind(new Values(statement));
                        statement.execute();
                    }
                }
            }
        } finally {
            parts.clear();
        }
    }

    /** A statement's values, bound one after the other. */
    public static final class Values {
        private final PreparedStatement statement;
        private int index;

        Values(PreparedStatement statement) {
            this.statement = statement;
        }

        public Values text(String value) throws SQLException {
            statement.setString(++index, value);
            return this;
        }

        public Values bigint(long value) throws SQLException {
            statement.setLong(++index, value);
            return this;
        }

        /** A {@code bigint} that may be SQL null. */
        public Values bigintOrNull(Long value) throws SQLException {
            statement.setObject(++index, value, Types.BIGINT);
            return this;
        }

        public Values integer(int value) throws SQLException {
            statement.setInt(++index, value);
            return this;
        }

        public Values bool(boolean value) throws SQLException {
            statement.setBoolean(++index, value);
            return this;
        }

        public Values bytes(byte[] value) throws SQLException {
            statement.setBytes(++index, value);
            return this;
        }

        /** A {@code timestamptz}: the instant in UTC, or SQL null. */
        public Values timestamp(Instant value) throws SQLException {
            Rows.timestamp(statement, ++index, value);
            return this;
        }
    }
}
