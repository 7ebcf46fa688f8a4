package io.leadgate.channel.webform.webflow;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadgate.channel.UnparseableException;

import java.io.IOException;

/**
 * A Webflow webhook body, either shape: v2 {@code {"triggerType": "form_submission", "payload": {name, siteId,
 * data, schema, submittedAt, id, formId}}} or v1 {@code {name, site, data, d, _id}} (v1 has no trigger type).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebflowPayload(String triggerType, Submission payload, String name, String site, JsonNode data,
                             String d, @JsonProperty("_id") String id) {

    /** The v2 form submission. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Submission(String name, String siteId, JsonNode data, String submittedAt, String id, String formId) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** True for the v2 envelope (it names its trigger). */
    public boolean isV2() {
        return triggerType != null;
    }

    /** True for a v1 form submission body. */
    public boolean isV1Submission() {
        return triggerType == null && data != null && data.isObject();
    }

    public static WebflowPayload read(byte[] body) throws UnparseableException {
        WebflowPayload p;
        try {
            p = JSON.readValue(body, WebflowPayload.class);
        } catch (JacksonException e) {
            throw new UnparseableException("body is not a Webflow webhook: invalid JSON", e);
        } catch (IOException e) {
            throw new UnparseableException("body cannot be read: " + e.getMessage(), e);
        }
        if (p == null || !(p.isV2() || p.isV1Submission())) {
            throw new UnparseableException("body is not a Webflow webhook: neither 'triggerType' (v2) nor a v1 form 'data'");
        }
        if (p.isV2() && "form_submission".equals(p.triggerType())
                && (p.payload() == null || p.payload().data() == null || !p.payload().data().isObject())) {
            throw new UnparseableException("Webflow form_submission without 'payload.data'");
        }
        return p;
    }
}
