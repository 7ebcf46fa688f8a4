package io.leadgate.console;

import io.leadgate.channel.Provider;
import io.quarkus.qute.i18n.Message;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every English text of the settings and ops bundles has its Russian one, and every provider its set-up steps. */
class ConsoleTextsTest {

    @Test
    void everySettingsAndOpsTextIsInRussianToo() throws IOException {
        for (var bundle : List.of(new Object[] {SettingsMessages.class, "set"}, new Object[] {OpsMessages.class, "ops"})) {
            Properties ru = russian((String) bundle[1]);
            List<String> missing = new ArrayList<>();
            for (Method m : ((Class<?>) bundle[0]).getDeclaredMethods()) {
                if (m.isAnnotationPresent(Message.class) && ru.getProperty(m.getName(), "").isBlank()) {
                    missing.add(m.getName());
                }
            }
            assertEquals(List.of(), missing, bundle[1] + " texts without a Russian translation");
        }
    }

    @Test
    void everyProviderHasSetUpSteps() throws IOException {
        Set<String> english = Set.of(java.util.Arrays.stream(OpsMessages.class.getDeclaredMethods())
                .map(Method::getName).toArray(String[]::new));
        Properties ru = russian("ops");
        for (Provider p : Provider.values()) {
            String key = io.leadgate.console.channels.ChannelsQuery.setupKey(p);
            assertTrue(english.contains(key), "English set-up steps for " + p.id());
            assertTrue(ru.containsKey(key), "Russian set-up steps for " + p.id());
        }
    }

    private static Properties russian(String bundle) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ConsoleTextsTest.class.getResourceAsStream("/messages/" + bundle + "_ru.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
