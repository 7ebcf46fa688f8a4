package io.leadgate.delivery.crm;

import java.util.Optional;

/**
 * The subject and text of a stored inquiry, for what a CRM is told about a lead. Implemented by {@code intake},
 * which owns stored inquiries ({@code delivery} sits below it and cannot read them itself).
 */
public interface InquiryTexts {

    /** Subject and text as the inquiry arrived; either may be null. */
    record Text(String subject, String text) {
    }

    /** The inquiry's text; empty when it does not exist (erased). Runs in the caller's transaction. */
    Optional<Text> of(long inquiryId);
}
