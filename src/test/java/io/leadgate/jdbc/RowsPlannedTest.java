package io.leadgate.jdbc;

import io.leadgate.testing.StatementCount;
import org.junit.jupiter.api.Test;
import org.postgresql.PGStatement;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Rows#planned}: an array bound to {@code = any(?)} padded to the length PostgreSQL's generic plan assumes, so
 * that a server-prepared read keeps that plan; bound as it is, PostgreSQL plans the read for its values on every run.
 * Plain JDBC on a temporary table of the test database, large enough for one value and ten to cost differently.
 */
class RowsPlannedTest {

    private static final String POSTGRESQL = StatementCount.PROFILE.get("quarkus.datasource.jdbc.url");

    @Test
    void shorterArraysAreFilledWithTheirFirstValue() {
        assertArrayEquals(new Object[] {3L, 5L, 3L, 3L, 3L, 3L, 3L, 3L, 3L, 3L}, Rows.planned(List.of(3L, 5L)));
        List<Long> twelve = LongStream.rangeClosed(1, 12).boxed().toList();
        assertArrayEquals(twelve.toArray(), Rows.planned(twelve));
        assertArrayEquals(new Object[0], Rows.planned(List.of()));
    }

    @Test
    void aReadOfPaddedArraysKeepsItsGenericPlan() throws SQLException {
        try (Connection connection = DriverManager.getConnection(POSTGRESQL, "postgres", "")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create temporary table planned_read (id bigint primary key, v text)");
                statement.execute("insert into planned_read select g, 'v' || g from generate_series(1, 100000) g");
                statement.execute("analyze planned_read");
            }
            String bare = "select v from planned_read where id = any(?)";
            String padded = "select id, v from planned_read where id = any(?)";
            for (int run = 0; run < 8; run++) {
                assertEquals(1, read(connection, bare, List.of(42L).toArray()));
                assertEquals(1, read(connection, padded, Rows.planned(List.of(42L))));
            }
            assertEquals(0, genericPlans(connection, bare), "planned for its one value on every run");
            assertTrue(genericPlans(connection, padded) > 0, "padded: the generic plan is kept");
        }
    }

    /** Runs {@code sql} as a server-prepared statement with {@code ids} bound as a {@code bigint[]}; the rows read. */
    private static int read(Connection connection, String sql, Object[] ids) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(1);
            statement.setArray(1, connection.createArrayOf("bigint", ids));
            int rows = 0;
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows++;
                }
            }
            return rows;
        }
    }

    private static long genericPlans(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select generic_plans from pg_prepared_statements where statement = ?")) {
            statement.setString(1, sql.replace("?", "$1"));
            try (ResultSet result = statement.executeQuery()) {
                assertTrue(result.next(), "server-prepared: " + sql);
                return result.getLong(1);
            }
        }
    }
}
