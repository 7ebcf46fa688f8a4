package io.leadgate.people;

import io.quarkus.security.identity.SecurityIdentity;

/** The signed-in user as the console shows and records it (the actor of every console action). */
public record ConsoleUser(String username, String displayName, boolean admin) {

    /** The security identity attribute holding the display name. */
    public static final String DISPLAY_NAME = "leadgate.displayName";

    public static ConsoleUser of(SecurityIdentity identity) {
        String name = identity.getPrincipal().getName();
        Object shown = identity.getAttribute(DISPLAY_NAME);
        return new ConsoleUser(name, shown == null ? name : shown.toString(), identity.hasRole(Role.ADMIN_ROLE));
    }
}
