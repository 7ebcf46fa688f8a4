package io.leadgate.console.analytics;

import io.leadgate.pipeline.AnalyticsPeriod;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AnalyticsViewTest {

    @Test
    void everyTextHasItsRussianTranslation() throws IOException {
        Properties ru = new Properties();
        try (var in = new InputStreamReader(getClass().getResourceAsStream("/messages/an_ru.properties"),
                StandardCharsets.UTF_8)) {
            ru.load(in);
        }
        Set<String> keys = new TreeSet<>(Arrays.stream(AnalyticsMessages.class.getDeclaredMethods())
                .map(Method::getName).toList());
        assertEquals(keys, new TreeSet<>(ru.stringPropertyNames()));
    }

    @Test
    void bucketsCoverThePeriodIncludingEmptyOnes() {
        AnalyticsPeriod march = AnalyticsPeriod.parse("2021-03-03", "2021-03-16", "Europe/Moscow", "UTC");
        assertEquals(14, AnalyticsView.buckets(march, "day").size());
        assertEquals(List.of("2021-03-01", "2021-03-08", "2021-03-15"), AnalyticsView.buckets(march, "week"));
        assertEquals(List.of("2021-03-01"), AnalyticsView.buckets(march, "month"));
    }

    @Test
    void mediansReadInTwoUnitsAndChangesAsShares() {
        String[] units = {"d", "h", "min", "s"};
        assertEquals("2\u00a0d 3\u00a0h", AnalyticsView.duration(2 * 86400L + 3 * 3600 + 59, units));
        assertEquals("5\u00a0h 10\u00a0min", AnalyticsView.duration(5 * 3600L + 600, units));
        assertEquals("40\u00a0s", AnalyticsView.duration(40L, units));
        assertEquals("—", AnalyticsView.duration(null, units));
        assertEquals("+50%", AnalyticsView.change(3, 2L, Locale.ENGLISH));
        assertEquals("-50%", AnalyticsView.change(1, 2L, Locale.ENGLISH));
        assertEquals("+3", AnalyticsView.change(3, 0L, Locale.ENGLISH));
    }
}
