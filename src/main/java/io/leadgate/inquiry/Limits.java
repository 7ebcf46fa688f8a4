package io.leadgate.inquiry;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Bounds on normalised values, so that any value of any provider fits where it is stored. Free text is clipped with
 * {@link #CLIP_MARKER}; an over-long identifier keeps a readable prefix and a SHA-256 digest of the whole value, so
 * equal values stay equal (idempotency keys, thread look-ups, identity matching) and different ones stay different.
 * Every function is idempotent: a bounded value passes through unchanged. Pure.
 */
public final class Limits {

    /** Appended to clipped free text. */
    public static final String CLIP_MARKER = "…[clipped]";
    /** Longest identifier kept as it is (external ids, Message-IDs, emails, handles, call ids, raw numbers). */
    public static final int IDENTIFIER = 200;
    /** Longest contact or company name. */
    public static final int NAME = 200;
    /** Longest subject. */
    public static final int SUBJECT = 500;
    /** Longest message text. */
    public static final int TEXT = 100_000;
    /** Longest short code (call events, content types). */
    public static final int CODE = 64;
    /** Longest content type. */
    public static final int CONTENT_TYPE = 255;
    /** Most message ids kept in a References or In-Reply-To list. */
    public static final int THREAD_IDS = 20;

    private static final String DIGEST_MARK = "~sha256:";
    private static final int DIGEST_HEX = 64;
    private static final int PREFIX = IDENTIFIER - DIGEST_MARK.length() - DIGEST_HEX;

    private Limits() {
    }

    /** {@code text} cut to at most {@code max} characters (code points), ending in {@link #CLIP_MARKER} when cut. */
    public static String clip(String text, int max) {
        if (text == null || text.length() <= max || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        int keep = Math.max(0, max - CLIP_MARKER.length());
        return text.substring(0, text.offsetByCodePoints(0, keep)) + CLIP_MARKER;
    }

    /**
     * An identifier of at most {@link #IDENTIFIER} characters: as it is when it fits, else its first characters,
     * {@code ~sha256:} and the hex SHA-256 of the whole value's UTF-8 bytes.
     */
    public static String identifier(String id) {
        if (id == null || id.codePointCount(0, id.length()) <= IDENTIFIER) {
            return id;
        }
        return id.substring(0, id.offsetByCodePoints(0, PREFIX)) + DIGEST_MARK + sha256(id);
    }

    /** Each identifier of the list bounded, at most {@code max} of them: the first and the {@code max - 1} last. */
    public static List<String> identifiers(List<String> ids, int max) {
        if (ids == null) {
            return List.of();
        }
        List<String> kept = ids.size() <= max ? ids : keepEnds(ids, max);
        List<String> out = new ArrayList<>(kept.size());
        for (String id : kept) {
            out.add(identifier(id));
        }
        return out;
    }

    /** Each identifier of the list bounded; the list stays whole (phones and emails of one inquiry). */
    public static List<String> identifiers(List<String> ids) {
        return identifiers(ids, Integer.MAX_VALUE);
    }

    /** The root (first) id and the most recent ones: what thread matching needs from a long References header. */
    private static List<String> keepEnds(List<String> ids, int max) {
        List<String> kept = new ArrayList<>(max);
        kept.add(ids.get(0));
        kept.addAll(ids.subList(ids.size() - (max - 1), ids.size()));
        return kept;
    }

    private static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
