package io.leadgate.channel.email;

import io.leadgate.testing.Conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Micro-benchmark: parses every conformance .eml N times (default 2000 rounds after 200 warm-up rounds) and prints
 * messages per second, for comparison with Python's email package. No asserts.
 * Run: {@code java -Dleadgate.shared.dir=../shared -cp <test+main+deps> io.leadgate.channel.email.EmailParseBench [rounds]}
 */
public final class EmailParseBench {

    private EmailParseBench() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        boolean map = args.length > 1 && args[1].equals("map");
        List<byte[]> mails = new ArrayList<>();
        long bytes = 0;
        for (Path p : Conformance.files("email", ".eml")) {
            byte[] raw = Files.readAllBytes(p);
            mails.add(raw);
            bytes += raw.length;
        }
        EmailMapper.Options options = new EmailMapper.Options("email", "RU", false);
        long sink = run(mails, Math.max(1, rounds / 10), map, options);
        long start = System.nanoTime();
        sink += run(mails, rounds, map, options);
        double seconds = (System.nanoTime() - start) / 1e9;
        long messages = (long) rounds * mails.size();
        System.out.printf("%d messages (%d files x %d rounds, %.1f KB per round)%s in %.2f s: %.0f messages/s, %.1f MB/s"
                        + " [%d]%n", messages, mails.size(), rounds, bytes / 1024.0, map ? " parsed+mapped" : " parsed",
                seconds, messages / seconds, bytes * (double) rounds / seconds / 1e6, sink % 10);
    }

    private static long run(List<byte[]> mails, int rounds, boolean map, EmailMapper.Options options) {
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            for (byte[] raw : mails) {
                ParsedMail m = EmailParser.parse(raw, "RU");
                sink += map ? EmailMapper.map(m, options).attachments().size() : m.attachments().size();
            }
        }
        return sink;
    }
}
