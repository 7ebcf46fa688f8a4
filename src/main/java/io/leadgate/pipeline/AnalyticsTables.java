package io.leadgate.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The analytics answers as tables, for CSV (the API's {@code format=csv} and the console's downloads). Pure. */
public final class AnalyticsTables {

    /** The tables of the funnel answer ({@code table=} on the API). */
    public static final List<String> FUNNEL_TABLES = List.of("stages", "lost", "groups");

    private AnalyticsTables() {
    }

    public static Csv.Table funnel(FunnelQuery.Answer a, String table) {
        String t = table == null || table.isBlank() ? "stages" : table.strip();
        return switch (t) {
            case "stages" -> stages(a);
            case "lost" -> lost(a);
            case "groups" -> groups(a);
            default -> throw PipelineException.invalid("table must be one of " + String.join(", ", FUNNEL_TABLES));
        };
    }

    static Csv.Table stages(FunnelQuery.Answer a) {
        List<String> header = new ArrayList<>(List.of("stage", "semantics", "deals", "conversion", "step_conversion",
                "median_seconds_in_stage"));
        if (a.previous() != null) {
            header.addAll(List.of("previous_deals", "previous_conversion"));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < a.stages().size(); i++) {
            Funnel.StageRow s = a.stages().get(i);
            List<Object> row = new ArrayList<>(List.of(s.name(), s.semantics(), s.count(), s.conversion()));
            row.add(s.stepConversion());
            row.add(s.medianSecondsInStage());
            if (a.previous() != null) {
                Funnel.StageRow p = a.previous().report().stages().get(i);
                row.add(p.count());
                row.add(p.conversion());
            }
            rows.add(row);
        }
        return new Csv.Table("funnel-stages", header, rows);
    }

    static Csv.Table lost(FunnelQuery.Answer a) {
        return counts("funnel-lost", "loss_reason", "deals", a.lost());
    }

    static Csv.Table groups(FunnelQuery.Answer a) {
        List<String> header = new ArrayList<>(List.of(a.by() == null ? "group" : a.by(), "deals", "won",
                "conversion"));
        a.stages().forEach(s -> header.add(s.name()));
        List<List<Object>> rows = new ArrayList<>();
        for (Map.Entry<String, Funnel.Report> g : a.groups().entrySet()) {
            List<Object> row = new ArrayList<>(List.of(g.getKey(), g.getValue().deals(), g.getValue().won(),
                    g.getValue().conversion()));
            g.getValue().stages().forEach(s -> row.add(s.count()));
            rows.add(row);
        }
        return new Csv.Table("funnel-groups", header, rows);
    }

    public static Csv.Table leads(LeadStats.LeadAnswer a) {
        return counts("leads", a.by() == null ? "group" : a.by(), "leads", a.groups());
    }

    public static Csv.Table series(LeadStats.Series s) {
        List<List<Object>> rows = new ArrayList<>();
        s.rows().forEach(r -> rows.add(List.of(r.period(), r.channel(), r.count())));
        return new Csv.Table("leads-series", List.of(s.bucket(), "channel", "leads"), rows);
    }

    public static Csv.Table won(LeadStats.Won w) {
        List<List<Object>> rows = new ArrayList<>();
        w.rows().forEach(r -> rows.add(java.util.Arrays.asList(r.key(), r.currency(), r.deals(), r.amount())));
        return new Csv.Table("won-by-" + w.by(), List.of(w.by(), "currency", "deals", "amount"), rows);
    }

    private static Csv.Table counts(String name, String key, String count, Map<String, Long> values) {
        List<List<Object>> rows = new ArrayList<>();
        values.forEach((k, v) -> rows.add(List.of(k, v)));
        return new Csv.Table(name, List.of(key, count), rows);
    }
}
