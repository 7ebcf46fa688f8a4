package io.leadgate.channel.webform.elementor;

// Elementor Pro form action "Webhook": https://elementor.com/help/actions-after-submit/ (read 2025). Without
// "Advanced Data" it posts one parameter per field, named by the field label, plus Date, Time, Page URL,
// User Agent, Remote IP, Powered by, form_id and form_name. With "Advanced Data" it posts (form-urlencoded)
// form[id], form[name], fields[<id>][id|type|title|value|raw_value|required] and meta[<key>][title|value] for
// date, time, page_url, user_agent, remote_ip and credit.

import io.leadgate.channel.webform.FormField;
import io.leadgate.channel.webform.FormFields;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns WordPress form-plugin posts into plain form fields for {@link io.leadgate.channel.webform.FormMapper}:
 * Elementor Pro's "Advanced Data" webhook shape becomes one field per form field (named by its title when that
 * is a known field name, else by its id) with {@code landing_page}, {@code form_name}, {@code form_id},
 * {@code user_agent} and {@code remote_ip}; Elementor's credit line and the hidden control fields of Contact Form 7
 * ({@code _wpcf7*}) are dropped. Anything else comes back unchanged. Pure.
 */
public final class ElementorForm {

    /** {@code fields[name][value]}, {@code meta[page_url][title]}, {@code form[id]}; also dotted from JSON bodies. */
    private static final Pattern ADVANCED = Pattern.compile(
            "(form|fields|meta)(?:\\[([^\\]]+)]|\\.([^.\\[]+))(?:\\[([^\\]]+)]|\\.([^.\\[]+))?");
    /** What Elementor says about each field; {@code fields[x][value]} and the like mark its shape. */
    private static final Set<String> FIELD_PARTS = Set.of("id", "type", "title", "value", "raw_value", "required");
    /** The {@code form[…]} entries read: {@code form[id]} and {@code form[name]}. */
    private static final Set<String> FORM_KEYS = Set.of("id", "name");
    /** Meta entries kept, by Elementor's key; {@code page_url} becomes {@code landing_page}, the others keep their key. */
    private static final List<String> META = List.of("page_url", "user_agent", "remote_ip");

    private ElementorForm() {
    }

    /** The fields as {@code FormMapper} reads them best; the input itself when no known shape is recognised. */
    public static FormFields normalise(FormFields form) {
        boolean advanced = form.fields().stream().anyMatch(f -> {
            Matcher m = ADVANCED.matcher(f.name());
            return m.matches() && m.group(1).equals("fields") && FIELD_PARTS.contains(String.valueOf(part(m)));
        });
        FormFields plain = advanced ? advanced(form) : form;
        List<FormFields.Field> kept = plain.fields().stream().filter(f -> !isControlField(f, plain)).toList();
        return kept.size() == form.fields().size() && !advanced ? form : new FormFields(kept, form.files());
    }

    private static FormFields advanced(FormFields form) {
        Map<String, Map<String, String>> fields = new LinkedHashMap<>();
        Map<String, Map<String, String>> meta = new LinkedHashMap<>();
        Map<String, String> formInfo = new LinkedHashMap<>();
        List<FormFields.Field> others = new ArrayList<>();
        for (FormFields.Field f : form.fields()) {
            Matcher m = ADVANCED.matcher(f.name());
            String key = m.matches() ? (m.group(2) != null ? m.group(2) : m.group(3)) : null;
            String part = key == null ? null : part(m);
            if (key == null || (m.group(1).equals("form") ? part != null || !FORM_KEYS.contains(key) : part == null)) {
                others.add(f);
                continue;
            }
            switch (m.group(1)) {
                case "form" -> formInfo.putIfAbsent(key, f.value());
                case "fields" -> fields.computeIfAbsent(key, k -> new LinkedHashMap<>()).putIfAbsent(part, f.value());
                default -> meta.computeIfAbsent(key, k -> new LinkedHashMap<>()).putIfAbsent(part, f.value());
            }
        }
        List<FormFields.Field> out = new ArrayList<>();
        fields.forEach((id, attrs) -> {
            String value = attrs.get("value") != null ? attrs.get("value") : attrs.get("raw_value");
            out.add(new FormFields.Field(fieldName(id, attrs), value == null ? "" : value));
        });
        META.forEach(key -> {
            Map<String, String> entry = meta.get(key);
            if (entry != null && entry.get("value") != null) {
                out.add(new FormFields.Field(key.equals("page_url") ? "landing_page" : key, entry.get("value")));
            }
        });
        if (formInfo.get("name") != null) {
            out.add(new FormFields.Field("form_name", formInfo.get("name")));
        }
        if (formInfo.get("id") != null) {
            out.add(new FormFields.Field("form_id", formInfo.get("id")));
        }
        out.addAll(others);
        return new FormFields(out, form.files());
    }

    /**
     * The name a field gets: its title when that is a field name {@link FormField} knows, else its id when that
     * is, else its title (its id when it has none). A field of type {@code honeypot} is named {@code honeypot}.
     */
    private static String fieldName(String id, Map<String, String> attrs) {
        if ("honeypot".equals(attrs.get("type"))) {
            return "honeypot";
        }
        String title = attrs.get("title") == null || attrs.get("title").isBlank() ? null : attrs.get("title").strip();
        String fieldId = attrs.get("id") == null || attrs.get("id").isBlank() ? id : attrs.get("id");
        if (title != null && FormField.recognise(title).isPresent()) {
            return title;
        }
        if (FormField.recognise(fieldId).isPresent()) {
            return fieldId;
        }
        return title != null ? title : fieldId;
    }

    /** Contact Form 7's hidden inputs and Elementor's "Powered by: Elementor" line are no data. */
    private static boolean isControlField(FormFields.Field f, FormFields form) {
        String name = f.name().strip().toLowerCase(Locale.ROOT);
        return name.startsWith("_wpcf7") || (name.equals("powered by") && form.first("form_id").isPresent());
    }

    private static String part(Matcher m) {
        return m.group(4) != null ? m.group(4) : m.group(5);
    }
}
