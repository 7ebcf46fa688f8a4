package io.leadgate.console.card;

import io.leadgate.contact.ContactView;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Everything the contact card shows. */
public record CardView(ContactView contact, String company, List<LeadLine> leads, List<DealLine> deals,
                       List<TimelineEntry> timeline) {

    /** A lead of the contact. */
    public record LeadLine(long id, String channelId, String source, String status, String statusCode,
                           Instant createdAt, String responsible) {
    }

    /** A deal of the contact, with its pipeline and stage names. */
    public record DealLine(long id, String pipeline, String stage, String stageColor, String status, BigDecimal amount,
                           String currency, String responsible, String lossReason) {
    }
}
