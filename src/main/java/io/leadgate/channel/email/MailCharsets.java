package io.leadgate.channel.email;

import io.leadgate.channel.Charsets;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decoding mail text that never fails (charset labels are read by {@link Charsets}):
 * an unknown or missing charset falls back to UTF-8 when the bytes are valid UTF-8, else to ISO-8859-1 (every byte
 * kept).
 */
final class MailCharsets {

    private MailCharsets() {
    }

    /** The Java charset for a label written in a mail: {@link Charsets#lookup(String)}. */
    static Optional<Charset> lookup(String label) {
        return Charsets.lookup(label);
    }

    /**
     * Decodes text in its declared charset, replacing what does not decode. Without a usable charset (or with
     * US-ASCII over 8-bit bytes) the bytes are read as UTF-8 when valid, else as ISO-8859-1.
     */
    static String decode(byte[] bytes, String label) {
        Optional<Charset> declared = lookup(label);
        if (declared.isPresent() && !(declared.get().equals(StandardCharsets.US_ASCII) && !isAscii(bytes))) {
            return new String(bytes, declared.get());
        }
        return decodeUnlabelled(bytes, StandardCharsets.ISO_8859_1);
    }

    /** UTF-8 when the bytes are valid UTF-8, else {@code fallback}. */
    static String decodeUnlabelled(byte[] bytes, Charset fallback) {
        if (isAscii(bytes)) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        return strictUtf8(bytes).orElseGet(() -> new String(bytes, fallback));
    }

    static Optional<String> strictUtf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
