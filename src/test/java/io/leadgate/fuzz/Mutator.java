package io.leadgate.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** A seeded byte-level mutator for provider payloads: flips, splices, structural bytes, deep nesting, bad UTF-8. */
final class Mutator {

    static final int MAX_BODY = 64 * 1024;
    private static final byte[] INTERESTING = "\"{}[],:\\%&=;\n\r\t\0<>/+-.eE0123456789".getBytes(StandardCharsets.ISO_8859_1);
    private static final List<byte[]> TOKENS = List.of(bytes("null"), bytes("true"), bytes("-1"), bytes("1e999999"),
            bytes("99999999999999999999999999"), bytes("\"\""), bytes("{}"), bytes("[]"), bytes("%"), bytes("%zz"),
            bytes("%C0%AF"), bytes("=&="), bytes("\\u0000"), bytes("\\ud800"), new byte[] {(byte) 0xC3},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xFF, (byte) 0xFE},
            bytes("--boundary\r\n"), bytes("Content-Type: multipart/mixed; boundary=\"x\"\r\n\r\n--x\r\n"),
            bytes("=?utf-8?B?AAAA?="), bytes("=?koi8-r?Q?=FF=FE?="), bytes("\r\n\r\n"), bytes("+79161234567"),
            bytes("a@b"), bytes("<script>alert(1)</script>"), bytes("../../etc/passwd"));

    private final Random random;

    Mutator(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    /** One to four mutations of a seed, spliced with another seed now and then; at most {@link #MAX_BODY} bytes. */
    byte[] mutate(byte[] seed, byte[] other) {
        byte[] data = seed;
        int rounds = 1 + random.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            data = once(data, other);
        }
        return data.length <= MAX_BODY ? data : java.util.Arrays.copyOf(data, MAX_BODY);
    }

    private byte[] once(byte[] data, byte[] other) {
        int n = data.length;
        switch (random.nextInt(11)) {
            case 0: { // flip a bit
                if (n == 0) {
                    return data;
                }
                byte[] out = data.clone();
                out[random.nextInt(n)] ^= (byte) (1 << random.nextInt(8));
                return out;
            }
            case 1: { // an interesting byte
                if (n == 0) {
                    return new byte[] {INTERESTING[random.nextInt(INTERESTING.length)]};
                }
                byte[] out = data.clone();
                out[random.nextInt(n)] = INTERESTING[random.nextInt(INTERESTING.length)];
                return out;
            }
            case 2: // insert a token
                return insert(data, random.nextInt(n + 1), TOKENS.get(random.nextInt(TOKENS.size())));
            case 3: { // delete a range
                if (n == 0) {
                    return data;
                }
                int from = random.nextInt(n);
                int to = Math.min(n, from + 1 + random.nextInt(Math.max(1, n / 4)));
                return concat(slice(data, 0, from), slice(data, to, n));
            }
            case 4: { // duplicate a range
                if (n == 0) {
                    return data;
                }
                int from = random.nextInt(n);
                int to = Math.min(n, from + 1 + random.nextInt(Math.max(1, Math.min(n, 512))));
                return insert(data, to, slice(data, from, to));
            }
            case 5: // truncate
                return slice(data, 0, n == 0 ? 0 : random.nextInt(n));
            case 6: { // splice with another seed
                int cut = random.nextInt(n + 1);
                int otherCut = random.nextInt(other.length + 1);
                return concat(slice(data, 0, cut), slice(other, otherCut, other.length));
            }
            case 7: { // deep nesting
                int depth = 500 + random.nextInt(3000);
                byte open = (byte) (random.nextBoolean() ? '[' : '{');
                byte[] nest = new byte[depth];
                java.util.Arrays.fill(nest, open);
                return insert(data, random.nextInt(n + 1), nest);
            }
            case 8: { // random bytes
                byte[] noise = new byte[1 + random.nextInt(64)];
                random.nextBytes(noise);
                return insert(data, random.nextInt(n + 1), noise);
            }
            case 9: { // replace a digit run with an extreme number
                String text = new String(data, StandardCharsets.ISO_8859_1);
                return text.replaceFirst("\\d+", random.nextBoolean() ? "-9223372036854775809" : "1" + "0".repeat(400))
                        .getBytes(StandardCharsets.ISO_8859_1);
            }
            default: { // a long run of one character
                byte[] run = new byte[1000 + random.nextInt(20_000)];
                java.util.Arrays.fill(run, INTERESTING[random.nextInt(INTERESTING.length)]);
                return insert(data, random.nextInt(n + 1), run);
            }
        }
    }

    /** A header value: usually plausible, sometimes garbage. */
    String headerValue(String plausible) {
        return switch (random.nextInt(5)) {
            case 0 -> "";
            case 1 -> plausible + "x";
            case 2 -> new String(mutate(bytes(plausible), bytes("sha256=00")), StandardCharsets.ISO_8859_1)
                    .replaceAll("[\\r\\n]", "");
            case 3 -> "sha256=" + "f".repeat(random.nextInt(80));
            default -> plausible;
        };
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] slice(byte[] data, int from, int to) {
        return java.util.Arrays.copyOfRange(data, from, to);
    }

    private static byte[] insert(byte[] data, int at, byte[] piece) {
        return concat(concat(slice(data, 0, at), piece), slice(data, at, data.length));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
