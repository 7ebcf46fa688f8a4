package io.leadgate.contact.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelRegistry;
import io.leadgate.channel.HookOutcome;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.Headers;
import io.leadgate.contact.MatchScorer;
import io.leadgate.contact.PhoneDrift;
import io.leadgate.inquiry.ChannelFamily;
import io.leadgate.inquiry.ContactInfoBuilder;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.intake.IntakeService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Phone-slip evaluation: people from {@link PhoneSlipPeople} (fixed seed) written through the write path as the web
 * form does, with {@code leadgate.identity.auto-merge=true} at its default rules and every scored candidate kept
 * ({@link ScoredCandidatesProfile}), then every candidate each inquiry got compared with the truth.
 *
 * <ul>
 *   <li>Candidate recall per drift kind: the share of returns whose person's first card is listed as a candidate at
 *       the default listing threshold ({@value #LISTING}), or which joined it.</li>
 *   <li>Candidate precision at the listing threshold: the share of candidates scored at or above it that are the
 *       inquiry's own person.</li>
 *   <li>Every scored pair by its evidence (rule, and whether the phones contradict): right / scored and the scores
 *       seen, including what the listing threshold leaves out; what decides whether a bare name is listed.</li>
 *   <li>Namesakes (same name; the person's phone with one digit replaced, another phone, or none) stay below the
 *       listing threshold.</li>
 *   <li>Silent merges: no card ends up holding two people, and no card is joined on a phone slip.</li>
 * </ul>
 */
@QuarkusTest
@TestProfile(ScoredCandidatesProfile.class)
class PhoneSlipEvaluationTest {

    private static final long SEED = 20261202L;
    private static final int PEOPLE = 800;
    /** {@code leadgate.identity.candidate-score} at its default. */
    private static final double LISTING = 0.4;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    IntakeService intake;

    @Inject
    ChannelRegistry registry;

    @Inject
    EntityManager em;

    private record Listed(long contactId, double score, String rule, List<String> reasons) {

        /** The evidence a pair was scored on: its rule, and the phones' contradiction when there is one. */
        String evidence() {
            return reasons.contains(MatchScorer.PHONE_CONTRADICTS) ? rule + " + " + MatchScorer.PHONE_CONTRADICTS
                    : rule;
        }
    }

    /** Pairs scored on one kind of evidence: how many were the inquiry's own person, and the scores seen. */
    private static final class Tally {
        int right;
        int scored;
        double low = Double.MAX_VALUE;
        double high;

        void add(boolean own, double score) {
            right += own ? 1 : 0;
            scored++;
            low = Math.min(low, score);
            high = Math.max(high, score);
        }
    }

    @Test
    void returningClientsWithMistypedPhonesAreListedAndNamesakesStayApart() throws Exception {
        List<PhoneSlipPeople.Touch> touches = PhoneSlipPeople.generate(SEED, PEOPLE, 0.6, 0.15);
        ChannelDefinition form = registry.find("form").orElseThrow().definition();
        String run = UUID.randomUUID().toString();
        Map<Long, Integer> personOfCard = new HashMap<>();
        Map<Integer, Long> firstCard = new HashMap<>();
        List<Long> inquiryIds = new ArrayList<>();
        for (int i = 0; i < touches.size(); i++) {
            PhoneSlipPeople.Touch touch = touches.get(i);
            HookOutcome.Item item = send(form, touch, "slip-" + run + "-" + i);
            inquiryIds.add(item.inquiryId());
            personOfCard.putIfAbsent(item.contactId(), touch.person());
            firstCard.putIfAbsent(touch.person(), item.contactId());
        }

        Map<PhoneSlipPeople.Drift, int[]> recall = new EnumMap<>(PhoneSlipPeople.Drift.class);
        Map<String, Tally> byEvidence = new TreeMap<>();
        int listed = 0;
        int right = 0;
        double namesakeBest = 0;
        int namesakes = 0;
        List<String> wrong = new ArrayList<>();
        Set<String> slipJoins = new HashSet<>();
        for (int i = 0; i < touches.size(); i++) {
            PhoneSlipPeople.Touch touch = touches.get(i);
            JsonNode resolution = resolution(inquiryIds.get(i));
            List<Listed> candidates = candidates(resolution);
            String decision = resolution.path("decision").asText();
            if (decision.equals("matched-fuzzy") && isSlipRule(resolution.path("matchedBy"))) {
                slipJoins.add(touch.drift() + " " + resolution.path("matchedBy"));
            }
            for (Listed c : candidates) {
                boolean own = personOfCard.getOrDefault(c.contactId(), -1) == touch.person();
                byEvidence.computeIfAbsent(c.evidence(), e -> new Tally()).add(own, c.score());
                if (c.score() >= LISTING) {
                    listed++;
                    right += own ? 1 : 0;
                    if (!own) {
                        wrong.add(touch.drift() + " " + c);
                    }
                }
            }
            if (touch.drift() == PhoneSlipPeople.Drift.FIRST) {
                continue;
            }
            if (touch.drift().namesake()) {
                namesakes++;
                namesakeBest = Math.max(namesakeBest, candidates.stream()
                        .filter(c -> personOfCard.getOrDefault(c.contactId(), -1) == touch.namesakeOf())
                        .mapToDouble(Listed::score).max().orElse(0));
                continue;
            }
            long own = firstCard.get(touch.person());
            boolean found = decision.equals("matched-fuzzy") && currentCard(inquiryIds.get(i)) == own
                    || candidates.stream().anyMatch(c -> c.contactId() == own && c.score() >= LISTING);
            int[] counts = recall.computeIfAbsent(touch.drift(), d -> new int[2]);
            counts[0] += found ? 1 : 0;
            counts[1]++;
        }
        Map<Long, Set<Integer>> peopleOnCard = new HashMap<>();
        for (int i = 0; i < touches.size(); i++) {
            peopleOnCard.computeIfAbsent(currentCard(inquiryIds.get(i)), c -> new HashSet<>()).add(touches.get(i).person());
        }
        long mixedCards = peopleOnCard.values().stream().filter(s -> s.size() > 1).count();
        Map<PhoneSlipPeople.Drift, Long> kinds = new EnumMap<>(PhoneSlipPeople.Drift.class);
        touches.forEach(t -> kinds.merge(t.drift(), 1L, Long::sum));
        double precision = listed == 0 ? 1.0 : (double) right / listed;

        System.out.printf("%nPhone-slip evaluation: %d people (seed %d), %d inquiries %s%n", PEOPLE, SEED,
                touches.size(), kinds);
        System.out.printf("%-24s %9s %8s%n", "candidate recall", "found", "recall");
        recall.forEach((drift, c) -> System.out.printf("%-24s %4d/%-4d %8.4f%n", drift, c[0], c[1], ratio(c)));
        System.out.printf("candidate precision at the listing threshold %.2f: %d/%d = %.4f%n", LISTING, right, listed,
                precision);
        System.out.printf("%-46s %9s %8s %s%n", "every scored pair by evidence", "right", "share", "scores");
        byEvidence.forEach((evidence, t) -> System.out.printf("%-46s %4d/%-4d %8.4f %.2f–%.2f%n", evidence, t.right,
                t.scored, (double) t.right / t.scored, t.low, t.high));
        System.out.printf("namesakes' best score against their namesake's cards: %.3f; cards holding two people: %d; "
                + "cards joined on a phone slip: %d%n", namesakeBest, mixedCards, slipJoins.size());
        wrong.stream().limit(10).forEach(w -> System.out.println("  wrong: " + w));

        assertTrue(ratio(recall.get(PhoneSlipPeople.Drift.TRANSPOSITION)) >= 0.9, "transposition recall");
        assertTrue(ratio(recall.get(PhoneSlipPeople.Drift.DIGIT_MISSING)) >= 0.85, "missing-digit recall");
        assertTrue(ratio(recall.get(PhoneSlipPeople.Drift.DIGIT_DOUBLED)) >= 0.85, "doubled-digit recall");
        assertTrue(ratio(recall.get(PhoneSlipPeople.Drift.COUNTRY_CODE_OVERLAP)) >= 0.9, "+38 overlap recall");
        assertTrue(listed > 0 && precision >= 0.95, "precision at the listing threshold " + precision + " " + wrong);
        assertTrue(kinds.get(PhoneSlipPeople.Drift.NAMESAKE) > 50, "enough hard negatives");
        assertTrue(namesakeBest < LISTING, "a namesake is never listed: " + namesakeBest);
        assertEquals(0, mixedCards, "no card holds two people");
        assertEquals(Set.of(), slipJoins, "a phone slip never joins a card silently");
    }

    private HookOutcome.Item send(ChannelDefinition channel, PhoneSlipPeople.Touch touch, String externalId) {
        var builder = new ContactInfoBuilder(channel.defaultRegion()).name(touch.name()).email(touch.email());
        var contact = (touch.phone() == null ? builder : builder.phone(touch.phone())).build();
        Inquiry inquiry = Inquiry.builder(ChannelFamily.WEBFORM, "webform").kind(Kind.LEAD, null)
                .externalId(externalId).contact(contact).text("evaluation").build();
        HookRequest request = new HookRequest("POST", "", Headers.empty(), null, "{}".getBytes(StandardCharsets.UTF_8),
                "http://localhost/hooks/" + channel.id(), "127.0.0.1", Instant.now());
        return intake.accept(channel, request, List.of(inquiry)).items().get(0);
    }

    private JsonNode resolution(long inquiryId) throws Exception {
        String json = QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("select resolution from inquiry where id = ?1").setParameter(1, inquiryId)
                .getSingleResult());
        return JSON.readTree(json);
    }

    private long currentCard(long inquiryId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select contact_id from inquiry where id = ?1").setParameter(1, inquiryId)
                .getSingleResult()).longValue());
    }

    private static List<Listed> candidates(JsonNode resolution) {
        List<Listed> out = new ArrayList<>();
        for (JsonNode c : resolution.path("candidates")) {
            List<String> reasons = new ArrayList<>();
            c.path("reasons").forEach(r -> reasons.add(r.asText()));
            out.add(new Listed(Long.parseLong(c.path("contactId").asText()), c.path("score").asDouble(),
                    c.path("rule").asText(), reasons));
        }
        return out;
    }

    private static boolean isSlipRule(JsonNode matchedBy) {
        for (JsonNode reason : matchedBy) {
            for (PhoneDrift.Kind kind : PhoneDrift.Kind.values()) {
                if (kind.code().equals(reason.asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static double ratio(int[] counts) {
        return counts == null || counts[1] == 0 ? 0 : (double) counts[0] / counts[1];
    }
}
