package io.leadgate.people;

import java.time.Instant;

/** A user as the API and console show it: never the password hash. */
public record UserView(String username, String displayName, String role, boolean active, boolean hasPassword,
                       boolean locked, Instant createdAt, String updatedBy) {

    public static UserView of(User u, Instant now) {
        return new UserView(u.username, u.shownName(), u.role.code(), u.active, u.passwordHash != null,
                u.lockedUntil != null && u.lockedUntil.isAfter(now), u.createdAt, u.updatedBy);
    }
}
