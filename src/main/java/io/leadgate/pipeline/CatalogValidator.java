package io.leadgate.pipeline;

import io.leadgate.lead.JunkReason;

import java.util.Locale;

/** Checks lead statuses, junk reasons and loss reasons, for the API and for pipeline files alike. Pure. */
public final class CatalogValidator {

    private static final String CODE = "[a-z0-9][a-z0-9-]{0,63}";

    private CatalogValidator() {
    }

    /** A lead status as configured. */
    public record Status(String code, String name, String semantics) {
    }

    /** A junk or loss reason as configured. */
    public record Reason(String code, String name) {
    }

    /**
     * A custom status: code {@code [a-z0-9-]}, a name (default: the code), semantics in-progress, converted or junk
     * ({@code new} is the one built-in initial status).
     */
    public static Status status(String code, String name, String semantics) {
        String c = code(code, "status code");
        String s = semantics == null ? "" : semantics.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        if (!s.equals("in-progress") && !s.equals("converted") && !s.equals("junk")) {
            throw PipelineException.invalid("status semantics must be one of in-progress, converted, junk");
        }
        return new Status(c, name(name, c), s);
    }

    /** A junk reason: code from the text as written ("Wrong number" → wrong-number), name as written. */
    public static Reason reason(String code, String name) {
        return reason(code, name, "junk reason");
    }

    /** A loss reason, written like a junk reason ("No budget" → no-budget). */
    public static Reason lossReason(String code, String name) {
        return reason(code, name, "loss reason");
    }

    private static Reason reason(String code, String name, String what) {
        String c = code(JunkReason.normalize(code), what);
        return new Reason(c, name(name, code.strip()));
    }

    private static String code(String code, String what) {
        String c = code == null ? "" : code.strip();
        if (!c.matches(CODE)) {
            throw PipelineException.invalid(what + " must be 1 to 64 of a-z, 0-9 and -, got '" + code + "'");
        }
        return c;
    }

    private static String name(String name, String fallback) {
        String n = name == null || name.isBlank() ? fallback : name.strip();
        if (n.length() > 200) {
            throw PipelineException.invalid("name is longer than 200 characters");
        }
        return n;
    }
}
