package io.leadgate.pipeline;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WebhookTargetsTest {

    @Test
    void internalAddressesAreRefusedWithTheSubscriptionGuard() {
        for (String ip : new String[]{"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
                "100.64.0.1", "[::1]", "[fd00::1]", "[fe80::1]", "[::ffff:127.0.0.1]"}) {
            URI url = URI.create("http://" + ip + "/hook");
            assertEquals("webhook targets on internal addresses are not allowed",
                    assertThrows(PipelineException.class, () -> WebhookTargets.refuseInternal(url)).getMessage(), ip);
        }
        WebhookTargets.refuseInternal(URI.create("http://8.8.8.8/hook"));
    }

    @Test
    void onlyAbsoluteHttpUrlsAreTargets() {
        assertEquals(URI.create("https://crm.example/hook"), WebhookTargets.parse(" https://crm.example/hook "));
        for (String url : new String[]{"ftp://crm.example/x", "/relative", "not a url", "file:///etc/passwd"}) {
            assertThrows(PipelineException.class, () -> WebhookTargets.parse(url), url);
        }
    }

    @Test
    void loopbackNamesAreRefusedWithoutResolving() {
        assertEquals("webhook targets on internal addresses are not allowed", assertThrows(PipelineException.class,
                () -> WebhookTargets.refuseInternal(URI.create("http://localhost:8080/x"))).getMessage());
        assertThrows(PipelineException.class,
                () -> WebhookTargets.refuseInternal(URI.create("http://metadata.google.internal/x")));
    }
}
