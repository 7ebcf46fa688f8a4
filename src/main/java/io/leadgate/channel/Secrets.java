package io.leadgate.channel;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/** Constant-time comparisons and the HMACs providers sign with. */
public final class Secrets {

    private Secrets() {
    }

    /**
     * Compares a configured secret with a sent one (as UTF-8 bytes) in time that does not depend on where they
     * differ. An absent or empty value on either side never matches: a missing secret is a failed check.
     */
    public static boolean constantTimeEquals(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        return constantTimeEquals(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #constantTimeEquals(String, String)} over bytes; null or empty never matches. */
    public static boolean constantTimeEquals(byte[] expected, byte[] actual) {
        if (expected == null || actual == null || expected.length == 0 || actual.length == 0) {
            return false;
        }
        return MessageDigest.isEqual(expected, actual);
    }

    /** The verification of a sent secret against the configured one: {@link #constantTimeEquals(String, String)}. */
    public static Verification verify(java.util.Optional<String> expected, java.util.Optional<String> sent) {
        if (sent.isEmpty()) {
            return Verification.MISSING;
        }
        return constantTimeEquals(expected.orElse(null), sent.get()) ? Verification.VALID : Verification.BAD_SIGNATURE;
    }

    public static byte[] hmac(String algorithm, byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    public static byte[] hmacSha256(String key, byte[] data) {
        return hmac("HmacSHA256", key.getBytes(StandardCharsets.UTF_8), data);
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
