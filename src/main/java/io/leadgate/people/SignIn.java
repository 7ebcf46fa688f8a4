package io.leadgate.people;

import io.leadgate.config.LeadgateConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;

/**
 * Checks a username and password. Wrong passwords are counted in the database; after
 * {@code leadgate.console.max-failed-logins} in a row the account is locked for {@code leadgate.console.lockout},
 * on every replica. A locked, inactive or unknown account answers like a wrong password.
 */
@ApplicationScoped
public class SignIn {

    /** The outcome of one attempt. */
    public enum Outcome { SIGNED_IN, WRONG, LOCKED }

    /** An attempt's outcome and, when signed in, the user. */
    public record Attempt(Outcome outcome, User user) {
    }

    /** Compared against when the user is unknown, so the answer takes as long as for a known one. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("leadgate-no-such-user");

    private final LeadgateConfig config;

    SignIn(LeadgateConfig config) {
        this.config = config;
    }

    @Transactional
    public Attempt attempt(String username, char[] password) {
        Instant now = Instant.now();
        String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        User u = name.isEmpty() ? null : User.findById(name, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        String pw = new String(password);
        if (u == null || !u.active || u.passwordHash == null) {
            BcryptUtil.matches(pw, DUMMY_HASH);
            return new Attempt(Outcome.WRONG, null);
        }
        if (u.lockedUntil != null && u.lockedUntil.isAfter(now)) {
            return new Attempt(Outcome.LOCKED, null);
        }
        if (BcryptUtil.matches(pw, u.passwordHash)) {
            u.failedLogins = 0;
            u.lockedUntil = null;
            return new Attempt(Outcome.SIGNED_IN, u);
        }
        u.failedLogins++;
        if (u.failedLogins >= config.console().maxFailedLogins()) {
            u.lockedUntil = now.plus(config.console().lockout());
            u.failedLogins = 0;
            return new Attempt(Outcome.LOCKED, null);
        }
        return new Attempt(Outcome.WRONG, null);
    }

    /** The active user behind a session cookie, looked up on each request so deactivation takes effect at once. */
    @Transactional
    public Optional<User> active(String username) {
        User u = username == null ? null : User.findById(username);
        return u == null || !u.active ? Optional.empty() : Optional.of(u);
    }
}
