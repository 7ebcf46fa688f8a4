package io.leadgate.console;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every English text of the settings, ops and refusal bundles has its Russian one (set-up steps of every provider
 * too), and every refusal code has its text.
 */
class ConsoleTextsTest {

    @Test
    void everySettingsAndOpsTextIsInRussianToo() throws IOException {
        for (var bundle : List.of(new Object[] {SettingsMessages.class, "set"}, new Object[] {OpsMessages.class, "ops"},
                new Object[] {RefusalMessages.class, "err"})) {
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
    void everyRefusalCodeHasItsText() {
        List<String> missing = new ArrayList<>();
        List<Enum<?>> codes = new ArrayList<>(List.of(io.leadgate.pipeline.Refusal.values()));
        codes.addAll(List.of(io.leadgate.contact.ContactRefusal.values()));
        codes.addAll(List.of(io.leadgate.people.UserException.Refusal.values()));
        for (Enum<?> r : codes) {
            boolean found = false;
            for (Method m : RefusalMessages.class.getDeclaredMethods()) {
                found |= m.getName().equals(r.name().toLowerCase(java.util.Locale.ROOT));
            }
            if (!found && !r.name().equals("OTHER")) {
                missing.add(r.name());
            }
        }
        assertEquals(List.of(), missing, "refusal codes without a console text");
    }

    /** The workspace's own bundle (sign-in, inbox, card, board, users): {@code messages/msg_ru.properties}. */
    @Test
    void everyWorkspaceTextIsInRussianToo() throws IOException {
        Properties ru = russian("msg");
        List<String> missing = new ArrayList<>();
        int texts = 0;
        for (Method m : ConsoleMessages.class.getDeclaredMethods()) {
            if (m.isAnnotationPresent(Message.class)) {
                texts++;
                if (ru.getProperty(m.getName(), "").isBlank()) {
                    missing.add(m.getName());
                }
            }
        }
        assertEquals(List.of(), missing, "workspace texts without a Russian translation");
        assertTrue(texts > 90, "the bundle was read: " + texts);
    }

    private static Properties russian(String bundle) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ConsoleTextsTest.class.getResourceAsStream("/messages/" + bundle + "_ru.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
