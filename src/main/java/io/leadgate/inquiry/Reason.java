package io.leadgate.inquiry;

import java.util.Locale;

/**
 * The {@link Inquiry#reason()} codes that other layers act on: a bounce marks the failed addresses undeliverable,
 * a honeypot hit counts as a rejected post. Adapters may write other codes; these are the ones that cross layers.
 */
public enum Reason {
    /** A mail system's report that a message could not be delivered. */
    BOUNCE,
    /** A web-form post whose honeypot field was filled in (a bot). */
    HONEYPOT;

    /** The code as it appears in {@link Inquiry#reason()} and preview JSON. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when the inquiry carries this reason. */
    public boolean of(Inquiry inquiry) {
        return code().equals(inquiry.reason());
    }
}
