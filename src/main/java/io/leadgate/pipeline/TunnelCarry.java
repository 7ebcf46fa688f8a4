package io.leadgate.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a copy tunnel takes along: a list of field names. The client, the lead, the channel and the source always
 * travel (they say whose deal it is and where it came from); of the rest only the listed ones do:
 * {@code title}, {@code amount} (with its currency), {@code items} (the products; the amount then follows them),
 * {@code responsible}, {@code expectedCloseDate}, {@code fields} (all custom fields) or {@code fields.<name>} (one).
 * No list = everything travels. Pure.
 */
public final class TunnelCarry {

    public static final List<String> FIELDS = List.of("title", "amount", "items", "responsible", "expectedCloseDate",
            "fields");
    private static final String FIELD_PREFIX = "fields.";

    private TunnelCarry() {
    }

    /** A carry list from a request: null = all; names checked, stored comma-separated. */
    static String parse(List<String> carry) {
        if (carry == null) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        for (String raw : carry) {
            String n = raw == null ? "" : raw.strip();
            String lower = n.toLowerCase(Locale.ROOT);
            String known = FIELDS.stream().filter(f -> f.toLowerCase(Locale.ROOT).equals(lower)).findFirst().orElse(null);
            if (known != null) {
                names.add(known);
            } else if (lower.startsWith(FIELD_PREFIX) && n.length() > FIELD_PREFIX.length() && n.length() <= 107
                    && !n.contains(",")) {
                names.add(FIELD_PREFIX + n.substring(FIELD_PREFIX.length()));
            } else {
                throw PipelineException.invalid("carry lists fields among " + String.join(", ", FIELDS)
                        + " and fields.<name>, got '" + n + "'");
            }
        }
        String joined = String.join(",", names);
        if (joined.length() > 500) {
            throw PipelineException.invalid("carry is longer than 500 characters");
        }
        return joined;
    }

    static List<String> list(String stored) {
        if (stored == null) {
            return null;
        }
        return stored.isEmpty() ? List.of() : List.of(stored.split(","));
    }

    static boolean carries(String stored, String field) {
        return stored == null || List.of(stored.split(",")).contains(field);
    }

    /** The custom fields a copy gets: all, none, or the named ones. */
    static String fields(String stored, String fieldsJson, ObjectNode fields) {
        if (stored == null || carries(stored, "fields")) {
            return fieldsJson;
        }
        List<String> keep = new ArrayList<>();
        for (String f : stored.split(",")) {
            if (f.startsWith(FIELD_PREFIX)) {
                keep.add(f.substring(FIELD_PREFIX.length()));
            }
        }
        if (keep.isEmpty()) {
            return null;
        }
        fields.retain(keep);
        return fields.isEmpty() ? null : fields.toString();
    }
}
