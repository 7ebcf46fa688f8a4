package io.leadgate.inquiry;

import java.util.regex.Pattern;

/**
 * Attachment names made safe to show and store: no directories, no control or bidi characters, at most 255
 * characters. Every {@link Attachment} goes through it, whatever the provider.
 */
public final class SafeFileName {

    public static final int MAX_LENGTH = 255;
    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cc}\\uFFFD\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");

    private SafeFileName() {
    }

    public static String clean(String name) {
        if (name == null) {
            return null;
        }
        String s = UNSAFE.matcher(name).replaceAll("");
        s = s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')) + 1);
        s = s.strip().replaceAll("[.\\s]+$", "");
        if (s.isEmpty() || s.equals(".") || s.equals("..")) {
            return null;
        }
        if (s.codePointCount(0, s.length()) <= MAX_LENGTH) {
            return s;
        }
        int dot = s.lastIndexOf('.');
        String ext = dot > 0 && s.length() - dot <= 16 ? s.substring(dot) : "";
        String base = s.substring(0, s.length() - ext.length());
        int keep = MAX_LENGTH - ext.codePointCount(0, ext.length());
        return base.substring(0, base.offsetByCodePoints(0, keep)) + ext;
    }
}
