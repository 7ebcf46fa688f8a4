package io.leadgate.channel.messenger.meta;

import io.leadgate.inquiry.Timestamps;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.leadgate.channel.UnparseableException;

import java.io.IOException;
import java.time.Instant;

/**
 * Reads the snake_case JSON bodies of messenger providers (Meta, Viber, Avito) into payload records. Numbers read
 * into {@code String} components keep their exact text, so 64-bit ids never pass through a double.
 */
public final class PayloadJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private PayloadJson() {
    }

    /** True for the JSON media types these providers post ({@code application/json}, {@code *+json}). */
    public static boolean acceptsJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    /** The body as {@code type}; {@code what} names the format in the error ("a Viber callback"). */
    public static <T> T read(byte[] body, JavaType type, String what) throws UnparseableException {
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw new UnparseableException("body is not " + what + ": empty JSON");
            }
            return value;
        } catch (JacksonException e) {
            String at = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new UnparseableException("body is not " + what + ": invalid JSON" + at, e);
        } catch (IOException e) {
            throw new UnparseableException("body cannot be read: " + e.getMessage(), e);
        }
    }

    public static <T> T read(byte[] body, Class<T> type, String what) throws UnparseableException {
        return read(body, MAPPER.constructType(type), what);
    }

    /** The type of a generic payload record, such as {@code MetaEnvelope<WhatsAppPayload.Entry>}. */
    public static JavaType generic(Class<?> raw, Class<?> parameter) {
        return MAPPER.getTypeFactory().constructParametricType(raw, parameter);
    }

    /** Unix seconds written as text: {@link Timestamps#epochSeconds(String)}. */
    public static Instant epochSeconds(String seconds) {
        return Timestamps.epochSeconds(seconds);
    }

    /** Unix milliseconds written as text: {@link Timestamps#epochMillis(String)}. */
    public static Instant epochMillis(String millis) {
        return Timestamps.epochMillis(millis);
    }

    /** True when {@code s} is a non-empty run of ASCII digits. */
    public static boolean digits(String s) {
        return s != null && !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
