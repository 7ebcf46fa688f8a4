package io.leadgate.api;

import io.quarkus.panache.common.Parameters;

import java.util.ArrayList;
import java.util.List;

/** The optional equality filters of a list endpoint, as a Panache query; absent values add nothing. */
final class Filter {

    private final List<String> where = new ArrayList<>();
    private final Parameters params = new Parameters();

    /** Adds {@code field = value} when the value is present (not null, not blank). */
    Filter eq(String field, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            where.add(field + " = :" + field);
            params.and(field, value);
        }
        return this;
    }

    String query(String orderBy) {
        return (where.isEmpty() ? "" : String.join(" and ", where)) + " order by " + orderBy;
    }

    Parameters params() {
        return params;
    }
}
