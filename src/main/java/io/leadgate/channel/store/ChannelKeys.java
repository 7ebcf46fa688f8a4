package io.leadgate.channel.store;

import io.leadgate.channel.Secrets;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AES-256-GCM over the secret settings of a stored channel. A key's id is the first 8 hex digits of its SHA-256, so a
 * row names the key that sealed it without any naming scheme; the channel id is the associated data, so a sealed
 * value cannot be moved to another row. Immutable and thread-safe.
 */
public final class ChannelKeys {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A sealed value and the id of the key that sealed it. */
    public record Sealed(String keyId, String value) {
    }

    /** The value cannot be opened: its key is not configured, or it was changed. Never carries the value. */
    public static final class UnreadableException extends RuntimeException {
        UnreadableException(String message) {
            super(message);
        }
    }

    private final String currentId; // null: no current key
    private final Map<String, SecretKeySpec> keys; // current first
    private final String problem; // why the configuration is unusable, or null

    private ChannelKeys(String currentId, Map<String, SecretKeySpec> keys, String problem) {
        this.currentId = currentId;
        this.keys = keys;
        this.problem = problem;
    }

    /**
     * Reads the configured keys. A malformed key is not fatal: no key is then usable and {@link #problem()} says why
     * (writes of secrets are refused, rows stay sealed), so start-up goes on.
     */
    public static ChannelKeys of(Optional<String> current, List<String> old) {
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        String currentId = null;
        try {
            if (current.isPresent() && !current.get().isBlank()) {
                SecretKeySpec key = key(current.get(), "leadgate.channel.key");
                currentId = id(key);
                keys.put(currentId, key);
            }
            for (String s : old) {
                if (!s.isBlank()) {
                    SecretKeySpec key = key(s, "leadgate.channel.old-keys");
                    keys.putIfAbsent(id(key), key);
                }
            }
        } catch (IllegalArgumentException e) {
            return new ChannelKeys(null, Map.of(), e.getMessage());
        }
        return new ChannelKeys(currentId, Map.copyOf(keys), null);
    }

    /** A fresh random key, base64 (for the documentation's key generation and for tests). */
    public static String generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** The current key's id, when one is configured and usable. */
    public Optional<String> currentId() {
        return Optional.ofNullable(currentId);
    }

    /** Why the configured keys cannot be used, when they cannot. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** Seals {@code plain} under the current key, bound to {@code channelId}. */
    public Sealed seal(String channelId, String plain) {
        if (currentId == null) {
            throw new IllegalStateException("no channel key configured");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(currentId), nonce, channelId);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return new Sealed(currentId, Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** Opens a value sealed under {@code keyId} for {@code channelId}. */
    public String open(String channelId, Sealed sealed) {
        SecretKeySpec key = keys.get(sealed.keyId());
        if (key == null) {
            throw new UnreadableException("its secrets are sealed under key " + sealed.keyId()
                    + ", which is neither leadgate.channel.key nor one of leadgate.channel.old-keys"
                    + (problem == null ? "" : " (" + problem + ")"));
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(sealed.value());
        } catch (IllegalArgumentException e) {
            throw new UnreadableException("its sealed secrets are not base64");
        }
        if (all.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new UnreadableException("its sealed secrets are cut short");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, java.util.Arrays.copyOf(all, NONCE_BYTES), channelId);
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new UnreadableException("its sealed secrets fail the integrity check (changed, or moved from another row)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private static Cipher cipher(int mode, SecretKeySpec key, byte[] nonce, String channelId)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(channelId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static SecretKeySpec key(String base64, String name) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException(name + " must be 32 bytes (base64 of 32 random bytes), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static String id(SecretKeySpec key) {
        return Secrets.hex(Secrets.sha256(key.getEncoded())).substring(0, 8);
    }
}
