package io.leadgate.contact.eval;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelRegistry;
import io.leadgate.channel.HookOutcome;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.Headers;
import io.leadgate.contact.AutoMergeProfile;
import io.leadgate.inquiry.ChannelFamily;
import io.leadgate.inquiry.ContactInfo;
import io.leadgate.inquiry.ContactInfoBuilder;
import io.leadgate.inquiry.Handle;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dedup evaluation: thousands of synthetic people ({@link SyntheticPeople}, fixed seed) written through the write
 * path ({@link IntakeService}, as the hooks do) with {@code leadgate.identity.auto-merge=true}, then the card each
 * inquiry ended on (after any merges) compared with the truth. Card assignment is measured pairwise over inquiries:
 * precision = pairs on one card that are one person / pairs on one card; recall = pairs of one person on one card /
 * pairs of one person. A fuzzy candidate that was only listed (below the merge score) counts as not linked. The
 * baseline is exact matching alone (normalised phone, email, handle; the strongest card, never merged), computed over
 * the same normalised inquiries.
 */
@QuarkusTest
@TestProfile(AutoMergeProfile.class)
class DedupEvaluationTest {

    private static final long SEED = 20261123L;
    private static final int PEOPLE = 3000;

    @Inject
    IntakeService intake;

    @Inject
    ChannelRegistry registry;

    @Inject
    EntityManager em;

    @Test
    void fuzzyMatchingAndRulesBeatExactMatchingWithoutFalseMerges() {
        List<SyntheticPeople.Touch> touches = SyntheticPeople.generate(SEED, PEOPLE);
        String run = UUID.randomUUID().toString();
        List<Long> inquiryIds = new ArrayList<>();
        List<ContactInfo> infos = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < touches.size(); i++) {
            SyntheticPeople.Touch touch = touches.get(i);
            ChannelDefinition channel = registry.find(channelId(touch.channel())).orElseThrow().definition();
            Inquiry inquiry = inquiry(touch, channel, "eval-" + run + "-" + i);
            infos.add(inquiry.contact());
            HookRequest request = new HookRequest("POST", "", Headers.empty(), null,
                    "{}".getBytes(StandardCharsets.UTF_8), "http://localhost/hooks/" + channel.id(), "127.0.0.1",
                    Instant.now());
            HookOutcome outcome = intake.accept(channel, request, List.of(inquiry));
            inquiryIds.add(outcome.items().get(0).inquiryId());
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        Map<Long, Long> cardOf = cards(inquiryIds);
        List<Long> cards = inquiryIds.stream().map(cardOf::get).toList();
        List<Long> baseline = exactOnly(infos);
        List<Integer> truth = touches.stream().map(SyntheticPeople.Touch::person).toList();
        Metrics ours = Metrics.of(truth, cards);
        Metrics exact = Metrics.of(truth, baseline);
        Map<String, Long> decisions = decisions(inquiryIds);

        System.out.printf("%nDedup evaluation: %d people (seed %d), %d inquiries through the write path in %.1f s%n",
                truth.stream().distinct().count(), SEED, touches.size(), seconds);
        System.out.printf("%-34s %9s %9s %7s %7s%n", "card assignment (pairwise)", "precision", "recall", "cards",
                "people");
        System.out.printf("%-34s %9.4f %9.4f %7d %7d%n", "exact match only (baseline)", exact.precision(),
                exact.recall(), exact.cards(), exact.people());
        System.out.printf("%-34s %9.4f %9.4f %7d %7d%n", "exact + fuzzy + auto-merge rules", ours.precision(),
                ours.recall(), ours.cards(), ours.people());
        System.out.println("decisions: " + decisions);

        assertTrue(ours.precision() >= 0.999, "precision " + ours.precision());
        assertTrue(ours.recall() >= 0.98, "recall " + ours.recall());
        assertTrue(ours.recall() > exact.recall(), "fuzzy matching adds recall over exact matching");
    }

    private static String channelId(SyntheticPeople.Channel channel) {
        return switch (channel) {
            case FORM -> "form";
            case FORM_DE -> "form-de";
            case TELEGRAM -> "tg";
            case EMAIL -> "mail";
            case CALL -> "sipgate";
        };
    }

    /** The inquiry the channel's mapper would produce: contact details normalised in the channel's region. */
    private static Inquiry inquiry(SyntheticPeople.Touch touch, ChannelDefinition channel, String externalId) {
        ContactInfoBuilder contact = new ContactInfoBuilder(channel.defaultRegion()).name(touch.name());
        ChannelFamily family;
        String provider;
        switch (touch.channel()) {
            case TELEGRAM -> {
                family = ChannelFamily.MESSENGER;
                provider = "telegram";
                contact.handle(new Handle("telegram", String.valueOf(touch.telegramUser()), null));
                touch.phones().forEach(contact::internationalPhone);
            }
            case EMAIL -> {
                family = ChannelFamily.EMAIL;
                provider = "email";
                touch.phones().forEach(contact::phone);
            }
            case CALL -> {
                family = ChannelFamily.PHONE;
                provider = "sipgate";
                touch.phones().forEach(contact::phone);
            }
            default -> {
                family = ChannelFamily.WEBFORM;
                provider = "webform";
                touch.phones().forEach(contact::phone);
            }
        }
        touch.emails().forEach(contact::email);
        return Inquiry.builder(family, provider).kind(Kind.LEAD, null).externalId(externalId)
                .contact(contact.build()).text("evaluation").build();
    }

    private Map<Long, Long> cards(List<Long> inquiryIds) {
        Map<Long, Long> out = new HashMap<>();
        for (int from = 0; from < inquiryIds.size(); from += 1000) {
            List<Long> chunk = inquiryIds.subList(from, Math.min(inquiryIds.size(), from + 1000));
            @SuppressWarnings("unchecked")
            List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em
                    .createNativeQuery("select id, contact_id from inquiry where id in (?1)")
                    .setParameter(1, chunk).getResultList());
            rows.forEach(r -> out.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
        }
        return out;
    }

    private Map<String, Long> decisions(List<Long> inquiryIds) {
        Map<String, Long> counts = new TreeMap<>();
        for (int from = 0; from < inquiryIds.size(); from += 1000) {
            List<Long> chunk = inquiryIds.subList(from, Math.min(inquiryIds.size(), from + 1000));
            @SuppressWarnings("unchecked")
            List<String> rows = QuarkusTransaction.requiringNew().call(() -> em
                    .createNativeQuery("select resolution from inquiry where id in (?1)")
                    .setParameter(1, chunk).getResultList());
            for (String r : rows) {
                int at = r.indexOf("\"decision\":\"") + 12;
                counts.merge(r.substring(at, r.indexOf('"', at)), 1L, Long::sum);
            }
        }
        return counts;
    }

    /** Exact matching alone, as the resolver does it without fuzzy candidates and merges. */
    private static List<Long> exactOnly(List<ContactInfo> infos) {
        Map<String, Long> owner = new HashMap<>();
        List<Long> cards = new ArrayList<>();
        long next = 1;
        for (ContactInfo info : infos) {
            List<String> keys = new ArrayList<>();
            info.phones().forEach(p -> keys.add("p:" + p));
            info.emails().forEach(e -> keys.add("e:" + e));
            info.handles().forEach(h -> keys.add("h:" + h.key()));
            Map<Long, Integer> hits = new HashMap<>();
            keys.stream().map(owner::get).filter(java.util.Objects::nonNull).forEach(c -> hits.merge(c, 1, Integer::sum));
            long card = hits.isEmpty() ? next++ : hits.entrySet().stream()
                    .max(Map.Entry.<Long, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                            java.util.Comparator.reverseOrder()))).orElseThrow().getKey();
            long chosen = card;
            keys.forEach(k -> owner.putIfAbsent(k, chosen));
            cards.add(card);
        }
        return cards;
    }

    /** Pairwise precision and recall of a card assignment against the truth. */
    record Metrics(double precision, double recall, long cards, long people) {

        static Metrics of(List<Integer> truth, List<Long> cards) {
            Map<Long, Long> perCard = new HashMap<>();
            Map<Integer, Long> perPerson = new HashMap<>();
            Map<String, Long> perCell = new HashMap<>();
            for (int i = 0; i < truth.size(); i++) {
                perCard.merge(cards.get(i), 1L, Long::sum);
                perPerson.merge(truth.get(i), 1L, Long::sum);
                perCell.merge(cards.get(i) + "/" + truth.get(i), 1L, Long::sum);
            }
            double together = pairs(perCell.values());
            double predicted = pairs(perCard.values());
            double actual = pairs(perPerson.values());
            return new Metrics(predicted == 0 ? 1 : together / predicted, actual == 0 ? 1 : together / actual,
                    perCard.size(), perPerson.size());
        }

        private static double pairs(java.util.Collection<Long> sizes) {
            return sizes.stream().mapToDouble(n -> n * (n - 1) / 2.0).sum();
        }
    }
}
