package io.leadgate.delivery.crm;

import java.util.List;
import java.util.Optional;

/**
 * The subject and text of a stored inquiry, for what a CRM is told about a lead. Implemented by {@code intake},
 * which owns stored inquiries ({@code delivery} sits below it and cannot read them itself).
 */
public interface InquiryTexts {

    /**
     * Subject and text as the inquiry arrived (either may be null), the channel family it came through ({@code
     * webform}, {@code email}, {@code phone}, {@code messenger}) and its attachments.
     */
    record Text(String subject, String text, String family, List<File> attachments, Call call) {

        public Text(String subject, String text) {
            this(subject, text, null, List.of(), null);
        }

        public Text(String subject, String text, String family, List<File> attachments) {
            this(subject, text, family, attachments, null);
        }
    }

    /**
     * The call an inquiry of a telephony channel belongs to: the provider's call id, the company's line it came in on,
     * its duration and recording URL as far as known (each may be null).
     */
    record Call(String callId, String line, Long durationSeconds, String recordingUrl) {
    }

    /** An attachment: its name, the provider's reference (often a URL) and whether Leadgate keeps its bytes. */
    record File(String name, String ref, boolean stored) {
    }

    /** The inquiry's text; empty when it does not exist (erased). Runs in the caller's transaction. */
    Optional<Text> of(long inquiryId);
}
