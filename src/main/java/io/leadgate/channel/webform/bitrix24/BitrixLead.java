package io.leadgate.channel.webform.bitrix24;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.webform.FormFields;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code fields} of a Bitrix24 {@code crm.lead.add} call, read from JSON ({@code {"fields": {…}}}) or from
 * form parameters ({@code fields[NAME]=…&fields[PHONE][0][VALUE]=…}). Field codes are upper-cased; multi-fields
 * ({@code PHONE}, {@code EMAIL}, {@code WEB}, {@code IM}, …: lists of {@code VALUE} / {@code VALUE_TYPE}) are kept
 * apart from scalar fields.
 */
public record BitrixLead(Map<String, String> scalars, Map<String, List<MultiValue>> multi) {

    /** One entry of a multi-field: {@code {"VALUE": "555888", "VALUE_TYPE": "WORK"}}. */
    public record MultiValue(String value, String valueType) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FORM_KEY =
            Pattern.compile("(?i)fields\\[([^\\]]+)](?:\\[([^\\]]*)])?(?:\\[([^\\]]*)])?");

    public BitrixLead {
        scalars = Map.copyOf(scalars);
        multi = Map.copyOf(multi);
    }

    public Optional<String> scalar(String code) {
        return Optional.ofNullable(scalars.get(code)).filter(v -> !v.isBlank()).map(String::strip);
    }

    public List<MultiValue> multi(String code) {
        return multi.getOrDefault(code, List.of());
    }

    /** Reads {@code {"fields": {…}, "params": {…}}}; {@code params} is not needed and ignored. */
    public static BitrixLead json(byte[] body) throws UnparseableException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new UnparseableException("body is not a Bitrix24 crm.lead.add call: invalid JSON", e);
        } catch (IOException e) {
            throw new UnparseableException("body cannot be read: " + e.getMessage(), e);
        }
        JsonNode fields = root == null || !root.isObject() ? null : root.has("fields") ? root.get("fields") : root.get("FIELDS");
        if (fields == null || !fields.isObject()) {
            throw new UnparseableException("body is not a Bitrix24 crm.lead.add call: no 'fields' object");
        }
        Map<String, String> scalars = new LinkedHashMap<>();
        Map<String, List<MultiValue>> multi = new LinkedHashMap<>();
        fields.properties().forEach(e -> {
            String code = e.getKey().toUpperCase(Locale.ROOT);
            JsonNode v = e.getValue();
            if (v.isArray() && !v.isEmpty() && v.get(0).isObject()) {
                v.forEach(item -> addMulti(multi, code, item));
            } else if (v.isObject() && v.has("VALUE")) {
                addMulti(multi, code, v);
            } else if (v.isObject()) { // {"n0": {"VALUE": …}, "n1": …}
                v.forEach(item -> addMulti(multi, code, item));
            } else if (v.isArray()) {
                List<String> items = new ArrayList<>();
                v.forEach(item -> items.add(text(item)));
                scalars.put(code, String.join(", ", items));
            } else if (!v.isNull()) {
                scalars.put(code, text(v));
            }
        });
        return new BitrixLead(scalars, multi);
    }

    /** Reads form parameters named {@code fields[CODE]}, {@code fields[CODE][n][VALUE]}, {@code fields[CODE][n][VALUE_TYPE]}. */
    public static BitrixLead form(FormFields form) throws UnparseableException {
        Map<String, String> scalars = new LinkedHashMap<>();
        Map<String, Map<String, String[]>> multi = new LinkedHashMap<>();
        for (FormFields.Field f : form.fields()) {
            Matcher m = FORM_KEY.matcher(f.name().strip());
            if (!m.matches()) {
                continue;
            }
            String code = m.group(1).toUpperCase(Locale.ROOT);
            if (m.group(2) == null || (m.group(2).isEmpty() && m.group(3) == null)) { // fields[X]=… or fields[X][]=…
                scalars.merge(code, f.value(), (a, b) -> a + ", " + b);
            } else {
                String index = m.group(3) == null ? "0" : m.group(2); // fields[PHONE][VALUE] is entry 0
                String part = m.group(3) == null ? m.group(2) : m.group(3);
                String[] entry = multi.computeIfAbsent(code, c -> new LinkedHashMap<>()).computeIfAbsent(index, i -> new String[2]);
                entry["VALUE_TYPE".equalsIgnoreCase(part) ? 1 : 0] = f.value();
            }
        }
        if (scalars.isEmpty() && multi.isEmpty()) {
            throw new UnparseableException("body is not a Bitrix24 crm.lead.add call: no fields[…] parameters");
        }
        Map<String, List<MultiValue>> entries = new LinkedHashMap<>();
        multi.forEach((code, byIndex) -> byIndex.values()
                .forEach(e -> entries.computeIfAbsent(code, c -> new ArrayList<>()).add(new MultiValue(e[0], e[1]))));
        return new BitrixLead(scalars, entries);
    }

    private static void addMulti(Map<String, List<MultiValue>> multi, String code, JsonNode item) {
        if (item.isObject() && item.hasNonNull("VALUE")) {
            multi.computeIfAbsent(code, c -> new ArrayList<>()).add(new MultiValue(text(item.get("VALUE")),
                    item.hasNonNull("VALUE_TYPE") ? text(item.get("VALUE_TYPE")) : null));
        }
    }

    /** A JSON value as text; numbers keep their exact digits ({@code 12500}, not {@code 12500.0}). */
    private static String text(JsonNode v) {
        if (v.isNumber()) {
            return v.canConvertToExactIntegral() ? v.bigIntegerValue().toString() : v.decimalValue().toPlainString();
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }
}
