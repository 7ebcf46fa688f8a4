package io.leadgate.channel.webform.webflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadgate.channel.webform.FormField;
import io.leadgate.channel.webform.FormFields;
import io.leadgate.channel.webform.FormMapper;
import io.leadgate.inquiry.ChannelFamily;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.PhoneNormalizer;
import io.leadgate.inquiry.PhoneResult;
import io.leadgate.inquiry.Reason;
import io.leadgate.inquiry.Timestamps;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Webflow form submission (v1 or v2) as an inquiry: {@code data} through {@link FormMapper}, the form name, site
 * and form ids as extra, the submission id as the key, the submission time as when it happened. Pure.
 */
public final class WebflowMapper {

    static final String PROVIDER = "webflow";

    private WebflowMapper() {
    }

    public static Inquiry map(WebflowPayload body, String defaultRegion) {
        if (body.isV2() && !"form_submission".equals(body.triggerType())) {
            return Inquiry.builder(ChannelFamily.WEBFORM, PROVIDER).kind(Kind.IGNORED, Reason.SERVICE_EVENT).build();
        }
        WebflowPayload.Submission s = body.isV2() ? body.payload()
                : new WebflowPayload.Submission(body.name(), body.site(), body.data(), body.d(), body.id(), null);
        List<FormFields.Field> fields = new ArrayList<>();
        s.data().properties().forEach(e -> {
            String value = text(e.getKey(), e.getValue(), defaultRegion);
            if (value != null) {
                fields.add(new FormFields.Field(e.getKey(), value));
            }
        });
        addIfPresent(fields, "formName", s.name());
        addIfPresent(fields, "siteId", s.siteId());
        addIfPresent(fields, "formId", s.formId());
        Inquiry m = FormMapper.map(new FormFields(fields, List.of()),
                new FormMapper.Context(PROVIDER, defaultRegion, Map.of(), null, null, null));
        return new Inquiry(m.kind(), m.reason(), m.channel(), m.provider(), blankToNull(s.id()), instant(s.submittedAt()),
                m.contact(), m.subject(), m.text(), m.attribution(), m.attachments(), m.thread(), m.call(), m.extra());
    }

    /**
     * A data value as text. Webflow may send a phone as a JSON number ({@code "Phone Number": 15550000000}): its
     * digits are read in the channel's region, and when they make no number there, as international digits.
     */
    static String text(String name, JsonNode value, String defaultRegion) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            String digits = value.canConvertToExactIntegral() ? value.bigIntegerValue().toString()
                    : value.decimalValue().toPlainString();
            boolean phone = FormField.recognise(name).filter(FormField.PHONE::equals).isPresent();
            return phone && PhoneNormalizer.normalize(digits, defaultRegion) instanceof PhoneResult.Raw
                    && PhoneNormalizer.normalizeInternational(digits) instanceof PhoneResult.Normalized
                    ? "+" + digits : digits;
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.isValueNode() ? item.asText() : item.toString()));
            return String.join(", ", items);
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static void addIfPresent(List<FormFields.Field> fields, String name, String value) {
        if (value != null && !value.isBlank()) {
            fields.add(new FormFields.Field(name, value));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Instant instant(String text) {
        return Timestamps.iso(text);
    }
}
