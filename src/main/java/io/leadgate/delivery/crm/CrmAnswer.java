package io.leadgate.delivery.crm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.leadgate.delivery.crm.CrmFailure.Kind;

import java.util.Locale;

/**
 * One CRM HTTP answer as every connector reads it: the status and the body parsed as JSON ({@link #json()} is a
 * {@link MissingNode} when the body is empty or not JSON). One place decides what a status means before any
 * CRM-specific error code is looked at, so the connectors cannot drift apart:
 * <ul>
 *   <li>a redirect (3xx; never followed) or {@code 404}: the URL does not point at the CRM's API — the connector is
 *   {@linkplain Kind#MISCONFIGURED misconfigured} and stops, instead of refusing every lead one by one;</li>
 *   <li>{@code 401}, {@code 402}, {@code 403}: credentials or account refused ({@link Kind#AUTH});</li>
 *   <li>{@code 408}, {@code 429}, 5xx: {@link Kind#RETRYABLE}; any other 4xx: the request is {@link Kind#REJECTED}.</li>
 * </ul>
 * A 2xx answer is a success only when its body holds what the call answers ({@link #require}); anything else is an
 * {@code invalid_answer}, retryable: the call may or may not have been carried out.
 */
public record CrmAnswer(int status, JsonNode json) {

    /** Reads an answer; never throws for a bad body. */
    public static CrmAnswer of(int status, String body, ObjectMapper mapper) {
        JsonNode node = MissingNode.getInstance();
        if (body != null && !body.isBlank()) {
            try {
                JsonNode parsed = mapper.readTree(body);
                node = parsed == null ? MissingNode.getInstance() : parsed;
            } catch (JsonProcessingException e) {
                node = MissingNode.getInstance();
            }
        }
        return new CrmAnswer(status, node);
    }

    public boolean success() {
        return status >= 200 && status < 300;
    }

    /** True for a redirect or {@code 404}: the configured URL is not the CRM's API. */
    public boolean misconfigured() {
        return (status >= 300 && status < 400) || status == 404;
    }

    /** What the status alone means for a failed answer ({@code crm} names the CRM in the message). */
    public CrmFailure failure(String crm, String what, String detail) {
        String message = crm + " " + what + " answered " + status + (detail == null || detail.isEmpty() ? ""
                : ": " + (detail.length() <= 120 ? detail : detail.substring(0, 120)));
        return new CrmFailure(kind(status), "http_" + status, message);
    }

    /** The kind of a non-2xx status. */
    public static Kind kind(int status) {
        if ((status >= 300 && status < 400) || status == 404) {
            return Kind.MISCONFIGURED;
        }
        if (status == 401 || status == 402 || status == 403) {
            return Kind.AUTH;
        }
        if (status == 408 || status == 429 || status >= 500) {
            return Kind.RETRYABLE;
        }
        return Kind.REJECTED;
    }

    /**
     * The success answer's part at {@code pointer} (a JSON Pointer), or an {@code invalid_answer} failure when the body
     * is not JSON or lacks it: a 200 from a login page, a proxy or a truncated answer is not a success.
     */
    public JsonNode require(String crm, String what, String pointer) throws CrmFailure {
        JsonNode part = json.at(pointer);
        if (part.isMissingNode() || part.isNull()) {
            throw new CrmFailure(Kind.RETRYABLE, "invalid_answer", crm + " " + what + " answered " + status
                    + " without " + (pointer.isEmpty() ? "a JSON body" : "'" + pointer + "'")
                    + (json.isMissingNode() ? " (not JSON)" : ""));
        }
        return part;
    }

    /** A text field of the JSON body, or "" (for error codes and descriptions). */
    public String text(String field) {
        return json.path(field).asText("");
    }

    /** Upper-cased {@link #text}. */
    public String code(String field) {
        return text(field).toUpperCase(Locale.ROOT);
    }
}
