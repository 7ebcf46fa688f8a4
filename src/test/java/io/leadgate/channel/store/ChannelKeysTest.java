package io.leadgate.channel.store;

import io.leadgate.channel.Provider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AES-GCM sealing of stored secrets, key ids and rotation, and which settings count as secrets. */
class ChannelKeysTest {

    private static final String A = ChannelKeys.generate();
    private static final String B = ChannelKeys.generate();

    @Test
    void sealedValueOpensOnlyForItsChannel() {
        ChannelKeys keys = ChannelKeys.of(Optional.of(A), List.of());
        ChannelKeys.Sealed sealed = keys.seal("tg-1", "{\"secret-token\":\"s3cr3t\"}");
        assertFalse(sealed.value().contains("s3cr3t"));
        assertEquals(keys.currentId().orElseThrow(), sealed.keyId());
        assertEquals("{\"secret-token\":\"s3cr3t\"}", keys.open("tg-1", sealed));
        assertThrows(ChannelKeys.UnreadableException.class, () -> keys.open("tg-2", sealed)); // moved to another row
    }

    @Test
    void sealingTwiceGivesDifferentCiphertexts() {
        ChannelKeys keys = ChannelKeys.of(Optional.of(A), List.of());
        assertNotEquals(keys.seal("c", "x").value(), keys.seal("c", "x").value());
    }

    @Test
    void changedByteFailsTheIntegrityCheck() {
        ChannelKeys keys = ChannelKeys.of(Optional.of(A), List.of());
        ChannelKeys.Sealed sealed = keys.seal("c", "value");
        byte[] raw = java.util.Base64.getDecoder().decode(sealed.value());
        raw[raw.length - 1] ^= 1;
        ChannelKeys.Sealed changed = new ChannelKeys.Sealed(sealed.keyId(), java.util.Base64.getEncoder().encodeToString(raw));
        ChannelKeys.UnreadableException e = assertThrows(ChannelKeys.UnreadableException.class, () -> keys.open("c", changed));
        assertTrue(e.getMessage().contains("integrity"));
    }

    @Test
    void oldKeyStaysReadableAfterRotation() {
        ChannelKeys before = ChannelKeys.of(Optional.of(A), List.of());
        ChannelKeys.Sealed sealed = before.seal("c", "value");
        ChannelKeys after = ChannelKeys.of(Optional.of(B), List.of(A));
        assertNotEquals(before.currentId(), after.currentId());
        assertEquals("value", after.open("c", sealed));
        assertEquals(after.currentId().orElseThrow(), after.seal("c", "value").keyId());
    }

    @Test
    void valueSealedUnderAnUnknownKeyNamesTheKey() {
        ChannelKeys.Sealed sealed = ChannelKeys.of(Optional.of(A), List.of()).seal("c", "value");
        ChannelKeys other = ChannelKeys.of(Optional.of(B), List.of());
        ChannelKeys.UnreadableException e = assertThrows(ChannelKeys.UnreadableException.class, () -> other.open("c", sealed));
        assertTrue(e.getMessage().contains(sealed.keyId()));
        assertFalse(e.getMessage().contains("value"));
    }

    @Test
    void malformedKeyIsReportedNotFatal() {
        ChannelKeys keys = ChannelKeys.of(Optional.of("c2hvcnQ="), List.of());
        assertTrue(keys.currentId().isEmpty());
        assertTrue(keys.problem().orElseThrow().contains("32 bytes"));
        assertTrue(ChannelKeys.of(Optional.empty(), List.of()).currentId().isEmpty());
    }

    @Test
    void secretSettingsAreTheDeclaredOnesAndNamedOnes() {
        Map<String, Object> settings = Map.of("secret-token", "x", "bot-token", "y", "redirect", "https://a.example",
                "api-password", "z");
        assertEquals(Map.of("redirect", "https://a.example"), SecretSettings.open(Provider.TELEGRAM, settings));
        assertEquals(3, SecretSettings.secret(Provider.TELEGRAM, settings).size());
        assertEquals("set", SecretSettings.presence(Provider.VK, Map.of("secret", "s")).get("secret"));
        assertEquals("not set", SecretSettings.presence(Provider.VK, Map.of("secret", "s")).get("access-token"));
    }
}
