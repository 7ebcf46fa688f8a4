package io.leadgate.console.analytics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.pipeline.AnalyticsPeriod;
import io.leadgate.pipeline.FunnelQuery;
import io.leadgate.pipeline.LeadStats;
import io.leadgate.pipeline.PipelineView;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the analytics pages show: the answers of the analytics services, formatted, and the charts' data. */
public final class AnalyticsView {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** At most this many empty buckets are filled in (a longer period shows only the buckets with leads). */
    private static final int MAX_BUCKETS = 1000;

    private AnalyticsView() {
    }

    /** One stage of the funnel table. */
    public record StageLine(String name, String semantics, long count, String conversion, String step, String median,
                            Long previous, String change) {
    }

    public record Count(String key, long count, String share) {
    }

    public record GroupLine(String key, long deals, long won, String conversion, List<Long> counts) {
    }

    public record FunnelPage(AnalyticsFilter filter, String zone, List<PipelineView> pipelines,
                             FunnelQuery.Answer answer,
                         List<StageLine> stages, List<Count> lost, List<GroupLine> groups, String conversion,
                         String previousConversion, String chart) {
    }

    public record Pivot(List<String> channels, List<PivotLine> lines) {
    }

    public record PivotLine(String period, List<Long> counts, long total) {
    }

    public record WonLine(String key, long deals, String amount) {
    }

    public record LeadsPage(AnalyticsFilter filter, String zone, LeadStats.LeadAnswer answer,
                            LeadStats.LeadAnswer previous, String dealConversion, String wonConversion, Pivot series,
                            List<Count> junk, List<WonLine> byManager,
                        List<WonLine> bySource, String chart) {
    }

    /** The time units of the median column in the page's language. */
    static String[] units(Locale locale) {
        AnalyticsMessages m = MessageBundles.get(AnalyticsMessages.class, Localized.Literal.of(locale.getLanguage()));
        return new String[]{m.unit_d(), m.unit_h(), m.unit_min(), m.unit_s()};
    }

    static FunnelPage funnel(AnalyticsFilter filter, String zone, List<PipelineView> pipelines, FunnelQuery.Answer a,
                         String[] units, Locale locale) {
        List<StageLine> stages = new ArrayList<>();
        for (int i = 0; i < a.stages().size(); i++) {
            io.leadgate.pipeline.Funnel.StageRow s = a.stages().get(i);
            Long previous = a.previous() == null ? null : a.previous().report().stages().get(i).count();
            stages.add(new StageLine(s.name(), s.semantics(), s.count(), percent(s.conversion(), locale),
                    s.stepConversion() == null ? "" : percent(s.stepConversion(), locale),
                    duration(s.medianSecondsInStage(), units), previous, change(s.count(), previous, locale)));
        }
        long lostTotal = a.lost().values().stream().mapToLong(Long::longValue).sum();
        List<Count> lost = counts(a.lost(), lostTotal, locale);
        List<GroupLine> groups = new ArrayList<>();
        for (Map.Entry<String, io.leadgate.pipeline.Funnel.Report> g : a.groups().entrySet()) {
            groups.add(new GroupLine(g.getKey(), g.getValue().deals(), g.getValue().won(),
                    percent(g.getValue().conversion(), locale),
                    g.getValue().stages().stream().map(io.leadgate.pipeline.Funnel.StageRow::count).toList()));
        }
        return new FunnelPage(filter, zone, pipelines, a, stages, lost, groups, percent(a.conversion(), locale),
                a.previous() == null ? null : percent(a.previous().report().conversion(), locale), funnelChart(a));
    }

    static LeadsPage leads(AnalyticsFilter filter, AnalyticsPeriod period, LeadStats.LeadAnswer junk,
                           LeadStats.LeadAnswer previous, LeadStats.Series series, LeadStats.Won byManager,
                           LeadStats.Won bySource, Locale locale) {
        Map<String, Map<String, Long>> byPeriod = new LinkedHashMap<>();
        buckets(period, series.bucket()).forEach(b -> byPeriod.put(b, new LinkedHashMap<>()));
        series.rows().forEach(r -> byPeriod.computeIfAbsent(r.period(), k -> new LinkedHashMap<>())
                .put(r.channel(), r.count()));
        List<PivotLine> lines = new ArrayList<>();
        byPeriod.forEach((p, counts) -> lines.add(new PivotLine(p,
                series.channels().stream().map(c -> counts.getOrDefault(c, 0L)).toList(),
                counts.values().stream().mapToLong(Long::longValue).sum())));
        return new LeadsPage(filter, period.sqlZone(), junk, previous, percent(junk.dealConversion(), locale),
                percent(junk.wonConversion(), locale), new Pivot(series.channels(), lines),
                counts(junk.groups(), junk.junk(), locale), won(byManager, locale), won(bySource, locale),
                seriesChart(series.channels(), lines));
    }

    /** Every day, week (from Monday) or month of a period, so the chart shows the empty ones too. */
    static List<String> buckets(AnalyticsPeriod period, String unit) {
        LocalDate first = period.firstDay();
        LocalDate last = period.lastDay();
        LocalDate b = switch (unit) {
            case "week" -> first.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
            case "month" -> first.withDayOfMonth(1);
            default -> first;
        };
        List<String> out = new ArrayList<>();
        while (!b.isAfter(last) && out.size() < MAX_BUCKETS) {
            out.add(b.toString());
            b = switch (unit) {
                case "week" -> b.plusWeeks(1);
                case "month" -> b.plusMonths(1);
                default -> b.plusDays(1);
            };
        }
        return out;
    }

    private static List<WonLine> won(LeadStats.Won w, Locale locale) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(2);
        return w.rows().stream().map(r -> new WonLine(r.key(), r.deals(),
                f.format(r.amount()) + (r.currency() == null ? "" : "\u00a0" + r.currency()))).toList();
    }

    private static List<Count> counts(Map<String, Long> values, long total, Locale locale) {
        List<Count> out = new ArrayList<>();
        values.forEach((k, v) -> out.add(new Count(k, v, percent(total == 0 ? 0 : (double) v / total, locale))));
        out.sort((x, y) -> Long.compare(y.count(), x.count()));
        return out;
    }

    /** The funnel chart: stage names, counts, shares of the first stage and, when compared, the previous counts. */
    static String funnelChart(FunnelQuery.Answer a) {
        ObjectNode chart = JSON.createObjectNode().put("kind", "funnel");
        ArrayNode labels = chart.putArray("labels");
        ArrayNode counts = chart.putArray("counts");
        ArrayNode shares = chart.putArray("shares");
        a.stages().forEach(s -> {
            labels.add(s.name());
            counts.add(s.count());
            shares.add(s.conversion());
        });
        if (a.previous() != null) {
            ArrayNode previous = chart.putArray("previous");
            a.previous().report().stages().forEach(s -> previous.add(s.count()));
        }
        return chart.toString();
    }

    static String seriesChart(List<String> channels, List<PivotLine> lines) {
        ObjectNode chart = JSON.createObjectNode().put("kind", "stack");
        ArrayNode labels = chart.putArray("labels");
        lines.forEach(l -> labels.add(l.period()));
        ArrayNode series = chart.putArray("series");
        for (int c = 0; c < channels.size(); c++) {
            ObjectNode s = series.addObject().put("name", channels.get(c));
            ArrayNode data = s.putArray("data");
            for (PivotLine l : lines) {
                data.add(l.counts().get(c));
            }
        }
        return chart.toString();
    }

    static String percent(double share, Locale locale) {
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        f.setMaximumFractionDigits(1);
        return f.format(share);
    }

    static String change(long now, Long before, Locale locale) {
        if (before == null) {
            return null;
        }
        if (before == 0) {
            return now == 0 ? "±0" : "+" + now;
        }
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        f.setMaximumFractionDigits(0);
        double d = (double) (now - before) / before;
        return (d > 0 ? "+" : "") + f.format(d);
    }

    /** Seconds as the two largest units: {@code 2 d 3 h}, {@code 5 h 10 min}, {@code 12 min}, {@code 40 s}. */
    static String duration(Long seconds, String[] units) {
        if (seconds == null) {
            return "—";
        }
        String d = "\u00a0" + units[0];
        String h = "\u00a0" + units[1];
        String m = "\u00a0" + units[2];
        String s = "\u00a0" + units[3];
        long days = seconds / 86400;
        long hours = seconds % 86400 / 3600;
        long minutes = seconds % 3600 / 60;
        if (days > 0) {
            return days + d + (hours > 0 ? " " + hours + h : "");
        }
        if (hours > 0) {
            return hours + h + (minutes > 0 ? " " + minutes + m : "");
        }
        return minutes > 0 ? minutes + m : seconds + s;
    }
}
