package io.leadgate.inquiry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Phones, emails, names and attribution, including the formats seen in ../shared/conformance. */
class NormalizersTest {

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "8 (916) 123-45-67      | RU | +79161234567",
            "+7 916 1234567         | RU | +79161234567",
            "89161234567            | RU | +79161234567",
            "79161234567            | RU | +79161234567",
            "9161234567             | RU | +79161234567",
            "+7(495)123-45-67       | RU | +74951234567",
            "8-800-555-35-35        | RU | +78005553535",
            "tel:+79161234567       | RU | +79161234567",
            "00 49 30 60000000      | RU | +493060000000",
            "030 60000000           | DE | +493060000000",
            "01114100300            | DE | +491114100300",
            "+4930600000000         | RU | +4930600000000",
            "(415) 867-5309         | US | +14158675309",
            "+1 555-555-5555        | RU | +15555555555",
            "+44 7776 251669        | RU | +447776251669",
            "07776 251669           | GB | +447776251669",
            "+375 29 123-45-67      | RU | +375291234567",
            "8 (017) 123-45-67      | BY | +375171234567",
            "+380 44 123 4567       | RU | +380441234567",
            "+7 727 123 4567        | KZ | +77271234567",
            "+972 98-765-4321       | RU | +972987654321",
            "+33 1 23 45 67 89      | RU | +33123456789",
    })
    void normalisesPhonesToE164(String written, String region, String e164) {
        PhoneResult result = PhoneNormalizer.normalize(written, region);
        assertEquals(e164, assertInstanceOf(PhoneResult.Normalized.class, result).e164());
    }

    @ParameterizedTest(name = "{0} -> {1} ext {2}")
    @CsvSource(delimiter = '|', value = {
            "+7 495 123-45-67 доб. 123 | +74951234567 | 123",
            "+1 415 867 5309 ext. 42   | +14158675309 | 42",
            "+1 (415) 867-5309 x7      | +14158675309 | 7",
    })
    void splitsExtensionsOff(String written, String e164, String extension) {
        PhoneResult.Normalized n = assertInstanceOf(PhoneResult.Normalized.class, PhoneNormalizer.normalize(written, "RU"));
        assertEquals(e164, n.e164());
        assertEquals(extension, n.extension());
    }

    @ParameterizedTest(name = "{0} stays raw")
    @CsvSource(delimiter = '|', value = {
            "555888          | RU",
            "+7800123456789  | RU",
            "call me maybe   | RU",
            "12              | DE",
            "+999 123 456    | RU",
    })
    void keepsUnnormalisableNumbersRaw(String written, String region) {
        PhoneResult.Raw raw = assertInstanceOf(PhoneResult.Raw.class, PhoneNormalizer.normalize(written, region));
        assertEquals(written.strip(), raw.raw());
    }

    @ParameterizedTest(name = "international digits {0}")
    @CsvSource({"972987654321,+972987654321", "4912347114711,+4912347114711", "79997356761,+79997356761",
            "+74994509495,+74994509495"})
    void readsProviderDigitsAsInternational(String digits, String e164) {
        PhoneResult result = PhoneNormalizer.normalizeInternational(digits);
        assertEquals(e164, assertInstanceOf(PhoneResult.Normalized.class, result).e164());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Laura@Example.com                      | laura@example.com",
            "  Mikel Lindsaar <test@lindsaar.net>   | test@lindsaar.net",
            "mailto:Info@Shop.example?subject=hi    | info@shop.example",
            "jdöe@mächine.example                   | jdöe@mächine.example",
            "JDÖE@MÄCHINE.EXAMPLE                   | jdöe@mächine.example",
            "Joe_Recipient@example.com              | joe_recipient@example.com",
            "i.kor+crm@company.ru.                  | i.kor+crm@company.ru",
    })
    void normalisesEmails(String written, String expected) {
        assertEquals(Optional.of(expected), EmailNormalizer.normalize(written));
    }

    @ParameterizedTest(name = "not an email: {0}")
    @CsvSource(delimiter = '|', value = {"no at sign", "two@@example.com", "user@localhost", "a b@example.com", "@example.com"})
    void rejectsNonEmails(String written) {
        assertTrue(EmailNormalizer.normalize(written).isEmpty());
    }

    @Test
    void joinsNamePartsOnce() {
        assertEquals("Иван Петров", NameNormalizer.combine(List.of("Иван", "Иван Петров")));
        assertEquals("Иван Петров", NameNormalizer.combine(List.of("  Иван   Петров ", "Петров")));
        assertEquals("Test Firstname Test Lastname", NameNormalizer.combine(List.of("Test Firstname", "Test Lastname")));
        assertEquals("Jöhn Doe", NameNormalizer.clean("Jöhn\u0000 Doe\t"));
        assertNull(NameNormalizer.combine(List.of(" ", "\t")));
    }

    @Test
    void fieldsWinOverLandingPageAndHookQuery() {
        Attribution a = AttributionExtractor.extract(Map.of("utm_source", "newsletter", "UTM_MEDIUM", "email"),
                "utm_source=hook&utm_campaign=spring",
                "https://www.google.com/search?q=x",
                "https://shop.example/?utm_source=landing&gclid=abc123&utm_content=banner");
        assertEquals("newsletter", a.utm().get("utm_source"));
        assertEquals("email", a.utm().get("utm_medium"));
        assertEquals("spring", a.utm().get("utm_campaign"));
        assertEquals("banner", a.utm().get("utm_content"));
        assertEquals(Map.of("gclid", "abc123"), a.clickIds());
        assertEquals("https://www.google.com/search?q=x", a.referrer());
    }

    @ParameterizedTest(name = "click id {0}")
    @CsvSource({"gclid", "yclid", "fbclid", "msclkid", "ttclid", "gbraid", "wbraid", "li_fat_id"})
    void findsClickIdsInTheLandingPage(String clickId) {
        Attribution a = AttributionExtractor.extract(Map.of(), null, null,
                "https://shop.example/p?" + clickId + "=X-1&utm_term=sofa%20bed");
        assertEquals("X-1", a.clickIds().get(clickId));
        assertEquals("sofa bed", a.utm().get("utm_term"));
    }

    @Test
    void referrerQueryIsTheLastResort() {
        Attribution a = AttributionExtractor.extract(Map.of(), null, "https://partner.example/?utm_source=partner", null);
        assertEquals("partner", a.utm().get("utm_source"));
        assertTrue(a.clickIds().isEmpty());
    }

    @Test
    void noSourcesGiveNoAttribution() {
        assertTrue(AttributionExtractor.extract(Map.of("name", "x"), null, null, null).isEmpty());
    }
}
