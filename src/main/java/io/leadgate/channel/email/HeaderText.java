package io.leadgate.channel.email;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Header values as Jakarta Mail keeps them (one char per raw byte) turned into text: folding removed, raw 8-bit
 * bytes read as UTF-8 first (RFC 6532) and else in a fallback charset, then RFC 2047 encoded words decoded leniently:
 * inside words, across folded lines, with adjacent words of one charset joined before decoding (so a character split
 * between two words survives), unknown charsets read best-effort, broken base64 padding tolerated.
 */
final class HeaderText {

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]{1,40})\\?([BbQq])\\?([^?]*?)\\?=");
    private static final Pattern FOLD = Pattern.compile("\\r?\\n(?=[ \\t])|\\r\\n?|\\n");
    private static final Pattern CONTROLS = Pattern.compile("[\\p{Cc}\\uFFFD&&[^\\t]]");

    private HeaderText() {
    }

    /** The decoded, unfolded and trimmed text of an unstructured header (Subject, a display name), or null. */
    static String decode(String raw, Charset fallback) {
        if (raw == null) {
            return null;
        }
        return clean(decodeWords(bytesToText(unfold(raw), fallback)));
    }

    /** Line breaks and tabs as spaces, other control characters and U+FFFD dropped, trimmed; null when empty. */
    static String clean(String text) {
        String t = CONTROLS.matcher(text.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ')).replaceAll("").strip();
        return t.isEmpty() ? null : t;
    }

    static String unfold(String raw) {
        return FOLD.matcher(raw).replaceAll("");
    }

    /**
     * Reads chars that stand for raw bytes: valid UTF-8 as UTF-8; mostly-UTF-8 with a few broken bytes still as UTF-8
     * (the broken bytes dropped later); anything else in {@code fallback}. Strings already holding chars beyond
     * U+00FF are returned as they are.
     */
    static String bytesToText(String latin1, Charset fallback) {
        boolean eightBit = false;
        for (int i = 0; i < latin1.length(); i++) {
            char c = latin1.charAt(i);
            if (c > 0xFF) {
                return latin1;
            }
            eightBit |= c >= 0x80;
        }
        if (!eightBit) {
            return latin1;
        }
        byte[] bytes = latin1.getBytes(StandardCharsets.ISO_8859_1);
        return MailCharsets.strictUtf8(bytes).orElseGet(() ->
                mostlyUtf8(bytes) ? new String(bytes, StandardCharsets.UTF_8) : new String(bytes, fallback));
    }

    /** True when valid multi-byte UTF-8 sequences are at least as many as the bytes that break the encoding. */
    private static boolean mostlyUtf8(byte[] b) {
        int valid = 0;
        int invalid = 0;
        int i = 0;
        while (i < b.length) {
            int lead = b[i] & 0xFF;
            int len = lead < 0x80 ? 1 : lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
                    : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
            boolean ok = len > 0 && i + len <= b.length;
            for (int k = 1; ok && k < len; k++) {
                ok = (b[i + k] & 0xC0) == 0x80;
            }
            if (len == 1) {
                i++;
            } else if (ok) {
                valid++;
                i += len;
            } else {
                invalid++;
                i++;
            }
        }
        return valid > 0 && valid >= invalid;
    }

    /** Decodes RFC 2047 encoded words wherever they stand; white space between two encoded words is dropped. */
    static String decodeWords(String text) {
        if (!text.contains("=?")) {
            return text;
        }
        Matcher m = ENCODED_WORD.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        String pendingCharset = null;
        int last = 0;
        while (m.find()) {
            String between = text.substring(last, m.start());
            String charset = m.group(1);
            int star = charset.indexOf('*'); // RFC 2231 language suffix
            charset = star > 0 ? charset.substring(0, star) : charset;
            boolean adjacent = pendingCharset != null && between.isBlank();
            if (!adjacent || !charset.equalsIgnoreCase(pendingCharset)) {
                flush(out, pending, pendingCharset);
                pendingCharset = null;
                if (!adjacent) {
                    out.append(between);
                }
            }
            byte[] bytes = m.group(2).equalsIgnoreCase("B") ? TransferDecoding.base64(m.group(3))
                    : TransferDecoding.qEncoding(m.group(3));
            pending.writeBytes(bytes);
            pendingCharset = charset;
            last = m.end();
        }
        flush(out, pending, pendingCharset);
        return out.append(text, last, text.length()).toString();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
        if (charset == null) {
            return;
        }
        byte[] bytes = pending.toByteArray();
        pending.reset();
        out.append(MailCharsets.lookup(charset).map(cs -> new String(bytes, cs))
                .orElseGet(() -> MailCharsets.decodeUnlabelled(bytes, StandardCharsets.ISO_8859_1)));
    }
}
