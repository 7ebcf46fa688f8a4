package io.leadgate.channel;

import java.nio.file.Path;

/** A channel file that cannot be used; the message names the file and the key. */
public class ChannelFileException extends RuntimeException {

    private final Path file;
    private final String key;

    public ChannelFileException(Path file, String key, String problem) {
        super((ChannelOrigin.of(file) == ChannelOrigin.API ? "channel " + file : "channel file " + file)
                + (key == null ? "" : ", key '" + key + "'") + ": " + problem);
        this.file = file;
        this.key = key;
    }

    public Path file() {
        return file;
    }

    public String key() {
        return key;
    }
}
