package io.leadgate.channel.email.imap;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelFileException;
import io.leadgate.channel.Provider;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a new mailbox takes at its first poll: new mail only, unless {@code backfill} or {@code backfill-days}. */
class ImapSettingsTest {

    @Test
    void aNewMailboxTakesOnlyNewMailByDefault() {
        assertNull(settings(Map.of()).backfill());
        assertNull(settings(Map.of("backfill", "false")).backfill());
    }

    @Test
    void backfillTakesEverythingOrTheLastDays() {
        assertEquals(Duration.ZERO, settings(Map.of("backfill", "true")).backfill());
        assertEquals(Duration.ofDays(30), settings(Map.of("backfill-days", "30")).backfill());
    }

    @Test
    void wrongBackfillSettingsNameTheKey() {
        assertKey("settings.backfill", Map.of("backfill", "some"));
        assertKey("settings.backfill-days", Map.of("backfill-days", "0"));
        assertKey("settings.backfill-days", Map.of("backfill-days", "a week"));
        assertKey("settings.backfill-days", Map.of("backfill", "true", "backfill-days", "7"));
    }

    private static void assertKey(String key, Map<String, Object> extra) {
        ChannelFileException e = assertThrows(ChannelFileException.class, () -> settings(extra));
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }

    private static ImapSettings settings(Map<String, Object> extra) {
        Map<String, Object> s = new HashMap<>(Map.of("host", "imap.example.com", "username", "sales@example.com",
                "password", "secret"));
        s.putAll(extra);
        return ImapSettings.of(new ChannelDefinition("box", Provider.IMAP, true, "RU", "box", s, Path.of("box.yaml")));
    }
}
