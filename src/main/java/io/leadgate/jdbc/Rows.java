package io.leadgate.jdbc;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;
import org.hibernate.jdbc.Work;
import org.postgresql.PGStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;

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

    /** Runs {@code work} on the transaction's connection. */
    public static void run(EntityManager em, Work work) {
        em.unwrap(Session.class).doWork(work);
    }

    /**
     * Prepares {@code sql} so that PostgreSQL plans it for the values bound each time it runs, never with a generic
     * plan cached on the connection (the driver sends it as an unnamed statement). For reads whose best plan depends
     * on the values, such as an array bound to {@code = any(?)}: after five runs PostgreSQL keeps a generic plan when it
     * costs no more than the ones made for the values, which on a nearly empty table is a sequential scan, and it
     * keeps that plan while the table grows until the next {@code ANALYZE} of the table (on a new database, a minute or
     * more of traffic; after a restore or an upgrade, until a tenth of the table has changed). The price is planning
     * the statement on every run.
     */
    public static PreparedStatement planEachRun(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        if (statement.isWrapperFor(PGStatement.class)) { // the development run's H2 has no plan cache
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
        return statement;
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
