package io.leadgate.pipeline;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookTargetsTest {

    private static boolean internal(String ip) throws UnknownHostException {
        return WebhookTargets.internal(InetAddress.getByName(ip));
    }

    @Test
    void internalAddressesAreRecognised() throws UnknownHostException {
        for (String ip : new String[]{"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
                "::1", "fd00::1", "fe80::1"}) {
            assertTrue(internal(ip), ip);
        }
        assertFalse(internal("8.8.8.8"));
        assertFalse(internal("2a00:1450:4001:80b::200e"));
    }

    @Test
    void onlyAbsoluteHttpUrlsAreTargets() {
        assertEquals(URI.create("https://crm.example/hook"), WebhookTargets.parse(" https://crm.example/hook "));
        for (String url : new String[]{"ftp://crm.example/x", "/relative", "not a url", "file:///etc/passwd"}) {
            assertEquals("url must be an absolute http or https URL",
                    assertThrows(PipelineException.class, () -> WebhookTargets.parse(url)).getMessage(), url);
        }
    }

    @Test
    void loopbackNamesAreRefusedWithoutResolving() {
        assertEquals("webhook targets on internal addresses are not allowed", assertThrows(PipelineException.class,
                () -> WebhookTargets.refuseInternal(URI.create("http://localhost:8080/x"))).getMessage());
        assertThrows(PipelineException.class, () -> WebhookTargets.refuseInternal(URI.create("http://127.0.0.1/x")));
    }
}
