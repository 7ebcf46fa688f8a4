package io.leadgate.api;

/** Query parameter parsing with clear 400s (JAX-RS would answer 404 for a bad number). */
final class Params {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private Params() {
    }

    record Page(int limit, int offset) {
    }

    static Page page(String limit, String offset) {
        int l = integer("limit", limit, DEFAULT_LIMIT);
        int o = integer("offset", offset, 0);
        if (l < 1 || l > MAX_LIMIT) {
            throw ApiError.badRequest("limit must be between 1 and " + MAX_LIMIT);
        }
        if (o < 0) {
            throw ApiError.badRequest("offset must not be negative");
        }
        return new Page(l, o);
    }

    static Long id(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must be a numeric id");
        }
    }

    /** A path id; anything that is not one is simply not found. */
    static long pathId(String what, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiError.notFound("no " + what + " " + value);
        }
    }

    private static int integer(String name, String value, int defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must be a whole number");
        }
    }
}
