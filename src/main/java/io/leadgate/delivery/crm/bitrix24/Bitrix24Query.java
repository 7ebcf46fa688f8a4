package io.leadgate.delivery.crm.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes method parameters as the query string of a {@code batch} command, in PHP's bracket notation
 * ({@code fields[PHONE][0][VALUE]=%2B7...}): each command of a batch is {@code method?query}, and Bitrix24 parses it
 * like a request's own parameters (https://apidocs.bitrix24.com/api-reference/how-to-call-rest-api/batch.html).
 * Values are URL-encoded; a {@code $result[name]} macro is a value like any other and is substituted after decoding.
 */
public final class Bitrix24Query {

    private Bitrix24Query() {
    }

    /** {@code method?query} for a batch's {@code cmd}. */
    public static String command(String method, JsonNode params) {
        String query = encode(params);
        return query.isEmpty() ? method : method + "?" + query;
    }

    /** The query string of an object of parameters. */
    public static String encode(JsonNode params) {
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) params::fields) {
            add(pairs, e.getKey(), e.getValue());
        }
        return String.join("&", pairs);
    }

    private static void add(List<String> pairs, String key, JsonNode value) {
        if (value == null || value.isNull()) {
            return;
        }
        if (value.isObject()) {
            value.fields().forEachRemaining(e -> add(pairs, key + "[" + e.getKey() + "]", e.getValue()));
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                add(pairs, key + "[" + i + "]", value.get(i));
            }
        } else {
            pairs.add(key + "=" + URLEncoder.encode(value.asText(), StandardCharsets.UTF_8));
        }
    }
}
