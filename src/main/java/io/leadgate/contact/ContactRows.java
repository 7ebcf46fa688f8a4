package io.leadgate.contact;

import io.leadgate.jdbc.Rows;
import io.leadgate.jdbc.Writes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.PreparedStatement;

/**
 * A new card's row written the write path's way: one fixed-shape insert sent with the card's other rows
 * ({@link Writes}), its id from the entity's own generator, no entity kept by Hibernate (no insert action, no dirty
 * check at each later flush).
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

    /** Adds a new card's insert to {@code writes}, giving it the next id of its table. */
    void insert(Contact contact, Writes writes) {
        contact.id = Rows.nextId(em, Contact.class);
        writes.add(INSERT, values -> values.bigint(contact.id).text(contact.name).text(contact.company)
                .text(contact.responsible).timestamp(contact.createdAt).timestamp(contact.updatedAt)
                .timestamp(contact.erasedAt).bigintOrNull(contact.mergedInto));
    }

    /**
     * Gives a card created in this transaction its first manager, with one statement (the card's entity was never
     * loaded, so no copy of it in the persistence context can write the column back). A card that has a manager
     * keeps it.
     */
    public void keepResponsible(long contactId, String manager) {
        Rows.run(em, connection -> {
            try (PreparedStatement update = connection.prepareStatement(KEEP_RESPONSIBLE)) {
                update.setString(1, manager);
                update.setLong(2, contactId);
                update.executeUpdate();
            }
        });
    }
}
