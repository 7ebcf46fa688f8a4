package io.leadgate.inquiry;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code application/x-www-form-urlencoded} text: query strings and form bodies, keys in order. */
public final class UrlQuery {

    private UrlQuery() {
    }

    public static Map<String, List<String>> parse(String encoded) {
        return parse(encoded, StandardCharsets.UTF_8);
    }

    public static Map<String, List<String>> parse(String encoded, Charset charset) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return result;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq), charset);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), charset);
            result.computeIfAbsent(key, k -> new ArrayList<>(1)).add(value);
        }
        return result;
    }

    /** The query of a URL (absolute or relative), or null when there is none or the URL does not parse. */
    public static String queryOf(String url) {
        if (url == null) {
            return null;
        }
        int q = url.indexOf('?');
        if (q < 0) {
            return null;
        }
        int hash = url.indexOf('#', q);
        return hash < 0 ? url.substring(q + 1) : url.substring(q + 1, hash);
    }

    /** True when {@code url} is an absolute http(s) URL. */
    public static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url.strip());
            return uri.getScheme() != null && uri.getScheme().matches("(?i)https?") && uri.getHost() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String decode(String s, Charset charset) {
        try {
            return URLDecoder.decode(s, charset);
        } catch (IllegalArgumentException e) {
            return s; // a stray '%' is kept as written rather than losing the field
        }
    }
}
