package io.leadgate.channel.email;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The top-level headers of a mail, names case-insensitive, values decoded on request. Immutable. */
public final class MailHeaders {

    private final Map<String, List<String>> raw;
    private final Charset fallback;

    MailHeaders(Map<String, List<String>> raw, Charset fallback) {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        raw.forEach((k, v) -> copy.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        copy.replaceAll((k, v) -> List.copyOf(v));
        this.raw = Collections.unmodifiableMap(copy);
        this.fallback = fallback;
    }

    public boolean has(String name) {
        return raw.containsKey(name);
    }

    /** The first value, unfolded, with raw bytes still one char each; null when absent. */
    public String raw(String name) {
        List<String> v = raw.get(name);
        return v == null || v.isEmpty() ? null : HeaderText.unfold(v.get(0));
    }

    /** The first value as text: raw bytes and encoded words decoded, trimmed; null when absent or empty. */
    public String text(String name) {
        return HeaderText.decode(raw(name), fallback);
    }

    /** Every value of a header as text, empty ones left out. */
    public List<String> texts(String name) {
        List<String> out = new ArrayList<>();
        for (String v : raw.getOrDefault(name, List.of())) {
            String t = HeaderText.decode(v, fallback);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    /** The first value with raw bytes decoded but encoded words kept, for address lists; null when absent. */
    String bytesDecoded(String name) {
        String v = raw(name);
        return v == null ? null : HeaderText.bytesToText(v, fallback);
    }

    Charset fallback() {
        return fallback;
    }
}
