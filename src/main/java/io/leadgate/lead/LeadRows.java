package io.leadgate.lead;

import io.leadgate.jdbc.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.PreparedStatement;
import java.sql.Types;

/**
 * A new lead row written the write path's way: one fixed-shape insert on the transaction's connection, its id from
 * the entity's own generator (the sequence, 50 ids a fetch), no entity kept by Hibernate. The {@link Lead} object
 * stays unmanaged: what it holds when {@link #insert} runs is what is stored, and a later change to it is not
 * (code that changes the lead afterwards reads it again, or the caller keeps {@code persist()}).
 */
@ApplicationScoped
public class LeadRows {

    private static final String INSERT = "insert into lead (id, contact_id, channel_id, source, status, attribution, "
            + "utm_campaign, returning_client, callback, inquiry_count, status_code, junk_reason, responsible, deal_id, "
            + "created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final EntityManager em;

    LeadRows(EntityManager em) {
        this.em = em;
    }

    /** Gives the lead the next id of its table. */
    public void assignId(Lead lead) {
        lead.id = Rows.nextId(em, Lead.class);
    }

    /**
     * Inserts the lead (its id given by {@link #assignId}). The card it refers to must be in the database already:
     * the caller flushes first.
     */
    public void insert(Lead lead) {
        Rows.run(em, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setLong(1, lead.id);
                insert.setLong(2, lead.contactId);
                insert.setString(3, lead.channelId);
                insert.setString(4, lead.source);
                insert.setString(5, lead.status.name());
                insert.setString(6, lead.attribution);
                insert.setString(7, lead.utmCampaign);
                insert.setBoolean(8, lead.returningClient);
                insert.setBoolean(9, lead.callback);
                insert.setInt(10, lead.inquiryCount);
                insert.setString(11, lead.statusCode);
                insert.setString(12, lead.junkReason);
                insert.setString(13, lead.responsible);
                insert.setObject(14, lead.dealId, Types.BIGINT);
                Rows.timestamp(insert, 15, lead.createdAt);
                Rows.timestamp(insert, 16, lead.updatedAt);
                insert.executeUpdate();
            }
        });
    }
}
