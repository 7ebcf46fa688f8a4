package io.leadgate.intake;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Removes a provider's secret top-level fields from a raw body before it is kept: a form-encoded pair is dropped
 * whole, a JSON member keeps its key with the value {@code "***"}. Every other byte stays as it was; a body of any
 * other type (or one that does not parse) is kept unchanged.
 */
final class SecretScrub {

    static final String MARK = "\"***\"";
    private static final JsonFactory JSON = new JsonFactory();

    private SecretScrub() {
    }

    static byte[] body(byte[] body, String mediaType, Set<String> fields) {
        if (body == null || body.length == 0 || fields.isEmpty()) {
            return body;
        }
        Set<String> names = lower(fields);
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        if (type.contains("json") || (type.isEmpty() && startsLikeJson(body))) {
            return json(body, names);
        }
        if (type.contains("x-www-form-urlencoded")) {
            return form(body, names);
        }
        return body;
    }

    /** Drops {@code name=value} pairs whose decoded name is a secret; the other pairs keep their bytes and order. */
    static byte[] form(byte[] body, Set<String> names) {
        String text = new String(body, StandardCharsets.ISO_8859_1); // byte-preserving
        List<String> kept = new ArrayList<>();
        boolean changed = false;
        for (String pair : text.split("&", -1)) {
            int eq = pair.indexOf('=');
            String raw = eq < 0 ? pair : pair.substring(0, eq);
            String name;
            try {
                name = URLDecoder.decode(new String(raw.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                name = raw;
            }
            if (names.contains(name.strip().toLowerCase(Locale.ROOT))) {
                changed = true;
                continue;
            }
            kept.add(pair);
        }
        return changed ? String.join("&", kept).getBytes(StandardCharsets.ISO_8859_1) : body;
    }

    /** Replaces the values of secret top-level members of a JSON object with {@code "***"}. */
    static byte[] json(byte[] body, Set<String> names) {
        List<long[]> ranges = new ArrayList<>();
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return body;
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                boolean secret = names.contains(p.currentName().toLowerCase(Locale.ROOT));
                JsonToken value = p.nextToken();
                long start = p.currentTokenLocation().getByteOffset();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    p.skipChildren();
                } else {
                    p.getText(); // completes a lazily read string
                }
                long end = p.currentLocation().getByteOffset();
                if (secret && start >= 0 && end > start) {
                    ranges.add(new long[] {start, end});
                }
            }
            if (t != JsonToken.END_OBJECT) {
                return body;
            }
        } catch (IOException e) {
            return body; // not JSON after all: parse decides what it is
        }
        if (ranges.isEmpty()) {
            return body;
        }
        ranges.sort(Comparator.comparingLong(r -> r[0]));
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
        int at = 0;
        for (long[] r : ranges) {
            out.write(body, at, (int) r[0] - at);
            out.writeBytes(MARK.getBytes(StandardCharsets.US_ASCII));
            at = (int) r[1];
        }
        out.write(body, at, body.length - at);
        return out.toByteArray();
    }

    private static boolean startsLikeJson(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '{';
            }
        }
        return false;
    }

    static Set<String> lower(Set<String> names) {
        Set<String> out = new java.util.HashSet<>();
        names.forEach(n -> out.add(n.toLowerCase(Locale.ROOT)));
        return out;
    }
}
