package io.leadgate.lead;

import io.leadgate.jdbc.Rows;
import io.leadgate.jdbc.Writes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * A new lead row written the write path's way: one fixed-shape insert sent with the inquiry's rows ({@link Writes}),
 * its id from the entity's own generator (the sequence, 50 ids a fetch), no entity kept by Hibernate. The
 * {@link Lead} object stays unmanaged: what it holds when the writes are sent is what is stored, and a later change
 * to it is not (code that changes the lead afterwards reads it again, or the caller keeps {@code persist()}).
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
     * Adds the lead's insert (its id given by {@link #assignId}) to {@code writes}. The card it refers to must be in
     * the database, or added before it.
     */
    public void insert(Lead lead, Writes writes) {
        writes.add(INSERT, values -> values.bigint(lead.id).bigint(lead.contactId).text(lead.channelId)
                .text(lead.source).text(lead.status.name()).text(lead.attribution).text(lead.utmCampaign)
                .bool(lead.returningClient).bool(lead.callback).integer(lead.inquiryCount).text(lead.statusCode)
                .text(lead.junkReason).text(lead.responsible).bigintOrNull(lead.dealId).timestamp(lead.createdAt)
                .timestamp(lead.updatedAt));
    }
}
