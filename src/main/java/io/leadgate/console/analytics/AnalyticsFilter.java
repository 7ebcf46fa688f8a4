package io.leadgate.console.analytics;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The analytics page's question as the form sends it: pipeline, first and last day (in the analytics time zone),
 * comparison with the period before, the funnel's grouping and the leads chart's bucket. Blank days mean the last
 * 30 days.
 */
public record AnalyticsFilter(String pipeline, String from, String to, boolean compare, String by, String bucket) {

    static final int DEFAULT_DAYS = 30;

    static AnalyticsFilter of(String pipeline, String from, String to, String compare, String by, String bucket,
                              ZoneId zone) {
        LocalDate today = LocalDate.now(zone);
        String t = blank(to) ? today.toString() : to.strip();
        String f = blank(from) ? today.minusDays(DEFAULT_DAYS - 1).toString() : from.strip();
        return new AnalyticsFilter(blank(pipeline) ? null : pipeline.strip(), f, t,
                compare == null || !compare.equals("off"), blank(by) ? null : by.strip(),
                blank(bucket) ? "day" : bucket.strip());
    }

    /** The query string of this filter (for the CSV links), starting with {@code ?}. */
    public String query() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("pipeline", pipeline);
        q.put("from", from);
        q.put("to", to);
        q.put("compare", compare ? "on" : "off");
        q.put("by", by);
        q.put("bucket", bucket);
        StringBuilder s = new StringBuilder();
        q.forEach((k, v) -> {
            if (v != null) {
                s.append(s.length() == 0 ? '?' : '&').append(k).append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return s.toString();
    }

    public boolean is(String grouping) {
        return grouping.equals(by);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
