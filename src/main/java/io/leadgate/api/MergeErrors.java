package io.leadgate.api;

import io.leadgate.contact.MergeException;

import java.util.function.Supplier;

/** Merge refusals as API answers: 404 unknown, 400 a contact into itself, 409 otherwise. */
final class MergeErrors {

    private MergeErrors() {
    }

    static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (MergeException e) {
            throw switch (e.reason()) {
                case NOT_FOUND -> ApiError.notFound(e.getMessage());
                case SAME_CONTACT -> ApiError.badRequest(e.getMessage());
                default -> new ApiError(409, e.getMessage());
            };
        }
    }
}
