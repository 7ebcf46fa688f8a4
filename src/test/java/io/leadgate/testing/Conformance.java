package io.leadgate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The third-party samples in {@code ../shared/conformance}, read by golden tests. */
public final class Conformance {

    private Conformance() {
    }

    /** The conformance folder: {@code -Dshared.dir} (set by the build) or {@code ../shared}. */
    public static Path dir() {
        return Path.of(System.getProperty("shared.dir", "../shared")).resolve("conformance");
    }

    public static Path file(String relative) {
        Path p = dir().resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("conformance sample missing: " + p.toAbsolutePath());
        }
        return p;
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(file(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files of one folder, sorted by name. */
    public static List<Path> files(String folder, String suffix) {
        try (Stream<Path> s = Files.list(dir().resolve(folder))) {
            return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
