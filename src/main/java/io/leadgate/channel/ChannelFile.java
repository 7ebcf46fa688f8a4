package io.leadgate.channel;

import java.nio.file.Path;

/** What one channel file of the directory gave: a usable definition, or the reason it cannot be used. */
public sealed interface ChannelFile {

    Path file();

    /** The channel id the file declares, or its file name without extension when it declares none usable. */
    String id();

    record Valid(Path file, ChannelDefinition definition) implements ChannelFile {
        @Override
        public String id() {
            return definition.id();
        }
    }

    /**
     * @param provider as written in the file (may be unknown), null when absent
     * @param enabled  as written in the file, true when absent or unreadable
     * @param error    names the file and the key; never a setting's value
     */
    record Invalid(Path file, String id, String provider, boolean enabled, ChannelFileException error)
            implements ChannelFile {
    }
}
