package io.leadgate.channel;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The channel SPI and its providers sit beside the domain: they never import the layers that use them. */
class ChannelLayeringTest {

    private static final Pattern UPWARD = Pattern.compile(
            "^import (static )?io\\.leadgate\\.(intake|contact|lead|pipeline|delivery|api|console)\\.", Pattern.MULTILINE);

    @Test
    void channelNeverImportsIntakeOrTheDomain() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/leadgate/channel"))) {
            List<String> offenders = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    return UPWARD.matcher(Files.readString(f)).find();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Path::toString).sorted().toList();
            assertEquals(List.of(), offenders);
        }
    }
}
