package io.leadgate.channel;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretsTest {

    @Test
    void equalSecretsMatch() {
        assertTrue(Secrets.constantTimeEquals("s3cr3t-ключ", "s3cr3t-ключ"));
    }

    @Test
    void differentOrAbsentSecretsNeverMatch() {
        assertFalse(Secrets.constantTimeEquals("secret", "secreT"));
        assertFalse(Secrets.constantTimeEquals("secret", "secret2"));
        assertFalse(Secrets.constantTimeEquals(null, "secret"));
        assertFalse(Secrets.constantTimeEquals("secret", null));
        assertFalse(Secrets.constantTimeEquals((String) null, null));
        assertFalse(Secrets.constantTimeEquals("", ""));
        assertFalse(Secrets.constantTimeEquals(new byte[0], new byte[0]));
    }

    @Test
    void verificationSaysWhetherASecretWasSentAtAll() {
        assertEquals(Verification.VALID, Secrets.verify(Optional.of("t"), Optional.of("t")));
        assertEquals(Verification.BAD_SIGNATURE, Secrets.verify(Optional.of("t"), Optional.of("u")));
        assertEquals(Verification.BAD_SIGNATURE, Secrets.verify(Optional.empty(), Optional.of("t")));
        assertEquals(Verification.MISSING, Secrets.verify(Optional.of("t"), Optional.empty()));
    }
}
