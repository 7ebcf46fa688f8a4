package io.leadgate.channel.webform.typeform;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;

/**
 * A Typeform webhook delivery: {@code event_id}, {@code event_type} and the {@code form_response} with the form
 * {@code definition} and the typed {@code answers}. Read with snake_case names.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TypeformEvent(String eventId, String eventType, FormResponse formResponse) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FormResponse(String formId, String token, String landedAt, String submittedAt, JsonNode hidden,
                               Definition definition, List<Answer> answers, Calculated calculated, Metadata metadata) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Definition(String id, String title, List<Field> fields) {
    }

    /**
     * A question of the form, or a sub-field of a {@code contact_info} group (then {@code subfieldKey} says which:
     * {@code first_name}, {@code last_name}, {@code email}, {@code phone_number}, {@code company}).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Field(String id, String title, String type, String ref, String subfieldKey, Properties properties) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Properties(List<Field> fields) {
    }

    /** One answer; the value sits in the component its {@code type} names. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Answer(String type, Field field, String text, String email, String phoneNumber, String url,
                         String fileUrl, String date, BigDecimal number, @JsonProperty("boolean") Boolean bool,
                         Choice choice, Choices choices, Payment payment) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Choice(String label, String other) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Choices(List<String> labels, String other) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Payment(String amount, String last4, String name, Boolean success) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Calculated(BigDecimal score) {
    }

    /** Present in Typeform's Responses API; read when a delivery carries it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metadata(String userAgent, String platform, String referer) {
    }
}
