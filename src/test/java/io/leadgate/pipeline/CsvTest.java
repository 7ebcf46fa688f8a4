package io.leadgate.pipeline;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvTest {

    @Test
    void quotesFieldsAsRfc4180AndDefusesFormulas() {
        Csv.Table t = new Csv.Table("t", List.of("key", "n"), List.of(
                Arrays.asList("plain", 1L),
                Arrays.asList("comma, inside", 2L),
                Arrays.asList("say \"hi\"", 3L),
                Arrays.asList("two\nlines", null),
                Arrays.asList("=HYPERLINK(\"x\")", -4L),
                Arrays.asList("+7 916", new BigDecimal("1E+3")),
                Arrays.asList("-1", 0.25),
                Arrays.asList("@SUM(A1)", 5L)));
        assertEquals("key,n\r\nplain,1\r\n\"comma, inside\",2\r\n\"say \"\"hi\"\"\",3\r\n\"two\nlines\",\r\n"
                + "\"'=HYPERLINK(\"\"x\"\")\",-4\r\n'+7 916,1000\r\n'-1,0.25\r\n'@SUM(A1),5\r\n", Csv.write(t));
    }

    @Test
    void previousPeriodIsTheSameLengthOrTheSameNumberOfCalendarMonths() {
        ZoneId moscow = ZoneId.of("Europe/Moscow");
        AnalyticsPeriod days = AnalyticsPeriod.parse("2025-03-10", "2025-03-16", "Europe/Moscow", "UTC");
        assertEquals(Instant.parse("2025-03-09T21:00:00Z"), days.from());
        assertEquals(Instant.parse("2025-03-16T21:00:00Z"), days.to());
        assertEquals(new AnalyticsPeriod(Instant.parse("2025-03-02T21:00:00Z"), days.from(), moscow),
                days.previous().orElseThrow());
        AnalyticsPeriod march = AnalyticsPeriod.parse("2025-03-01", "2025-03-31", null, "Europe/Moscow");
        assertEquals(Instant.parse("2025-01-31T21:00:00Z"), march.previous().orElseThrow().from(),
                "February, not the 31 days before");
        assertEquals(true, AnalyticsPeriod.parse(null, null, null, "UTC").previous().isEmpty());
    }
}
