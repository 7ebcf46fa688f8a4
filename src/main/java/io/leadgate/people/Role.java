package io.leadgate.people;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What a console user may do: admins everything, managers the inbox, contacts, leads and deals. */
public enum Role {
    ADMIN, MANAGER;

    /** Security role names, as {@code @RolesAllowed} declares them. */
    public static final String ADMIN_ROLE = "admin";
    public static final String MANAGER_ROLE = "manager";

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The security roles a user of this role holds: an admin is also a manager. */
    public Set<String> grants() {
        return this == ADMIN ? Set.of(ADMIN_ROLE, MANAGER_ROLE) : Set.of(MANAGER_ROLE);
    }

    public static Optional<Role> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return switch (code.strip().toLowerCase(Locale.ROOT)) {
            case ADMIN_ROLE -> Optional.of(ADMIN);
            case MANAGER_ROLE -> Optional.of(MANAGER);
            default -> Optional.empty();
        };
    }
}
