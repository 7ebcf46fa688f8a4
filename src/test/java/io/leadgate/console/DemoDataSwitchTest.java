package io.leadgate.console;

import io.quarkus.runtime.LaunchMode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo data switch works in the default (dev) run and in tests, and never in production (the packaged jar). */
class DemoDataSwitchTest {

    @Test
    void switchIsIgnoredInProduction() {
        assertFalse(DemoData.allowed(LaunchMode.NORMAL), "the packaged jar runs in NORMAL mode");
        assertTrue(DemoData.allowed(LaunchMode.DEVELOPMENT));
        assertTrue(DemoData.allowed(LaunchMode.TEST));
    }
}
