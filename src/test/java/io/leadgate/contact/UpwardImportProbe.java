package io.leadgate.contact;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.delivery.Outbox;

/**
 * Not used by anything: a class in {@code contact} that imports upward ({@code delivery}) and the channel SPI, the
 * two kinds of import #22 removed. {@code LayeringTest} checks its rules against it to prove they fail on such a
 * class; the real check leaves test classes out.
 */
final class UpwardImportProbe {

    private UpwardImportProbe() {
    }

    static String describe(Outbox outbox, ChannelDefinition channel) {
        return outbox + " " + channel.id();
    }
}
