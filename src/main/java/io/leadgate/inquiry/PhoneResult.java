package io.leadgate.inquiry;

/** The outcome of normalising one phone number as written. */
public sealed interface PhoneResult {

    /** A number in E.164, with the extension that was split off (or null). */
    record Normalized(String e164, String extension) implements PhoneResult {
    }

    /** A number that could not be normalised; kept as written and flagged. */
    record Raw(String raw, Reason reason) implements PhoneResult {
    }

    /** Why a number stayed raw. */
    enum Reason { NOT_A_NUMBER, TOO_SHORT, TOO_LONG, INVALID_COUNTRY_CODE, NOT_POSSIBLE }
}
