package io.leadgate.api;

import io.leadgate.api.ApiKeyring.Check;
import io.leadgate.api.ApiKeyring.Scope;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeyringTest {

    @Test
    void hashedKeysCarryTheirScopeAndPlainKeysHaveAll() {
        ApiKeyring ring = ApiKeyring.of(List.of("plain"),
                List.of(ApiKeyring.hash("reader", Scope.READ), ApiKeyring.hash("boss", Scope.ADMIN).toUpperCase()
                        .replace("SHA256", "sha256").replace("ADMIN", "admin")));
        assertEquals(Check.ALLOWED, ring.check("plain", Scope.ADMIN));
        assertEquals(Check.ALLOWED, ring.check("reader", Scope.READ));
        assertEquals(Check.WRONG_SCOPE, ring.check("reader", Scope.ADMIN));
        assertEquals(Check.ALLOWED, ring.check("boss", Scope.ADMIN));
        assertEquals(Check.ALLOWED, ring.check("boss", Scope.READ));
        assertEquals(Check.UNKNOWN_KEY, ring.check("other", Scope.READ));
        assertEquals(Check.UNKNOWN_KEY, ring.check(null, Scope.READ));
    }

    @Test
    void aDigestIsNotAKey() {
        String entry = ApiKeyring.hash("reader", Scope.READ);
        ApiKeyring ring = ApiKeyring.of(List.of(), List.of(entry));
        assertEquals(Check.UNKNOWN_KEY, ring.check(entry.split(":")[1], Scope.READ));
    }

    @Test
    void malformedEntriesAreRefusedWithoutQuotingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ApiKeyring.of(List.of(), List.of("sha256:abc:read")));
        assertFalse(e.getMessage().contains("abc"));
        assertThrows(IllegalArgumentException.class,
                () -> ApiKeyring.of(List.of(), List.of(ApiKeyring.hash("k", Scope.READ).replace(":read", ":write"))));
        assertThrows(IllegalArgumentException.class, () -> ApiKeyring.of(List.of(), List.of("md5:" + "0".repeat(64) + ":read")));
        assertTrue(ApiKeyring.of(List.of(" "), List.of("")).isEmpty());
    }

    @Test
    void readingNeedsReadAndEverythingElseAdmin() {
        assertEquals(Scope.READ, ApiKeyring.required("GET", "/api/leads"));
        assertEquals(Scope.READ, ApiKeyring.required("HEAD", "/api/leads"));
        assertEquals(Scope.ADMIN, ApiKeyring.required("POST", "/api/channels/form/preview"));
        assertEquals(Scope.ADMIN, ApiKeyring.required("DELETE", "/api/contacts/1"));
        assertEquals(Scope.ADMIN, ApiKeyring.required("GET", "/api/contacts/1/export"));
        assertEquals(Scope.ADMIN, ApiKeyring.required("GET", "/api/settings/changes"));
    }
}
