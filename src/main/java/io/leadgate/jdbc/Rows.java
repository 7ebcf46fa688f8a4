package io.leadgate.jdbc;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;
import org.hibernate.jdbc.Work;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * The pieces the write path's fixed-shape inserts share: a row written with JDBC on the transaction's own connection
 * (inside the transaction, after what Hibernate has flushed), its id from the entity's own generator (the table's
 * sequence, so ids never meet those of {@code persist()}), and timestamps stored as UTC.
 */
public final class Rows {

    private Rows() {
    }

    /** The next id of {@code entity}'s table, from the generator Hibernate uses for it. */
    public static long nextId(EntityManager em, Class<?> entity) {
        return ids(em, entity).next();
    }

    /** The id source of {@code entity}'s table, for a batch of rows. */
    public static Ids ids(EntityManager em, Class<?> entity) {
        SharedSessionContractImplementor session = em.unwrap(SharedSessionContractImplementor.class);
        BeforeExecutionGenerator generator = (BeforeExecutionGenerator) session.getFactory().getMappingMetamodel()
                .getEntityDescriptor(entity).getGenerator();
        return () -> (Long) generator.generate(session, null, null, EventType.INSERT);
    }

    /**
     * The length {@link #planned} pads arrays to: PostgreSQL's estimate for an array parameter it does not know
     * ({@code estimate_array_length}).
     */
    public static final int PLANNED_ARRAY_LENGTH = 10;

    /**
     * {@code values} as an array to bind to {@code = any(?)} in a server-prepared statement, shorter ones padded to
     * {@link #PLANNED_ARRAY_LENGTH} with repeats of the first value. After five runs PostgreSQL keeps its generic plan
     * only if it costs no more than the plans it made for the values bound; the generic plan counts ten elements in
     * the array, so for the usual one to three values the plans for the values always looked cheaper and it planned
     * the statement again on every run (0.23 ms of its CPU per inquiry for the two identity reads, measured with
     * {@code pg_stat_statements.track_planning}). Padded, both cost the same and the generic plan is kept. The repeats
     * change nothing else: {@code = any} matches a row once however often its value is listed, and an index scan
     * drops repeated array elements before it starts.
     */
    public static Object[] planned(List<?> values) {
        if (values.isEmpty()) {
            return new Object[0];
        }
        Object[] array = values.toArray(new Object[Math.max(values.size(), PLANNED_ARRAY_LENGTH)]);
        Arrays.fill(array, values.size(), array.length, values.get(0));
        return array;
    }

    /** Runs {@code work} on the transaction's connection. */
    public static void run(EntityManager em, Work work) {
        em.unwrap(Session.class).doWork(work);
    }

    /**
     * Prepares {@code sql}; with {@code planEachRun}, so that PostgreSQL plans it for the values bound each time it
     * runs, never with a generic plan cached on the connection (the driver sends it as an unnamed statement). For
     * reads whose best plan depends on the values, such as an array bound to {@code = any(?)}, while their tables have
     * never been analyzed ({@link #neverAnalyzed}): after five runs PostgreSQL keeps a generic plan when it costs no
     * more than the ones made for the values, which on a nearly empty table is a sequential scan, and it keeps that
     * plan while the table grows until the table's first {@code ANALYZE} (on a new database, a minute or more of
     * traffic; after a restore or an upgrade, until a tenth of the table has changed). From then on PostgreSQL makes
     * its plans from the statistics and makes them again after each {@code ANALYZE}, so the statement can be prepared
     * like any other, its arrays bound {@link #planned} so that the plan is kept. Planning on every run costs more than
     * the run itself for such reads (0.08–0.18 ms against 0.03–0.09 ms, measured under load).
     */
    public static PreparedStatement prepare(Connection connection, String sql, boolean planEachRun)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        if (planEachRun && statement.isWrapperFor(PGStatement.class)) { // the development run's H2 has no plan cache
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
        return statement;
    }

    /**
     * True when one of {@code tables} (in the connection's current schema) has never been analyzed or vacuumed: on
     * PostgreSQL 14 and later its {@code pg_class.reltuples} is -1 until then. False elsewhere (H2, which keeps no
     * plans; PostgreSQL 13 and older, where an unanalyzed table cannot be told from an empty one).
     */
    public static boolean neverAnalyzed(Connection connection, List<String> tables) throws SQLException {
        if (!connection.isWrapperFor(PGConnection.class)) {
            return false;
        }
        try (PreparedStatement statement = connection.prepareStatement("select count(*) from pg_class c "
                + "join pg_namespace n on n.oid = c.relnamespace "
                + "where n.nspname = current_schema() and c.relname = any(?) and c.reltuples < 0")) {
            statement.setArray(1, connection.createArrayOf("text", tables.toArray()));
            try (ResultSet count = statement.executeQuery()) {
                return count.next() && count.getLong(1) > 0;
            }
        }
    }

    /** Sets a {@code timestamptz} parameter: the instant in UTC, or SQL null. */
    public static void timestamp(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, instant == null ? null : instant.atOffset(ZoneOffset.UTC),
                Types.TIMESTAMP_WITH_TIMEZONE);
    }

    /** Ids of one table, taken one by one. */
    @FunctionalInterface
    public interface Ids {
        long next();
    }
}
