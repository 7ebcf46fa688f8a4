package io.leadgate.jdbc;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;
import org.hibernate.jdbc.Work;

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
