package io.leadgate.channel.email;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Lenient Content-Transfer-Encoding and RFC 2047 word decoders: characters outside the alphabet are skipped, missing
 * base64 padding is tolerated and a stray {@code =} in quoted-printable is kept as it is. Never throws.
 */
final class TransferDecoding {

    private static final int[] BASE64 = new int[128];

    static {
        java.util.Arrays.fill(BASE64, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            BASE64[alphabet.charAt(i)] = i;
        }
        BASE64['-'] = 62; // the URL-safe alphabet, seen in broken encoders
        BASE64['_'] = 63;
    }

    private TransferDecoding() {
    }

    /** Decodes a body by its Content-Transfer-Encoding; unknown encodings (7bit, 8bit, binary, x-…) pass through. */
    static byte[] decode(byte[] raw, String encoding) {
        String e = encoding == null ? "" : encoding.strip().toLowerCase(Locale.ROOT);
        return switch (e) {
            case "base64" -> base64(raw);
            case "quoted-printable" -> quotedPrintable(raw, false);
            default -> raw;
        };
    }

    static byte[] base64(String text) {
        return base64(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    static byte[] base64(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length * 3 / 4 + 3);
        int buffer = 0;
        int bits = 0;
        for (byte b : in) {
            int v = b >= 0 ? BASE64[b] : -1;
            if (v < 0) {
                continue;
            }
            buffer = (buffer << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out.write((buffer >> bits) & 0xFF);
            }
        }
        return out.toByteArray();
    }

    /** The Q encoding of RFC 2047: quoted-printable with {@code _} for a space. */
    static byte[] qEncoding(String text) {
        return quotedPrintable(text.getBytes(StandardCharsets.UTF_8), true);
    }

    static byte[] quotedPrintable(byte[] in, boolean underscoreIsSpace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '_' && underscoreIsSpace) {
                out.write(' ');
            } else if (b != '=') {
                out.write(b);
            } else if (i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                out.write(hex(in[i + 1]) << 4 | hex(in[i + 2]));
                i += 2;
            } else {
                int j = i + 1;
                while (j < in.length && (in[j] == ' ' || in[j] == '\t')) {
                    j++;
                }
                if (j < in.length && (in[j] == '\r' || in[j] == '\n')) { // soft line break
                    i = in[j] == '\r' && j + 1 < in.length && in[j + 1] == '\n' ? j + 1 : j;
                } else if (j >= in.length) {
                    i = j;
                } else {
                    out.write('=');
                }
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }
}
