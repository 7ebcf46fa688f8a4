package io.leadgate.jdbc;

import io.leadgate.testing.StatementCount;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Writes added to {@link Writes} reach the database in the order added, a row referring to one added before it; on
 * PostgreSQL as one execution (one round trip), elsewhere (H2) one by one; a failing statement fails the send with
 * the database's own error. Plain JDBC on temporary tables of the test database and of an in-memory H2.
 */
class WritesTest {

    /** The test database through the counting driver (reading its profile loads the driver). */
    private static final String POSTGRESQL = StatementCount.PROFILE.get("quarkus.datasource.jdbc.url");

    @Test
    void dependentRowsGoToPostgreSqlInOneExecution() throws SQLException {
        try (Connection connection = DriverManager.getConnection(POSTGRESQL, "postgres", "")) {
            tables(connection, "bigserial");
            connection.setAutoCommit(false);
            Writes writes = family(new Writes(), 1, "Анна", "two", "three");
            StatementCount.Tally tally = StatementCount.on(() -> {
                writes.send(connection);
                return null;
            }).tally();
            connection.commit();
            assertEquals(1, tally.statements(), tally.summary());
            assertTrue(writes.isEmpty());
            assertEquals(List.of("1 Анна", "1 two 1", "1 three 2"), rows(connection));
        }
    }

    @Test
    void aFailingStatementFailsTheSendWithTheDatabasesError() throws SQLException {
        try (Connection connection = DriverManager.getConnection(POSTGRESQL, "postgres", "")) {
            tables(connection, "bigserial");
            connection.setAutoCommit(false);
            family(new Writes(), 1, "Анна", "two").send(connection);
            connection.commit();
            Writes again = family(new Writes(), 2, "Борис", "unique");
            again.add("insert into writes_parent (id, name) values (?, ?)", v -> v.bigint(1).text("taken"));
            again.add("insert into writes_child (parent_id, label) values (?, ?)", v -> v.bigint(2).text("never"));
            SQLException failure = assertThrows(SQLException.class, () -> again.send(connection));
            assertEquals("23505", failure.getSQLState(), failure.getMessage());
            assertTrue(again.isEmpty(), "a failed send leaves nothing queued");
            connection.rollback();
            assertEquals(List.of("1 Анна", "1 two 1"), rows(connection));
        }
    }

    @Test
    void elsewhereEachStatementRunsAloneInTheSameOrder() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:writes-test;DB_CLOSE_DELAY=-1")) {
            tables(connection, "bigint auto_increment");
            Writes writes = family(new Writes(), 7, null, "a", "b");
            writes.add("insert into writes_child (parent_id, label, at) values (?, ?, ?)",
                    v -> v.bigint(7).text("c").timestamp(Instant.parse("2026-12-03T10:00:00Z")));
            writes.send(connection);
            writes.send(connection); // nothing left: nothing happens
            assertEquals(List.of("7 null", "7 a 1", "7 b 2", "7 c 3"), rows(connection));
        }
    }

    @Test
    void rowsOfAnInsertAreOneStatementInListOrderAndNoRowsAddNothing() throws SQLException {
        try (Connection connection = DriverManager.getConnection(POSTGRESQL, "postgres", "")) {
            tables(connection, "bigserial");
            Writes writes = new Writes();
            writes.addRows("insert into writes_child (parent_id, label) values", 2, List.of(), "", (v, label) -> {
                throw new AssertionError("no rows: nothing to bind");
            });
            assertTrue(writes.isEmpty());
            List<String> labels = new ArrayList<>(List.of("z", "y", "x"));
            writes.add("insert into writes_parent (id, name) values (?, ?)", v -> v.bigint(3).text("p"))
                    .addRows("insert into writes_child (parent_id, label) values ", 2, labels, "on conflict do nothing",
                            (v, label) -> v.bigint(3).text(label));
            labels.clear(); // the rows were taken when added
            StatementCount.Tally tally = StatementCount.on(() -> {
                writes.send(connection);
                return null;
            }).tally();
            assertEquals(1, tally.matching(sql -> sql.endsWith("insert into writes_child (parent_id, label) values "
                    + "(?, ?), (?, ?), (?, ?) on conflict do nothing")), tally.summary());
            assertEquals(List.of("3 p", "3 z 1", "3 y 2", "3 x 3"), rows(connection));
        }
    }

    /** A parent row and one child per value, the children as one multi-row insert after it. */
    private static Writes family(Writes writes, long id, String name, String... children) {
        writes.add("insert into writes_parent (id, name) values (?, ?)", v -> v.bigint(id).text(name));
        return writes.addRows("insert into writes_child (parent_id, label, at) values", 3, List.of(children), "",
                (v, child) -> v.bigint(id).text(child).timestamp(null));
    }

    private static void tables(Connection connection, String serial) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("drop table if exists writes_child");
            ddl.execute("drop table if exists writes_parent");
            ddl.execute("create " + (serial.equals("bigserial") ? "temporary " : "") + "table writes_parent "
                    + "(id bigint primary key, name varchar(100))");
            ddl.execute("create " + (serial.equals("bigserial") ? "temporary " : "") + "table writes_child "
                    + "(seq " + serial + " primary key, parent_id bigint not null references writes_parent (id), "
                    + "label varchar(100) not null unique, at timestamp with time zone)");
        }
    }

    private static List<String> rows(Connection connection) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement read = connection.createStatement()) {
            try (ResultSet parents = read.executeQuery("select id, name from writes_parent order by id")) {
                while (parents.next()) {
                    rows.add(parents.getLong(1) + " " + parents.getString(2));
                }
            }
            try (ResultSet children = read.executeQuery(
                    "select parent_id, label, seq from writes_child order by seq")) {
                while (children.next()) {
                    rows.add(children.getLong(1) + " " + children.getString(2) + " " + children.getLong(3));
                }
            }
        }
        return rows;
    }
}
