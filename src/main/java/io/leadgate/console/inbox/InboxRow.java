package io.leadgate.console.inbox;

import java.time.Instant;

/** One inbox line: the lead, who it is from, how it came and what they wrote. */
public record InboxRow(long id, Instant createdAt, String channelId, String provider, String family, String source,
                       String campaign, String status, String statusCode, boolean open, boolean returningClient,
                       boolean callback, String responsible, long contactId, String contactName, String phone,
                       String email, String handle, String subject, String firstMessage, int inquiryCount,
                       String junkReason, Long dealId) {
}
