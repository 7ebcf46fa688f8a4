package io.leadgate.channel.webform;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelFileException;
import io.leadgate.channel.RejectedException;

import java.util.Optional;

/**
 * Abuse rules for public forms beyond the honeypot and the rate limit: a minimum fill time (the website snippet
 * sends when the form was rendered and submitted, both by the browser's clock, so clock skew does not matter) and
 * maximum field sizes. Pure.
 *
 * @param minFillMillis   a submit sooner than this after rendering is refused with 422; 0 = off
 * @param requireFillTime refuse posts without the snippet's timing (plain HTML posts) when a minimum is set
 * @param maxFieldChars   the longest field value in characters; longer → 413
 * @param maxFields       the most fields a post may have; more → 413
 */
public record FormGuard(long minFillMillis, boolean requireFillTime, int maxFieldChars, int maxFields) {

    /** The render and submit times the snippet adds, epoch milliseconds by the browser's clock. */
    public static final String RENDERED_AT = "lg_rendered_at";
    public static final String SUBMITTED_AT = "lg_submitted_at";

    static final int DEFAULT_MAX_FIELD_CHARS = 10_000;
    static final int DEFAULT_MAX_FIELDS = 200;

    /** The channel's settings {@code min-fill-seconds}, {@code require-fill-time}, {@code max-field-length}, {@code max-fields}. */
    public static FormGuard of(ChannelDefinition channel) {
        double minFill = number(channel, "min-fill-seconds").orElse(0d);
        return new FormGuard(Math.round(minFill * 1000), channel.setting("require-fill-time").map(Boolean::parseBoolean)
                .orElse(false), number(channel, "max-field-length").map(Double::intValue).orElse(DEFAULT_MAX_FIELD_CHARS),
                number(channel, "max-fields").map(Double::intValue).orElse(DEFAULT_MAX_FIELDS));
    }

    /** Checks the settings at start-up. */
    public static void validate(ChannelDefinition channel) {
        for (String key : new String[]{"min-fill-seconds", "max-field-length", "max-fields"}) {
            Optional<Double> value;
            try {
                value = number(channel, key);
            } catch (NumberFormatException e) {
                throw new ChannelFileException(channel.file(), "settings." + key, "must be a number");
            }
            if (value.isPresent() && (value.get() < 0 || (!key.equals("min-fill-seconds") && value.get() < 1))) {
                throw new ChannelFileException(channel.file(), "settings." + key, "must be positive");
            }
        }
    }

    /** Refuses the post when it breaks a rule; {@code nowMillis} is used only when the submit time is missing. */
    public void check(FormFields form, long nowMillis) {
        if (form.fields().size() > maxFields) {
            throw new RejectedException(413, "too-many-fields", "the form has " + form.fields().size()
                    + " fields; at most " + maxFields + " are accepted");
        }
        for (FormFields.Field field : form.fields()) {
            if (field.value() != null && field.value().length() > maxFieldChars) {
                throw new RejectedException(413, "field-too-large", "field '" + abbreviate(field.name())
                        + "' is longer than " + maxFieldChars + " characters");
            }
        }
        if (minFillMillis <= 0) {
            return;
        }
        Optional<String> rendered = form.first(RENDERED_AT);
        if (rendered.isEmpty()) {
            if (requireFillTime) {
                throw new RejectedException(422, "no-fill-time", "the form was posted without its fill time; "
                        + "please submit it from the page");
            }
            return;
        }
        Long renderedAt = millis(rendered.get());
        Long submittedAt = form.first(SUBMITTED_AT).map(FormGuard::millis).orElse(null);
        long submitted = submittedAt == null ? nowMillis : submittedAt;
        if (renderedAt == null || submitted - renderedAt < minFillMillis) { // unreadable timing counts as no time spent
            throw new RejectedException(422, "too-fast", "the form was submitted too fast; please try again");
        }
    }

    private static Long millis(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Optional<Double> number(ChannelDefinition channel, String key) {
        return channel.setting(key).map(String::strip).map(Double::parseDouble);
    }

    private static String abbreviate(String name) {
        return name.length() <= 64 ? name : name.substring(0, 64) + "…";
    }
}
