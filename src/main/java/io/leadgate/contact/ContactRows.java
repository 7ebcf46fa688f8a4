package io.leadgate.contact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A new card's row written the write path's way: one fixed-shape insert on the transaction's connection, its id from
 * the entity's own generator, no entity kept by Hibernate (no insert action, no dirty check at each later flush).
 * The {@link Contact} object stays unmanaged: code that changes the card later in the transaction reads it again
 * ({@code Contact.findById}, which then finds the row), or uses {@link #keepResponsible}.
 */
@ApplicationScoped
public class ContactRows {

    private static final String INSERT = "insert into contact (id, name, company, responsible, created_at, updated_at, "
            + "erased_at, merged_into) values (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String KEEP_RESPONSIBLE =
            "update contact set responsible = ? where id = ? and responsible is null";

    private final EntityManager em;

    ContactRows(EntityManager em) {
        this.em = em;
    }

    /** Inserts a new card, giving it the next id of its table. */
    void insert(Contact contact) {
        SharedSessionContractImplementor session = em.unwrap(SharedSessionContractImplementor.class);
        contact.id = (Long) ((BeforeExecutionGenerator) session.getFactory().getMappingMetamodel()
                .getEntityDescriptor(Contact.class).getGenerator()).generate(session, null, null, EventType.INSERT);
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setLong(1, contact.id);
                insert.setString(2, contact.name);
                insert.setString(3, contact.company);
                insert.setString(4, contact.responsible);
                insert.setObject(5, utc(contact.createdAt), Types.TIMESTAMP_WITH_TIMEZONE);
                insert.setObject(6, utc(contact.updatedAt), Types.TIMESTAMP_WITH_TIMEZONE);
                insert.setObject(7, utc(contact.erasedAt), Types.TIMESTAMP_WITH_TIMEZONE);
                insert.setObject(8, contact.mergedInto, Types.BIGINT);
                insert.executeUpdate();
            }
        });
    }

    /**
     * Gives a card created in this transaction its first manager, with one statement (the card's entity was never
     * loaded, so no copy of it in the persistence context can write the column back). A card that has a manager
     * keeps it.
     */
    public void keepResponsible(long contactId, String manager) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(KEEP_RESPONSIBLE)) {
                update.setString(1, manager);
                update.setLong(2, contactId);
                update.executeUpdate();
            }
        });
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
