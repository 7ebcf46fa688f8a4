package io.leadgate.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Revenue (won amounts), the weighted forecast (open amounts × stage probability), managers' contribution month by
 * month, and deal temperature. Amounts are summed per currency, never converted. Months are UTC calendar months.
 */
@ApplicationScoped
public class SalesAnalytics {

    public static final List<String> REVENUE_GROUPINGS = List.of("stage", "manager", "source", "campaign", "client",
            "month");
    public static final List<String> FORECAST_GROUPINGS = List.of("stage", "manager", "source", "campaign", "client",
            "month", "temperature");
    static final String NONE = "none";

    /** Deals and their amounts per currency. */
    public record Sum(long deals, Map<String, BigDecimal> amount) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Revenue(Instant from, Instant to, String by, long deals, Map<String, BigDecimal> amount,
                          Map<String, Sum> groups) {
    }

    /** A forecast line: open deals, their amounts and weighted amounts per currency. */
    public record Weighted(long deals, Map<String, BigDecimal> amount, Map<String, BigDecimal> weighted) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Forecast(String by, long deals, Map<String, BigDecimal> amount, Map<String, BigDecimal> weighted,
                           Map<String, Weighted> groups) {
    }

    /**
     * One manager's month: deals taken (created with them responsible), deals won (entered a won stage), revenue,
     * conversion (won / taken, null without deals taken), share of the whole team's revenue per currency, and the
     * change against the month before.
     */
    public record Month(String month, long leads, long won, Map<String, BigDecimal> revenue, Double conversion,
                       Map<String, BigDecimal> share, long wonChange, Map<String, BigDecimal> revenueChange) {
    }

    public record Contribution(String from, String to, Map<String, List<Month>> managers, List<Month> team) {
    }

    public record Warmth(String dealId, String title, String stageId, String manager, String temperature,
                         Instant lastActivity) {
    }

    public record Temperatures(Instant at, Map<String, Long> counts, List<Warmth> deals) {
    }

    private final SalesFacts facts;
    private final java.time.Clock clock;

    SalesAnalytics(SalesFacts facts, java.time.Clock clock) {
        this.facts = facts;
        this.clock = clock;
    }

    /** Won deals whose entry into their won stage falls in [from, to), grouped. */
    public Revenue revenue(SalesFacts.Filter filter, String from, String to, String by) {
        Instant start = AnalyticsPeriod.instant("from", from, false, ZoneOffset.UTC);
        Instant end = AnalyticsPeriod.instant("to", to, true, ZoneOffset.UTC);
        String grouping = grouping(by, REVENUE_GROUPINGS);
        if (SalesFacts.notBlank(filter.temperature())) {
            throw PipelineException.invalid("temperature filters open deals: use it with the forecast");
        }
        List<SalesFacts.Fact> won = facts.load(filter, List.of("won")).stream()
                .filter(f -> !f.stageEnteredAt().isBefore(start) && f.stageEnteredAt().isBefore(end)).toList();
        Map<String, BigDecimal> total = new TreeMap<>();
        Map<String, Sum> groups = new TreeMap<>();
        for (SalesFacts.Fact f : won) {
            add(total, f.currency(), f.amount());
            if (grouping != null) {
                String key = key(grouping, f);
                Sum s = groups.getOrDefault(key, new Sum(0, new TreeMap<>()));
                add(s.amount(), f.currency(), f.amount());
                groups.put(key, new Sum(s.deals() + 1, s.amount()));
            }
        }
        return new Revenue(start, end, grouping, won.size(), total, groups);
    }

    /** Open deals with an amount (and an expected close date in [from, to) when either is given), weighted. */
    public Forecast forecast(SalesFacts.Filter filter, String from, String to, String by) {
        String grouping = grouping(by, FORECAST_GROUPINGS);
        LocalDate start = SalesFacts.notBlank(from) ? LocalDate.ofInstant(AnalyticsPeriod.instant("from", from, false, ZoneOffset.UTC),
                ZoneOffset.UTC) : null;
        LocalDate end = SalesFacts.notBlank(to) ? LocalDate.ofInstant(AnalyticsPeriod.instant("to", to, true, ZoneOffset.UTC),
                ZoneOffset.UTC) : null;
        List<SalesFacts.Fact> open = facts.load(filter, List.of("open")).stream()
                .filter(f -> f.amount() != null)
                .filter(f -> start == null || (f.expectedClose() != null && !f.expectedClose().isBefore(start)))
                .filter(f -> end == null || (f.expectedClose() != null && f.expectedClose().isBefore(end))).toList();
        Map<String, BigDecimal> amount = new TreeMap<>();
        Map<String, BigDecimal> weighted = new TreeMap<>();
        Map<String, Weighted> groups = new TreeMap<>();
        for (SalesFacts.Fact f : open) {
            BigDecimal w = Probabilities.weighted(f.amount(), f.probability());
            add(amount, f.currency(), f.amount());
            add(weighted, f.currency(), w);
            if (grouping != null) {
                Weighted g = groups.computeIfAbsent(key(grouping, f), k -> new Weighted(0, new TreeMap<>(), new TreeMap<>()));
                add(g.amount(), f.currency(), f.amount());
                add(g.weighted(), f.currency(), w);
                groups.put(key(grouping, f), new Weighted(g.deals() + 1, g.amount(), g.weighted()));
            }
        }
        return new Forecast(grouping, open.size(), amount, weighted, groups);
    }

    /**
     * Each manager's months from {@code from} to {@code to} (YYYY-MM, both included; default: the last 6 months up
     * to the current one by the clock), and the team's.
     */
    public Contribution contribution(SalesFacts.Filter filter, String from, String to) {
        if (SalesFacts.notBlank(filter.temperature())) {
            throw PipelineException.invalid("temperature filters open deals: use it with the forecast");
        }
        YearMonth last = SalesFacts.notBlank(to) ? month("to", to) : YearMonth.now(clock.withZone(ZoneOffset.UTC));
        YearMonth first = SalesFacts.notBlank(from) ? month("from", from) : last.minusMonths(5);
        if (first.isAfter(last)) {
            throw PipelineException.invalid("from is after to");
        }
        if (first.plusMonths(120).isBefore(last)) {
            throw PipelineException.invalid("at most 120 months at once");
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first.minusMonths(1); !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m); // the month before "from" too, to compare the first month with
        }
        List<SalesFacts.Fact> all = facts.load(filter, List.of("open", "won", "lost"));
        Map<String, Map<YearMonth, long[]>> counts = new TreeMap<>();
        Map<String, Map<YearMonth, Map<String, BigDecimal>>> revenue = new TreeMap<>();
        Map<YearMonth, long[]> teamCounts = new TreeMap<>();
        Map<YearMonth, Map<String, BigDecimal>> teamRevenue = new TreeMap<>();
        for (SalesFacts.Fact f : all) {
            String manager = f.manager() == null || f.manager().isBlank() ? NONE : f.manager();
            YearMonth taken = YearMonth.from(f.createdAt().atZone(ZoneOffset.UTC));
            if (months.contains(taken)) {
                counts.computeIfAbsent(manager, k -> new TreeMap<>()).computeIfAbsent(taken, k -> new long[2])[0]++;
                teamCounts.computeIfAbsent(taken, k -> new long[2])[0]++;
            }
            if ("won".equals(f.status())) {
                YearMonth won = YearMonth.from(f.stageEnteredAt().atZone(ZoneOffset.UTC));
                if (months.contains(won)) {
                    counts.computeIfAbsent(manager, k -> new TreeMap<>()).computeIfAbsent(won, k -> new long[2])[1]++;
                    teamCounts.computeIfAbsent(won, k -> new long[2])[1]++;
                    add(revenue.computeIfAbsent(manager, k -> new TreeMap<>()).computeIfAbsent(won, k -> new TreeMap<>()),
                            f.currency(), f.amount());
                    add(teamRevenue.computeIfAbsent(won, k -> new TreeMap<>()), f.currency(), f.amount());
                }
            }
        }
        Map<String, List<Month>> managers = new TreeMap<>();
        for (String manager : counts.keySet()) {
            managers.put(manager, months(months, counts.get(manager),
                    revenue.getOrDefault(manager, Map.of()), teamRevenue));
        }
        return new Contribution(first.toString(), last.toString(), managers,
                months(months, teamCounts, teamRevenue, teamRevenue));
    }

    private static List<Month> months(List<YearMonth> months, Map<YearMonth, long[]> counts,
                                      Map<YearMonth, Map<String, BigDecimal>> revenue,
                                      Map<YearMonth, Map<String, BigDecimal>> team) {
        List<Month> out = new ArrayList<>();
        for (int i = 1; i < months.size(); i++) {
            YearMonth m = months.get(i);
            long[] c = counts.getOrDefault(m, new long[2]);
            long[] before = counts.getOrDefault(months.get(i - 1), new long[2]);
            Map<String, BigDecimal> r = new TreeMap<>(revenue.getOrDefault(m, Map.of()));
            Map<String, BigDecimal> prev = revenue.getOrDefault(months.get(i - 1), Map.of());
            Map<String, BigDecimal> share = new TreeMap<>();
            team.getOrDefault(m, Map.of()).forEach((cur, all) -> {
                if (all.signum() > 0) {
                    share.put(cur, r.getOrDefault(cur, BigDecimal.ZERO).divide(all, 4, RoundingMode.HALF_UP));
                }
            });
            Map<String, BigDecimal> change = new TreeMap<>();
            for (String cur : union(r, prev)) {
                change.put(cur, r.getOrDefault(cur, BigDecimal.ZERO.setScale(2))
                        .subtract(prev.getOrDefault(cur, BigDecimal.ZERO.setScale(2))));
            }
            Double conversion = c[0] == 0 ? null : BigDecimal.valueOf(c[1])
                    .divide(BigDecimal.valueOf(c[0]), 4, RoundingMode.HALF_UP).doubleValue();
            out.add(new Month(m.toString(), c[0], c[1], r, conversion, share, c[1] - before[1], change));
        }
        return out;
    }

    /** Open deals by temperature (optionally one temperature), hottest first, then by last activity. */
    public Temperatures temperatures(SalesFacts.Filter filter) {
        List<SalesFacts.Fact> open = facts.load(filter, List.of("open"));
        Map<Temperature, Long> counts = new EnumMap<>(Temperature.class);
        for (Temperature t : Temperature.values()) {
            counts.put(t, 0L);
        }
        List<Warmth> deals = new ArrayList<>();
        open.stream().sorted(java.util.Comparator.comparing(SalesFacts.Fact::temperature).reversed()
                        .thenComparing(SalesFacts.Fact::lastActivity, java.util.Comparator.reverseOrder()))
                .forEach(f -> {
                    counts.merge(f.temperature(), 1L, Long::sum);
                    Deal d = Deal.findById(f.id());
                    deals.add(new Warmth(String.valueOf(f.id()), DealTitles.of(d), String.valueOf(f.stageId()),
                            f.manager(), f.temperature().code(), f.lastActivity()));
                });
        Map<String, Long> byCode = new java.util.LinkedHashMap<>();
        for (Temperature t : List.of(Temperature.HOT, Temperature.WARM, Temperature.COLD)) {
            byCode.put(t.code(), counts.get(t));
        }
        return new Temperatures(clock.instant(), byCode, deals);
    }

    private static String key(String grouping, SalesFacts.Fact f) {
        Function<String, String> k = v -> v == null || v.isBlank() ? NONE : v;
        return switch (grouping) {
            case "stage" -> f.stageName() + " (" + f.stageId() + ")";
            case "manager" -> k.apply(f.manager());
            case "source" -> k.apply(f.source());
            case "campaign" -> k.apply(f.campaign());
            case "client" -> f.clientType();
            case "temperature" -> f.temperature() == null ? NONE : f.temperature().code();
            default -> "won".equals(f.status()) ? YearMonth.from(f.stageEnteredAt().atZone(ZoneOffset.UTC)).toString()
                    : f.expectedClose() == null ? NONE : YearMonth.from(f.expectedClose()).toString();
        };
    }

    private static void add(Map<String, BigDecimal> sums, String currency, BigDecimal amount) {
        if (amount != null) {
            sums.merge(currency == null ? NONE : currency, amount, BigDecimal::add);
        }
    }

    private static java.util.Set<String> union(Map<String, ?> a, Map<String, ?> b) {
        java.util.Set<String> s = new java.util.TreeSet<>(a.keySet());
        s.addAll(b.keySet());
        return s;
    }

    private static String grouping(String by, List<String> allowed) {
        if (by == null || by.isBlank()) {
            return null;
        }
        return SalesFacts.choice("by", by, allowed);
    }

    static YearMonth month(String name, String value) {
        try {
            String v = value.strip();
            return v.length() == 7 ? YearMonth.parse(v) : YearMonth.from(LocalDate.parse(v));
        } catch (DateTimeParseException e) {
            throw PipelineException.invalid(name + " must be a month (2026-03) or a date (2026-03-31)");
        }
    }
}
