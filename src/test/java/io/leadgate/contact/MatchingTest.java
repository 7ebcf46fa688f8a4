package io.leadgate.contact;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pure matching: name keys, name agreement, blocking keys, scores. */
class MatchingTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "Александр Иванов, Alexander Ivanov",
            "Саша Иванов, Aleksandr Ivanov",
            "Иванов Александр, Alexander Ivanov",
            "Екатерина Смирнова, Катя Смирнова",
            "Катя Смирнова, Ekaterina Smirnova",
            "Дмитрий Кузнецов, Dmitry Kuznetsov",
            "Юлия Зайцева, Julia Zaitseva",
            "Алексей Соколов, Alexey Sokolov",
            "Пётр Петров, Petr Petrov",
            "Елена Васильева, Yelena Vasilyeva",
            "Иван Петрович Сидоров, Иван Сидоров",
            "Сергей Королёв, Sergey Korolyov",
            "Лёша Фёдоров, Lyosha Fyodorov",
    })
    void sameNameWrittenDifferentlyHasOneBlockingKey(String a, String b) {
        assertEquals(NameKey.blockingKey(a), NameKey.blockingKey(b));
        assertEquals(NameMatch.Level.SAME, NameMatch.compare(a, b).level());
    }

    @Test
    void reasonsSayWhatDiffered() {
        assertEquals(List.of("name-transliteration"), NameMatch.compare("Дмитрий Кузнецов", "Dmitry Kuznetsov").reasons());
        assertTrue(NameMatch.compare("Иванов Александр", "Саша Иванов").reasons().containsAll(List.of("name-swapped", "name-diminutive")));
        assertEquals(List.of("same-name"), NameMatch.compare("Анна Петрова", "анна  петрова").reasons());
    }

    @Test
    void typosWithinBoundAreTyposAndSpousesAreNot() {
        assertEquals(NameMatch.Level.TYPO, NameMatch.compare("Александр Иванов", "Александр Ивавнов").level());
        assertEquals(NameMatch.Level.TYPO, NameMatch.compare("Ekaterina Smirnova", "Ekaterina Smrinova").level());
        assertEquals(NameMatch.Level.DIFFERENT, NameMatch.compare("Александр Иванов", "Александра Иванова").level());
        assertEquals(NameMatch.Level.DIFFERENT, NameMatch.compare("Олег Вяземский", "Олег Вяземская").level());
        assertEquals(NameMatch.Level.DIFFERENT, NameMatch.compare("Иван Петров", "Иван Сидоров").level());
        assertEquals(NameMatch.Level.PARTIAL, NameMatch.compare("Саша", "Александр Иванов").level());
        assertEquals(NameMatch.Level.UNKNOWN, NameMatch.compare(null, "Александр Иванов").level());
    }

    @Test
    void boundedDistanceStopsAtTheBound() {
        assertEquals(1, NameMatch.boundedDistance("ivanov", "ivnaov", 1));
        assertEquals(Integer.MAX_VALUE, NameMatch.boundedDistance("ivanov", "petrov", 2));
        assertEquals(2, NameMatch.boundedDistance("kuznecov", "kusnezov", 2));
    }

    @Test
    void foldingIsRememberedWithoutChangingItsResult() {
        String first = NameKey.fold("Васильев");
        assertEquals("vasiliev", first);
        assertSame(first, NameKey.fold("Васильев"), "a word folded before is not folded again");
        List<String> before = new java.util.ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            before.add(NameKey.fold("Иванов" + Integer.toString(i, 36)));
        }
        for (int i = 0; i < 60_000; i++) { // more words than it remembers: it starts over
            NameKey.fold("Петров" + i);
        }
        for (int i = 0; i < 1_000; i++) { // folded afresh, the same
            assertEquals(before.get(i), NameKey.fold("Иванов" + Integer.toString(i, 36)));
        }
        assertEquals("ivanovks", NameKey.fold("Ивановx"));
        String longWord = "Константинопольский".repeat(3); // longer words are folded every time, not kept
        assertEquals(NameKey.fold(longWord), NameKey.fold(longWord));
    }

    @Test
    void singleWordsHaveNoNameKey() {
        assertNull(NameKey.blockingKey("Саша"));
        assertNull(NameKey.blockingKey(null));
    }

    @Test
    void mailboxKeysFollowEachProvidersRules() {
        assertEquals("ivanpetrov@gmail.com", BlockingKeys.mailbox("ivan.petrov+shop@googlemail.com"));
        assertEquals("ivanpetrov@gmail.com", BlockingKeys.mailbox("i.vanpetrov@gmail.com"));
        assertEquals("ivan.petrov@yandex.ru", BlockingKeys.mailbox("ivan-petrov+crm@ya.ru"));
        assertEquals("ivan.petrov@outlook.com", BlockingKeys.mailbox("ivan.petrov+x@outlook.com"));
        assertEquals("ivan.petrov+x@example.com", BlockingKeys.mailbox("ivan.petrov+x@example.com"));
    }

    @Test
    void phoneTailsMeetAcrossCountryCodesAndExtensions() {
        assertEquals("9161234567", BlockingKeys.phoneTail("+79161234567"));
        assertEquals("9161234567", BlockingKeys.phoneTail("+499161234567"));
        assertEquals("9161234567", BlockingKeys.phoneTail("8 (916) 123-45-67 доб. 12"));
        assertNull(BlockingKeys.phoneTail("55-88"));
    }

    @Test
    void aPhoneMissingItsCountryCodeWithTheSameNameScoresForMerge() {
        var probe = new MatchScorer.Details("Alexander Ivanov", List.of("+499161234567"), List.of(), List.of());
        var card = new MatchScorer.Details("Александр Иванов", List.of("+79161234567"), List.of(), List.of());
        Candidate c = MatchScorer.score(7, probe, card).orElseThrow();
        assertEquals(MatchScorer.PHONE_COUNTRY_CODE, c.rule());
        assertTrue(c.score() >= 0.9, c.toString());
        assertTrue(c.reasons().contains("name-transliteration"), c.toString());

        var givenNameOnly = new MatchScorer.Details("Саша", List.of("+79161234567"), List.of(), List.of());
        assertTrue(MatchScorer.score(7, probe, givenNameOnly).orElseThrow().score() >= 0.9);
        var nameless = new MatchScorer.Details(null, List.of("+79161234567"), List.of(), List.of());
        assertTrue(MatchScorer.score(7, probe, nameless).orElseThrow().score() < 0.9);
        var stranger = new MatchScorer.Details("Пётр Сидоров", List.of("+79161234567"), List.of(), List.of());
        assertTrue(MatchScorer.score(7, probe, stranger).orElseThrow().score() < 0.5);
    }

    @Test
    void sameMailboxScoresHighUnlessTheNamesDisagree() {
        var probe = new MatchScorer.Details(null, List.of(), List.of(), List.of("ivan.petrov+shop@gmail.com"));
        var card = new MatchScorer.Details("Иван Петров", List.of(), List.of(), List.of("ivanpetrov@gmail.com"));
        assertTrue(MatchScorer.score(1, probe, card).orElseThrow().score() >= 0.9);
        var other = new MatchScorer.Details("Мария Смирнова", List.of(), List.of(), List.of("ivan.petrov+shop@gmail.com"));
        assertTrue(MatchScorer.score(1, other, card).orElseThrow().score() < 0.9);
    }

    @Test
    void aNameAloneIsAWeakCandidate() {
        var probe = new MatchScorer.Details("Sasha Ivanov", List.of("+79990000000"), List.of(), List.of());
        var card = new MatchScorer.Details("Александр Иванов", List.of("+79161234567"), List.of(), List.of());
        Candidate c = MatchScorer.score(3, probe, card).orElseThrow();
        assertEquals(MatchScorer.SAME_NAME, c.rule());
        assertTrue(c.score() < 0.4, "below the default listing threshold: " + c);
        assertTrue(c.reasons().contains(MatchScorer.PHONE_CONTRADICTS), c.toString());
        assertTrue(MatchScorer.score(3, new MatchScorer.Details("Саша", List.of(), List.of(), List.of()), card).isEmpty());
    }

    @Test
    void sharedIdentityMergesOnlyWithCompatibleNames() {
        assertTrue(MatchScorer.sharedIdentity(2, "Анна Петрова", "Anna Petrova").score() >= 0.9);
        assertTrue(MatchScorer.sharedIdentity(2, null, "Anna Petrova").score() >= 0.9);
        assertTrue(MatchScorer.sharedIdentity(2, "Олег Петров", "Anna Petrova").score() < 0.5);
    }
}
