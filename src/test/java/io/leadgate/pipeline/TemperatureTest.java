package io.leadgate.pipeline;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The temperature rules and title renaming, without Quarkus. */
class TemperatureTest {

    private static final Instant NOW = Instant.parse("2030-01-10T00:00:00Z");
    private static final TemperatureConfig RULES = new TemperatureConfig() {
        public Duration hotWithin() {
            return Duration.ofDays(3);
        }

        public Duration warmWithin() {
            return Duration.ofDays(14);
        }

        public int hotInquiries() {
            return 2;
        }

        public int hotProbability() {
            return 50;
        }
    };

    @Test
    void aClientWhoWroteTwiceLatelyIsHot() {
        assertEquals(Temperature.HOT, Temperature.of(NOW.minus(Duration.ofDays(2)), 2, 0, NOW, RULES));
        assertEquals(Temperature.WARM, Temperature.of(NOW.minus(Duration.ofDays(2)), 1, 0, NOW, RULES));
        assertEquals(Temperature.WARM, Temperature.of(NOW.minus(Duration.ofDays(4)), 5, 90, NOW, RULES));
    }

    @Test
    void aLikelyStageLatelyEnteredIsHot() {
        assertEquals(Temperature.HOT, Temperature.of(NOW.minus(Duration.ofDays(3)), 0, 50, NOW, RULES));
        assertEquals(Temperature.WARM, Temperature.of(NOW.minus(Duration.ofDays(3)), 0, 49, NOW, RULES));
    }

    @Test
    void twoQuietWeeksMakeItCold() {
        assertEquals(Temperature.WARM, Temperature.of(NOW.minus(Duration.ofDays(14)), 0, 0, NOW, RULES));
        assertEquals(Temperature.COLD, Temperature.of(NOW.minus(Duration.ofDays(14)).minusSeconds(1), 9, 100, NOW,
                RULES));
    }

    @Test
    void aTunnelAddsItsPrefixAndSuffixOnce() {
        assertEquals("Installation failed: Boiler", DealTitles.renamed("Boiler", "Installation failed: ", null));
        assertEquals("Installation failed: Boiler", DealTitles.renamed("Installation failed: Boiler",
                "Installation failed: ", null));
        assertEquals("Boiler (again)", DealTitles.renamed("Boiler", null, " (again)"));
        assertEquals(500, DealTitles.renamed("x".repeat(499), "ab", null).length());
    }

    @Test
    void theWeightedAmountIsRoundedToTheCent() {
        assertEquals(new java.math.BigDecimal("1119.99"), Probabilities.weighted(new java.math.BigDecimal("1599.99"), 70));
        assertEquals(new java.math.BigDecimal("0.01"), Probabilities.weighted(new java.math.BigDecimal("0.01"), 50));
    }
}
