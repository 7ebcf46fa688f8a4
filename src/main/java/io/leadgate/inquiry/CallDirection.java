package io.leadgate.inquiry;

import java.util.Locale;

/**
 * Which way a call goes ({@link CallInfo#direction()}), the one vocabulary the telephony adapters hand to the write
 * path; {@link #code()} is how call records, the API and events write it ({@code in} / {@code out}).
 */
public enum CallDirection {
    IN, OUT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
