package io.leadgate.channel.email;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Content-Type or Content-Disposition value read leniently: {@code type/subtype; name=value; …} with quoted or bare
 * values (bare values may hold {@code =}, as Outlook's boundaries do), spaces around {@code =}, a missing closing
 * quote, and RFC 2231 continuations and charsets ({@code filename*0*=utf-8''…; filename*1=…}).
 *
 * @param value  the lower-cased main value ({@code multipart/mixed}, {@code attachment}), {@code ""} when absent
 * @param params parameter values by lower-cased name; plain values are raw header chars, RFC 2231 values decoded
 */
record MimeParams(String value, Map<String, String> params, Set<String> decoded) {

    static final MimeParams NONE = new MimeParams("", Map.of(), Set.of());

    static MimeParams parse(String header) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        String h = HeaderText.unfold(header);
        int semi = h.indexOf(';');
        String value = (semi < 0 ? h : h.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, String[]>> extended = new LinkedHashMap<>();
        int i = semi < 0 ? h.length() : semi + 1;
        while (i < h.length()) {
            int eq = h.indexOf('=', i);
            int nextSemi = h.indexOf(';', i);
            if (eq < 0 || (nextSemi >= 0 && nextSemi < eq)) {
                i = nextSemi < 0 ? h.length() : nextSemi + 1;
                continue;
            }
            String name = h.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            int j = eq + 1;
            while (j < h.length() && (h.charAt(j) == ' ' || h.charAt(j) == '\t')) {
                j++;
            }
            StringBuilder v = new StringBuilder();
            if (j < h.length() && h.charAt(j) == '"') {
                j++;
                while (j < h.length() && h.charAt(j) != '"') {
                    char c = h.charAt(j);
                    if (c == '\\' && j + 1 < h.length()) {
                        c = h.charAt(++j);
                    }
                    v.append(c);
                    j++;
                }
                int end = h.indexOf(';', j);
                i = end < 0 ? h.length() : end + 1;
            } else {
                int end = h.indexOf(';', j);
                v.append(h, j, end < 0 ? h.length() : end);
                i = end < 0 ? h.length() : end + 1;
            }
            addParam(name, v.toString().strip(), plain, extended);
        }
        Set<String> decoded = new HashSet<>();
        extended.forEach((name, segments) -> {
            plain.put(name, joinExtended(segments));
            decoded.add(name);
        });
        return new MimeParams(value, Map.copyOf(plain), Set.copyOf(decoded));
    }

    private static void addParam(String name, String value, Map<String, String> plain,
                                 Map<String, TreeMap<Integer, String[]>> extended) {
        if (name.isEmpty()) {
            return;
        }
        int star = name.indexOf('*');
        if (star < 0) {
            plain.putIfAbsent(name, value);
            return;
        }
        String base = name.substring(0, star);
        String rest = name.substring(star + 1);
        boolean encoded = rest.endsWith("*") || rest.isEmpty();
        String index = rest.endsWith("*") ? rest.substring(0, rest.length() - 1) : rest;
        int n;
        try {
            n = index.isEmpty() ? 0 : Integer.parseInt(index);
        } catch (NumberFormatException e) {
            return;
        }
        extended.computeIfAbsent(base, k -> new TreeMap<>()).putIfAbsent(n, new String[]{value, encoded ? "*" : ""});
    }

    /** Joins RFC 2231 segments; the charset named by the first encoded segment decodes the percent-escaped bytes. */
    private static String joinExtended(TreeMap<Integer, String[]> segments) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String charset = null;
        for (String[] segment : segments.values()) {
            String v = segment[0];
            if (segment[1].isEmpty()) {
                bytes.writeBytes(v.getBytes(StandardCharsets.ISO_8859_1));
                continue;
            }
            if (charset == null) {
                int q1 = v.indexOf('\'');
                int q2 = q1 < 0 ? -1 : v.indexOf('\'', q1 + 1);
                if (q2 > 0) {
                    charset = v.substring(0, q1);
                    v = v.substring(q2 + 1);
                }
            }
            for (int k = 0; k < v.length(); k++) {
                char c = v.charAt(k);
                int hi = k + 2 < v.length() ? Character.digit(v.charAt(k + 1), 16) : -1;
                int lo = hi >= 0 ? Character.digit(v.charAt(k + 2), 16) : -1;
                if (c == '%' && lo >= 0) {
                    bytes.write(hi << 4 | lo);
                    k += 2;
                } else {
                    bytes.write(c & 0xFF);
                }
            }
        }
        byte[] b = bytes.toByteArray();
        return MailCharsets.lookup(charset).map(cs -> new String(b, cs))
                .orElseGet(() -> MailCharsets.decodeUnlabelled(b, StandardCharsets.ISO_8859_1));
    }

    /** A raw parameter value (for boundaries and charsets), or null. */
    String param(String name) {
        return params.get(name);
    }

    /** A parameter meant as text (file names): raw bytes and encoded words decoded unless RFC 2231 did it. */
    String text(String name, Charset fallback) {
        String v = params.get(name);
        if (v == null) {
            return null;
        }
        return decoded.contains(name) ? HeaderText.clean(HeaderText.decodeWords(v))
                : HeaderText.decode(v, fallback);
    }

    boolean is(String mediaType) {
        return value.equals(mediaType);
    }
}
