package io.leadgate.channel.email;

import java.time.Instant;
import java.util.List;

/**
 * One mail as {@link EmailParser} read it: decoded headers, the body as text, attachment facts (never contents) and
 * the delivery report, when it is one. Shared by the {@code email} hook and the {@code imap} poller.
 *
 * @param messageId         Message-ID without angle brackets, or null
 * @param sha256            hex SHA-256 of the raw bytes (the idempotency key when there is no Message-ID)
 * @param from              the first mailbox of the first From header, or null
 * @param subject           decoded and trimmed, or null
 * @param date              from the Date header when valid and plausible, else null
 * @param body              the whole body as text: text/plain preferred, else HTML as text; a forward's or an inline
 *                          text file's text when the mail itself has none
 * @param text              {@code body} without the quoted history of a reply
 * @param htmlBody          true when the text came from HTML
 * @param phones            phone numbers found in the subject and {@code text}, as written
 * @param mediaType         the top-level media type, lower-cased
 * @param reportType        the {@code report-type} of a multipart/report, lower-cased, or null
 * @param deliveryStatus    per-recipient fields of a delivery status notification (RFC 3464)
 * @param originalMessageId the Message-ID of the message a report, receipt or bounce is about, or null
 * @param originalFrom      the From address of the message a delivery report returns (its headers or copy), or null
 */
public record ParsedMail(String messageId, String sha256, Mailbox from, List<Mailbox> replyTo, List<Mailbox> to,
                         List<Mailbox> cc, String subject, Instant date, List<String> inReplyTo,
                         List<String> references, String body, String text, boolean htmlBody,
                         List<MailAttachment> attachments, List<String> phones, MailHeaders headers,
                         String mediaType, String reportType, List<DeliveryStatus> deliveryStatus,
                         String originalMessageId, String originalFrom) {

    public ParsedMail {
        replyTo = List.copyOf(replyTo);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        inReplyTo = List.copyOf(inReplyTo);
        references = List.copyOf(references);
        attachments = List.copyOf(attachments);
        phones = List.copyOf(phones);
        deliveryStatus = List.copyOf(deliveryStatus);
    }

    /** A display name (decoded, or null) and a lower-cased addr-spec (or null when the address is not one). */
    public record Mailbox(String name, String address) {
    }

    /**
     * A file that came with the mail.
     *
     * @param name      a safe file name (no path, no control characters, at most 255 characters), or null
     * @param contentId the Content-ID without brackets when HTML can show the part inline ({@code cid:}), or null
     * @param content   the decoded bytes (the mapper keeps or drops them per channel setting), or null
     */
    public record MailAttachment(String name, String contentType, long size, String contentId, byte[] content) {

        public MailAttachment(String name, String contentType, long size, String contentId) {
            this(name, contentType, size, contentId, null);
        }
    }

    /** One recipient block of a delivery status notification: {@code Action} is failed, delayed, delivered, … */
    public record DeliveryStatus(String recipient, String action, String status) {
    }
}
