package io.leadgate.contact;

import io.leadgate.inquiry.ContactInfo;
import io.leadgate.inquiry.ContactInfoBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pure phone-slip matching: near keys, slip kinds, scores with the name, digits as written. */
class PhoneDriftTest {

    private static final String CARD = "+79641506234";
    /** {@code leadgate.identity.candidate-score} at its default. */
    private static final double LISTING = 0.4;

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "8 964 105 62 34, TRANSPOSITION",
            "+7 964 150 26 34, TRANSPOSITION",
            "8 (964) 150-62-43, TRANSPOSITION",
            "8 964 15 62 34, DIGIT_MISSING",
            "964 105 6234, TRANSPOSITION",
            "+7 964 150 62 4, DIGIT_MISSING",
            "964 150 623, DIGIT_MISSING",
            "8 964 1550 62 34, DIGIT_DOUBLED",
            "8 964 150 662 34, DIGIT_DOUBLED",
            "8 964 150 62 35, DIGIT_SUBSTITUTED",
            "8 964 750 62 34, DIGIT_SUBSTITUTED",
    })
    void slipsAreToldApart(String written, PhoneDrift.Kind kind) {
        String probe = BlockingKeys.phoneTail(written);
        String card = BlockingKeys.phoneTail(CARD);
        assertEquals(Optional.of(kind), PhoneDrift.classify(probe, card), written);
        Set<String> shared = new HashSet<>(PhoneDrift.probeKeys(probe));
        shared.retainAll(PhoneDrift.storedKeys(card));
        assertFalse(shared.isEmpty(), "a near key brings " + written + " to the card");
    }

    @ParameterizedTest(name = "{0} against {1} is {2}")
    @CsvSource({
            "+7 (988) 53832075, +79853832075, DIGIT_DOUBLED",
            "8 (966) 415-06234, +79641506234, DIGIT_DOUBLED",
            "+7998562497, +79998562497, DIGIT_MISSING",
            "8 864 150 62 34, +79641506234, DIGIT_SUBSTITUTED",
    })
    void aSlipNearTheStartIsNoReplacedDigit(String written, String card, PhoneDrift.Kind kind) {
        // the ten-digit window shifts: the tails differ in their first digit only
        assertEquals(Optional.of(kind), PhoneDrift.classify(BlockingKeys.phoneTail(written), BlockingKeys.phoneTail(card)),
                written);
    }

    @Test
    void unrelatedAndEqualNumbersAreNoSlip() {
        String card = BlockingKeys.phoneTail(CARD);
        assertEquals(Optional.empty(), PhoneDrift.classify("9161234567", card));
        assertEquals(Optional.empty(), PhoneDrift.classify(card, card));
        assertEquals(Optional.empty(), PhoneDrift.classify("9641506", card), "too short to tell");
    }

    @Test
    void aCardStoresOneNearKeyPerDeletedDigit() {
        assertEquals(Set.of("641506234", "941506234", "961506234", "964506234", "964106234", "964156234",
                "964150234", "964150634", "964150624", "964150623"), PhoneDrift.storedKeys("9641506234"));
        assertEquals(7, PhoneDrift.storedKeys("9161155667").size(), "repeated digits delete to one key");
        assertTrue(PhoneDrift.storedKeys("916123456").isEmpty());
        assertTrue(PhoneDrift.probeKeys("916123456").contains("916123456"));
    }

    @Test
    void theSameNameMakesASwapStrongAndPhonesThatContradictItWeak() {
        var card = new MatchScorer.Details("Ирина Соколова", List.of(CARD), List.of(), List.of("irina@mail.example"));
        Candidate swap = MatchScorer.score(5, details("Irina Sokolova", "+79641056234"), card).orElseThrow();
        assertEquals("phone-transposition", swap.rule());
        assertEquals(List.of("phone-transposition", "name-transliteration"), swap.reasons());
        assertTrue(swap.score() >= 0.8 && swap.score() < 0.9, swap.toString());

        Candidate missing = MatchScorer.score(5, details("Ирина Соколова", null, "8 964 15 62 34"), card)
                .orElseThrow();
        assertEquals("phone-digit-missing", missing.rule());
        assertTrue(missing.score() >= 0.75, missing.toString());
        Candidate doubled = MatchScorer.score(5, details("Ирина Соколова", null, "8 964 1550 62 34"), card)
                .orElseThrow();
        assertEquals("phone-digit-doubled", doubled.rule());

        Candidate namesake = MatchScorer.score(5, details("Ирина Соколова", "+79641506235"), card).orElseThrow();
        assertEquals(MatchScorer.SAME_NAME, namesake.rule());
        assertEquals(List.of("same-name", "phone-contradicts", "phone-digit-substituted"), namesake.reasons());
        Candidate otherPhone = MatchScorer.score(5, details("Ирина Соколова", "+79990000000"), card).orElseThrow();
        assertEquals(List.of("same-name", "phone-contradicts"), otherPhone.reasons());
        assertEquals(namesake.score(), otherPhone.score(), "one digit off contradicts like any other number");
        Candidate bareName = MatchScorer.score(5, new MatchScorer.Details("Irina Sokolova", List.of(), List.of(),
                List.of("sokolova@mail.example")), card).orElseThrow();
        assertEquals(List.of("same-name", "name-transliteration"), bareName.reasons());
        assertTrue(namesake.score() < bareName.score(), "contradicting phones weigh against a name");
        assertTrue(bareName.score() < LISTING, "a name alone is not listed by default: " + bareName);

        assertTrue(MatchScorer.score(5, details("Ирина", "+79641506235"), card).isEmpty(),
                "a replaced digit and a given name alone are nothing");
        assertTrue(MatchScorer.score(5, details("Олег Петров", "+79641056234"), card).isEmpty(),
                "a swap beside a different name is nothing");
        Candidate nameless = MatchScorer.score(5, details(null, "+79641056234"), card).orElseThrow();
        assertTrue(nameless.score() < swap.score() && nameless.score() > MatchScorer.NAME_ONLY, nameless.toString());
        Candidate given = MatchScorer.score(5, details("Ирина", "+79641056234"), card).orElseThrow();
        assertTrue(given.score() > nameless.score() && given.score() < swap.score(), given.toString());
    }

    @Test
    void digitsAsWrittenMeetWhenParsingChangedThem() {
        // +38 is not a country code; libphonenumber reads +389 (North Macedonia) and drops the 0 as a trunk prefix
        ContactInfo info = new ContactInfoBuilder("RU").phone("+38 906 123 45 67").build();
        assertEquals(List.of("+38961234567"), info.phones());
        assertEquals(List.of("+38 906 123 45 67"), info.writtenPhones());
        assertEquals(List.of(), new ContactInfoBuilder("RU").phone("8 (906) 123-45-67 доб. 12").build().writtenPhones());
        assertEquals(List.of(), new ContactInfoBuilder("DE").phone("030 1234567").build().writtenPhones());

        var probe = new MatchScorer.Details("Анна Белова", info.phones(), info.writtenPhones(), List.of());
        var card = new MatchScorer.Details("Анна Белова", List.of("+79061234567"), List.of(), List.of());
        Candidate c = MatchScorer.score(9, probe, card).orElseThrow();
        assertEquals(MatchScorer.PHONE_COUNTRY_CODE, c.rule());
        assertTrue(c.score() >= 0.9, c.toString());
        // the other way round: the card was made from the number as written, its tail is stored with the card
        var writtenCard = new MatchScorer.Details("Анна Белова", info.phones(), List.of("9061234567"), List.of());
        var later = new MatchScorer.Details("Анна Белова", List.of("+79061234567"), List.of(), List.of());
        assertEquals(MatchScorer.PHONE_COUNTRY_CODE, MatchScorer.score(9, later, writtenCard).orElseThrow().rule());
    }

    private static MatchScorer.Details details(String name, String phone) {
        return new MatchScorer.Details(name, List.of(phone), List.of(), List.of("new." + phone + "@mail.example"));
    }

    private static MatchScorer.Details details(String name, String phone, String raw) {
        return new MatchScorer.Details(name, phone == null ? List.of() : List.of(phone), List.of(raw), List.of());
    }
}
