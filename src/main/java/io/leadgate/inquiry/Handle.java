package io.leadgate.inquiry;

import java.util.Objects;

/** A messenger account: the provider and the user id there, with the user name when one is known. */
public record Handle(String provider, String id, String username) {
    public Handle {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(id, "id");
        id = Limits.identifier(id);
        username = Limits.identifier(username);
    }

    /** The identity key of this handle, {@code provider:id}. */
    public String key() {
        return provider + ":" + id;
    }
}
