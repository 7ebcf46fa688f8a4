package io.leadgate.console;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LanguagesTest {

    @Test
    void cookieWinsOverTheBrowser() {
        assertEquals("ru", Languages.choose("ru", "en-US,en;q=0.9").getLanguage());
        assertEquals("en", Languages.choose("en", "ru-RU").getLanguage());
    }

    @Test
    void browserLanguageChoosesByPreference() {
        assertEquals("ru", Languages.choose(null, "ru-RU,ru;q=0.9,en;q=0.8").getLanguage());
        assertEquals("en", Languages.choose(null, "de-DE,en;q=0.7,ru;q=0.5").getLanguage());
        assertEquals("ru", Languages.choose(null, "de-DE,ru;q=0.7").getLanguage());
    }

    @Test
    void unknownOrMalformedMeansEnglish() {
        assertEquals(Locale.ENGLISH, Languages.choose("xx", "de-DE"));
        assertEquals(Locale.ENGLISH, Languages.choose(null, ";;;=="));
        assertEquals(Locale.ENGLISH, Languages.choose(null, null));
    }
}
