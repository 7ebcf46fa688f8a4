package io.leadgate.channel.webform.typeform;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadgate.channel.webform.typeform.TypeformEvent.Answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The value of a Typeform answer as text, and the hidden fields as a map. */
final class TypeformAnswers {

    private TypeformAnswers() {
    }

    /** The answer's value as text, from the component its {@code type} names; null when it has none. */
    static String value(Answer a) {
        if (a.type() == null) {
            return firstNonNull(a);
        }
        return switch (a.type()) {
            case "text" -> a.text();
            case "email" -> a.email();
            case "phone_number" -> a.phoneNumber();
            case "url" -> a.url();
            case "file_url" -> a.fileUrl();
            case "date" -> a.date();
            case "number" -> a.number() == null ? null : a.number().stripTrailingZeros().toPlainString();
            case "boolean" -> a.bool() == null ? null : a.bool().toString();
            case "choice" -> a.choice() == null ? null : a.choice().label() != null ? a.choice().label() : a.choice().other();
            case "choices" -> choices(a.choices());
            case "payment" -> a.payment() == null ? null : a.payment().amount();
            default -> firstNonNull(a);
        };
    }

    /** {@code form_response.hidden} as field name → text; values that are not scalars are skipped. */
    static Map<String, String> hidden(JsonNode hidden) {
        Map<String, String> out = new LinkedHashMap<>();
        if (hidden != null && hidden.isObject()) {
            hidden.properties().forEach(e -> {
                if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                    out.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        return out;
    }

    private static String choices(TypeformEvent.Choices c) {
        if (c == null) {
            return null;
        }
        List<String> all = new ArrayList<>(c.labels() == null ? List.of() : c.labels());
        if (c.other() != null) {
            all.add(c.other());
        }
        return all.isEmpty() ? null : String.join(", ", all);
    }

    private static String firstNonNull(Answer a) {
        for (String v : new String[] {a.text(), a.email(), a.phoneNumber(), a.url(), a.fileUrl(), a.date()}) {
            if (v != null) {
                return v;
            }
        }
        return a.number() != null ? a.number().stripTrailingZeros().toPlainString() : null;
    }
}
