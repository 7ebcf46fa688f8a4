package io.leadgate.people;

import io.leadgate.people.UserException.Refusal;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Creates, lists, deactivates and resets console users; passwords are kept only as bcrypt hashes. */
@ApplicationScoped
public class UserService {

    /** Shortest password an admin may set (the configured first admin password is taken as given). */
    public static final int MIN_PASSWORD = 8;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,199}");

    /** A new user: {@code role} is admin or manager (default manager). */
    public record NewUser(String username, String displayName, String role, String password) {
    }

    @Transactional
    public List<UserView> list() {
        Instant now = Instant.now();
        return User.<User>list("order by username").stream().map(u -> UserView.of(u, now)).toList();
    }

    /** Active users, for the manager pickers. */
    @Transactional
    public List<UserView> active() {
        Instant now = Instant.now();
        return User.<User>list("active = true order by username").stream().map(u -> UserView.of(u, now)).toList();
    }

    @Transactional
    public Optional<UserView> find(String username) {
        return Optional.ofNullable(User.<User>findById(username)).map(u -> UserView.of(u, Instant.now()));
    }

    @Transactional
    public UserView create(NewUser n) {
        return create(n, null);
    }

    /** Creates a user, recording {@code actor} (the signed-in admin; null for the API) as who did. */
    @Transactional
    public UserView create(NewUser n, String actor) {
        if (n == null || n.username() == null || !USERNAME.matcher(n.username().strip()).matches()) {
            throw invalid(Refusal.USERNAME_INVALID, "username must be 1 to 200 lower-case letters, digits or . _ @ -");
        }
        String username = n.username().strip();
        Role role = n.role() == null || n.role().isBlank() ? Role.MANAGER
                : Role.parse(n.role()).orElseThrow(() -> invalid(Refusal.USER_ROLE_INVALID, "role must be admin or manager"));
        checkPassword(n.password());
        if (User.findById(username) != null) {
            throw new UserException(UserException.Reason.CONFLICT, Refusal.USER_EXISTS, "user " + username + " exists",
                    username);
        }
        Instant now = Instant.now();
        User u = new User();
        u.username = username;
        u.displayName = blankToNull(n.displayName());
        if (u.displayName != null && u.displayName.length() > 200) {
            throw invalid(Refusal.USER_DISPLAY_NAME_TOO_LONG, "displayName is longer than 200 characters", 200);
        }
        u.role = role;
        u.active = true;
        u.passwordHash = BcryptUtil.bcryptHash(n.password());
        u.createdAt = now;
        u.updatedAt = now;
        u.updatedBy = actor;
        u.persist();
        return UserView.of(u, now);
    }

    /** Deactivates (or re-activates) a user: an inactive user cannot sign in and is skipped by assignment. */
    @Transactional
    public UserView setActive(String username, boolean active) {
        return setActive(username, active, null);
    }

    /** As {@link #setActive(String, boolean)}, recording {@code actor} as who changed the user. */
    @Transactional
    public UserView setActive(String username, boolean active, String actor) {
        User u = require(username);
        if (!active && u.role == Role.ADMIN && User.count("role = ?1 and active = true and username <> ?2",
                Role.ADMIN, u.username) == 0) {
            throw new UserException(UserException.Reason.CONFLICT, Refusal.USER_LAST_ADMIN,
                    "the last active admin cannot be deactivated");
        }
        u.active = active;
        u.updatedAt = Instant.now();
        u.updatedBy = actor;
        return UserView.of(u, u.updatedAt);
    }

    /** Sets a new password and lifts a lock-out. */
    @Transactional
    public UserView resetPassword(String username, String password) {
        return resetPassword(username, password, null);
    }

    /** As {@link #resetPassword(String, String)}, recording {@code actor} as who changed the user. */
    @Transactional
    public UserView resetPassword(String username, String password, String actor) {
        checkPassword(password);
        User u = require(username);
        u.passwordHash = BcryptUtil.bcryptHash(password);
        u.failedLogins = 0;
        u.lockedUntil = null;
        u.updatedAt = Instant.now();
        u.updatedBy = actor;
        return UserView.of(u, u.updatedAt);
    }

    /** Creates {@code admin} with the given password when no administrator exists yet; true when it did. */
    @Transactional
    public boolean ensureFirstAdmin(String password) {
        if (User.count("role", Role.ADMIN) > 0) {
            return false;
        }
        Instant now = Instant.now();
        User existing = User.findById("admin");
        User u = existing == null ? new User() : existing;
        u.username = "admin";
        u.displayName = "Administrator";
        u.role = Role.ADMIN;
        u.active = true;
        u.passwordHash = BcryptUtil.bcryptHash(password);
        u.failedLogins = 0;
        u.lockedUntil = null;
        u.createdAt = existing == null ? now : u.createdAt;
        u.updatedAt = now;
        if (existing == null) {
            u.persist();
        }
        return true;
    }

    private static User require(String username) {
        User u = username == null ? null : User.findById(username.strip());
        if (u == null) {
            throw new UserException(UserException.Reason.NOT_FOUND, Refusal.USER_NOT_FOUND, "no user " + username,
                    username);
        }
        return u;
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 72) {
            throw invalid(Refusal.USER_PASSWORD_LENGTH, "password must be " + MIN_PASSWORD + " to 72 characters",
                    MIN_PASSWORD, 72);
        }
    }

    private static UserException invalid(Refusal refusal, String message, Object... args) {
        return new UserException(UserException.Reason.INVALID, refusal, message, args);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
