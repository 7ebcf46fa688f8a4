package io.leadgate.api;

import io.leadgate.channel.Secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The accepted API keys, held only as SHA-256 digests, each with a scope. Plain keys ({@code leadgate.api.keys})
 * have every scope; hashed keys ({@code leadgate.api.hashed-keys}) are written {@code sha256:<hex>:<scope>}.
 * A presented key is compared with every digest in constant time.
 */
public final class ApiKeyring {

    /** What a key may do: {@code read} for GET, {@code admin} for everything. */
    public enum Scope {
        READ, ADMIN;

        boolean covers(Scope wanted) {
            return this == ADMIN || wanted == READ;
        }

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The outcome of checking a presented key against a wanted scope. */
    public enum Check { ALLOWED, UNKNOWN_KEY, WRONG_SCOPE }

    private record Entry(byte[] digest, Scope scope) {
    }

    private final List<Entry> entries;

    private ApiKeyring(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * @throws IllegalArgumentException naming the position of a malformed hashed key (never its value)
     */
    public static ApiKeyring of(List<String> plainKeys, List<String> hashedKeys) {
        List<Entry> entries = new ArrayList<>();
        for (String key : plainKeys) {
            String k = key.strip();
            if (!k.isEmpty()) {
                entries.add(new Entry(Secrets.sha256(k.getBytes(StandardCharsets.UTF_8)), Scope.ADMIN));
            }
        }
        for (int i = 0; i < hashedKeys.size(); i++) {
            String entry = hashedKeys.get(i).strip();
            if (entry.isEmpty()) {
                continue;
            }
            String[] parts = entry.split(":", -1);
            if (parts.length != 3 || !parts[0].equals("sha256") || !parts[1].matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("leadgate.api.hashed-keys entry " + (i + 1)
                        + " must be sha256:<64 hex digits>:<read|admin>");
            }
            Scope scope;
            try {
                scope = Scope.valueOf(parts[2].strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("leadgate.api.hashed-keys entry " + (i + 1)
                        + " has an unknown scope; use read or admin");
            }
            entries.add(new Entry(HexFormat.of().parseHex(parts[1].toLowerCase(Locale.ROOT)), scope));
        }
        return new ApiKeyring(entries);
    }

    /**
     * The scope a request needs: GET, HEAD and OPTIONS read, anything else administers; a personal-data export and
     * the settings change log (who changed what) administer.
     */
    public static Scope required(String method, String path) {
        boolean reading = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        return reading && !path.endsWith("/export") && !path.startsWith("/api/settings/") ? Scope.READ : Scope.ADMIN;
    }

    /** Checks a presented key; every digest is compared, so the time does not depend on which one matches. */
    public Check check(String presentedKey, Scope wanted) {
        if (presentedKey == null) {
            return Check.UNKNOWN_KEY;
        }
        byte[] digest = Secrets.sha256(presentedKey.getBytes(StandardCharsets.UTF_8));
        boolean known = false;
        boolean allowed = false;
        for (Entry entry : entries) {
            boolean match = MessageDigest.isEqual(entry.digest(), digest);
            known |= match;
            allowed |= match && entry.scope().covers(wanted);
        }
        return allowed ? Check.ALLOWED : known ? Check.WRONG_SCOPE : Check.UNKNOWN_KEY;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The digest form of a key, for {@code leadgate.api.hashed-keys}. */
    public static String hash(String key, Scope scope) {
        return "sha256:" + Secrets.hex(Secrets.sha256(key.getBytes(StandardCharsets.UTF_8))) + ":" + scope.code();
    }
}
