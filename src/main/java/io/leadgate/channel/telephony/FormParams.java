package io.leadgate.channel.telephony;

import io.leadgate.inquiry.Timestamps;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.UnparseableException;
import io.leadgate.inquiry.UrlQuery;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The fields of an {@code application/x-www-form-urlencoded} call notification, decoded ({@code +} and
 * {@code %2B} as the form encoding says), repeated names kept in order.
 */
public record FormParams(Map<String, List<String>> values) {

    public FormParams {
        values = Map.copyOf(values);
    }

    public static FormParams of(HookRequest request) {
        return new FormParams(UrlQuery.parse(request.bodyText(), request.charset()));
    }

    public static FormParams parse(String encoded) {
        return new FormParams(UrlQuery.parse(encoded));
    }

    /** The first value of a field, stripped, or null when absent or blank. */
    public String get(String name) {
        List<String> v = values.get(name);
        if (v == null) {
            return null;
        }
        return v.stream().filter(s -> !s.isBlank()).map(String::strip).findFirst().orElse(null);
    }

    /** Every non-blank value of a repeated field ({@code user[]}). */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of()).stream().filter(s -> !s.isBlank()).map(String::strip).toList();
    }

    /** The raw first value (not stripped, {@code ""} when absent): for signatures over field values. */
    public String raw(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? "" : v.get(0);
    }

    public boolean has(String name) {
        return get(name) != null;
    }

    /** A field the provider always sends; its absence means the body is not this provider's format. */
    public String require(String name, String provider) throws UnparseableException {
        String v = get(name);
        if (v == null) {
            throw new UnparseableException(provider + " notification without '" + name + "'");
        }
        return v;
    }

    /** A whole number of the field, or null when absent or not a number. */
    public Long number(String name) {
        String v = get(name);
        try {
            return v == null ? null : Long.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A Unix time in seconds, or null. */
    public Instant epochSeconds(String name) {
        return Timestamps.epochSeconds(number(name));
    }
}
