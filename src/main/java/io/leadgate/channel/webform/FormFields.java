package io.leadgate.channel.webform;

import io.leadgate.inquiry.Attachment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fields of a submitted form in the order they came, with the files that came with them. */
public record FormFields(List<Field> fields, List<Attachment> files) {

    public record Field(String name, String value) {
    }

    public FormFields {
        fields = List.copyOf(fields);
        files = List.copyOf(files);
    }

    public static FormFields of(Map<String, List<String>> multiMap) {
        List<Field> out = new ArrayList<>();
        multiMap.forEach((k, values) -> values.forEach(v -> out.add(new Field(k, v))));
        return new FormFields(out, List.of());
    }

    /** The first non-blank value of a field, names compared case-insensitively. */
    public Optional<String> first(String name) {
        return fields.stream().filter(f -> f.name().equalsIgnoreCase(name) && f.value() != null && !f.value().isBlank())
                .map(Field::value).findFirst();
    }

    /** Field name → first value; for attribution lookups. */
    public Map<String, String> firstValues() {
        Map<String, String> out = new LinkedHashMap<>();
        fields.forEach(f -> out.putIfAbsent(f.name(), f.value()));
        return out;
    }

    public FormFields without(String name) {
        return new FormFields(fields.stream().filter(f -> !f.name().equalsIgnoreCase(name)).toList(), files);
    }
}
