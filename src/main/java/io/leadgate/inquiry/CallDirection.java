package io.leadgate.inquiry;

import java.util.Locale;

/** Which way a call goes, as {@link CallInfo#direction()} and call records write it ({@code in} / {@code out}). */
public enum CallDirection {
    IN, OUT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when {@code code} names this direction. */
    public boolean is(String code) {
        return code().equals(code);
    }
}
