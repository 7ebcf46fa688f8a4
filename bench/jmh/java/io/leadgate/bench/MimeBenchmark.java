package io.leadgate.bench;

import io.leadgate.channel.email.EmailMapper;
import io.leadgate.channel.email.EmailParser;
import io.leadgate.channel.email.ParsedMail;
import io.leadgate.inquiry.Inquiry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Raw e-mail parsing over the shared corpus (bench/mime.sh): each operation is one message, taken in turn from every
 * {@code *.eml} under {@code -Dcorpus.dir} (default {@code ../shared/conformance/email}), so ops/s = messages/s.
 * {@code inquiry}: bytes to the normalised inquiry, as the raw-email adapter does; {@code parse}: bytes to the parsed
 * mail only (MIME tree, headers, decoded bodies, reply trimming, phone search).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
public class MimeBenchmark {

    private byte[][] corpus;
    private int next;
    private final EmailMapper.Options options = new EmailMapper.Options("email", "RU", false, false,
            EmailMapper.Options.DEFAULT_MAX_ATTACHMENT_BYTES);

    @Setup
    public void load() throws IOException {
        Path dir = Path.of(System.getProperty("corpus.dir", "../shared/conformance/email"));
        try (Stream<Path> files = Files.list(dir)) {
            corpus = files.filter(p -> p.toString().endsWith(".eml")).sorted().map(MimeBenchmark::read)
                    .toArray(byte[][]::new);
        }
        if (corpus.length == 0) {
            throw new IllegalStateException("no .eml files in " + dir.toAbsolutePath());
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] nextMessage() {
        byte[] m = corpus[next];
        next = next + 1 == corpus.length ? 0 : next + 1;
        return m;
    }

    @Benchmark
    public Inquiry inquiry() {
        return EmailMapper.map(EmailParser.parse(nextMessage(), "RU"), options);
    }

    @Benchmark
    public ParsedMail parse() {
        return EmailParser.parse(nextMessage(), "RU");
    }
}
