package io.leadgate.api;

import io.leadgate.pipeline.AnalyticsSettings;
import io.leadgate.pipeline.AnalyticsTables;
import io.leadgate.pipeline.Csv;
import io.leadgate.pipeline.FunnelQuery;
import io.leadgate.pipeline.LeadStats;
import io.leadgate.pipeline.LeadTemperatures;
import io.leadgate.pipeline.SalesAnalytics;
import io.leadgate.pipeline.SalesFacts;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.function.Function;

/**
 * Funnel, lead and sales analytics (CONTRACT §7, docs/api.md#analytics). Funnel and lead answers take {@code tz} (the
 * calendar of dates and day/week/month buckets; default the zone set at {@code /api/analytics/time-zone}, else
 * {@code leadgate.analytics.time-zone}) and {@code format=csv}
 * (their table as CSV).
 */
@Path("/api/analytics")
@Produces({MediaType.APPLICATION_JSON, Csv.TYPE})
@Tag(name = "pipeline")
public class AnalyticsResource {

    /** The filters every sales report takes; each given one must hold. */
    public static class SalesParams {
        @QueryParam("pipelineId")
        String pipelineId;
        @QueryParam("productId")
        String productId;
        @QueryParam("client")
        String client;
        @QueryParam("temperature")
        String temperature;
        @QueryParam("manager")
        String manager;
        @QueryParam("source")
        String source;
        @QueryParam("campaign")
        String campaign;

        SalesFacts.Filter filter() {
            return new SalesFacts.Filter(pipelineId, productId, client, temperature, manager, source, campaign);
        }
    }

    /** {@code {timeZone}}: a region id such as Europe/Moscow, or UTC; blank or null = back to the configured one. */
    public record TimeZoneBody(String timeZone) {
    }

    /** The zone in force, whether an administrator set it ({@code stored}), and the configured fallback. */
    public record TimeZoneView(String timeZone, boolean stored, String fallback) {
        static TimeZoneView of(AnalyticsSettings.TimeZone z) {
            return new TimeZoneView(z.zone(), z.stored(), z.fallback());
        }
    }

    private final FunnelQuery funnels;
    private final LeadStats leads;
    private final SalesAnalytics sales;
    private final LeadTemperatures leadTemperatures;
    private final AnalyticsSettings settings;

    AnalyticsResource(FunnelQuery funnels, LeadStats leads, SalesAnalytics sales, LeadTemperatures leadTemperatures,
                      AnalyticsSettings settings) {
        this.funnels = funnels;
        this.leads = leads;
        this.sales = sales;
        this.leadTemperatures = leadTemperatures;
        this.settings = settings;
    }

    /** The time zone analytics read dates in when a request has no {@code tz}. */
    @GET
    @Path("time-zone")
    @Produces(MediaType.APPLICATION_JSON)
    public TimeZoneView timeZone() {
        return TimeZoneView.of(settings.timeZone());
    }

    /** {@code {timeZone}} → the zone in force; not a time zone → 400; blank → the configured zone again. */
    @PUT
    @Path("time-zone")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public TimeZoneView setTimeZone(@HeaderParam("X-Actor") String actor, TimeZoneBody body) {
        if (body == null) {
            throw ApiError.badRequest("a JSON object {timeZone} is required");
        }
        return TimeZoneView.of(settings.setTimeZone(body.timeZone(), PipelineErrors.actor(actor, null)));
    }

    /**
     * {@code ?pipelineId=&from=&to=&tz=&by=manager|source|channel|campaign|day|week|month&compare=previous}
     * → {@code {stages, lost, groups, previous, …}}; with {@code format=csv} the table named by {@code table}
     * ({@code stages}, {@code lost} or {@code groups}).
     */
    @GET
    @Path("funnel")
    public Response funnel(@QueryParam("pipelineId") String pipelineId, @QueryParam("from") String from,
                           @QueryParam("to") String to, @QueryParam("tz") String tz, @QueryParam("by") String by,
                           @QueryParam("compare") String compare, @QueryParam("format") String format,
                           @QueryParam("table") String table) {
        boolean previous = compare(compare);
        // a CSV table shows only the period's own medians: the groups' are not computed for it
        boolean csv = format != null && format.equals("csv");
        FunnelQuery.Answer a = funnels.funnel(pipelineId, funnels.period(from, to, tz), by, previous,
                csv ? FunnelQuery.Medians.SHOWN : FunnelQuery.Medians.ALL);
        return answer(format, a, x -> AnalyticsTables.funnel(x, table));
    }

    /** {@code ?from=&to=&tz=&by=source|channel|junk-reason|status|campaign|day|week|month} → lead counts. */
    @GET
    @Path("leads")
    public Response leads(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("tz") String tz,
                          @QueryParam("by") String by, @QueryParam("format") String format) {
        return answer(format, leads.leads(funnels.period(from, to, tz), by), AnalyticsTables::leads);
    }

    /** {@code ?from=&to=&tz=&bucket=day|week|month} → leads per bucket and channel. */
    @GET
    @Path("leads/series")
    public Response series(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("tz") String tz,
                           @QueryParam("bucket") String bucket, @QueryParam("format") String format) {
        return answer(format, leads.series(funnels.period(from, to, tz), bucket), AnalyticsTables::series);
    }

    /** {@code ?from=&to=&tz=&by=manager|source|channel|campaign} → deals won in the period and their amounts. */
    @GET
    @Path("won")
    public Response won(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("tz") String tz,
                        @QueryParam("by") String by, @QueryParam("format") String format) {
        return answer(format, leads.won(funnels.period(from, to, tz), by), AnalyticsTables::won);
    }

    private static boolean compare(String compare) {
        if (compare == null || compare.isBlank() || compare.equals("none") || compare.equals("false")) {
            return false;
        }
        if (compare.equals("previous") || compare.equals("true")) {
            return true;
        }
        throw ApiError.badRequest("compare must be previous or none");
    }

    private static <T> Response answer(String format, T answer, Function<T, Csv.Table> table) {
        if (format == null || format.isBlank() || format.equals("json")) {
            return Response.ok(answer, MediaType.APPLICATION_JSON).build();
        }
        if (!format.equals("csv")) {
            throw ApiError.badRequest("format must be json or csv");
        }
        Csv.Table t = table.apply(answer);
        return Response.ok(Csv.write(t), Csv.TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + t.name() + ".csv\"").build();
    }

    @GET
    @Path("revenue")
    @Operation(summary = "Revenue: won deals' amounts per currency, by stage, manager, source, campaign, client or month",
            description = "Counts deals in a won stage whose entry into it falls in [from, to). Filters: pipelineId, "
                    + "productId (deals with that product), client=new|repeat, manager, source, campaign (utm_campaign).")
    public SalesAnalytics.Revenue revenue(@BeanParam SalesParams params, @QueryParam("from") String from,
                                          @QueryParam("to") String to, @QueryParam("by") String by) {
        return sales.revenue(params.filter(), from, to, by);
    }

    @GET
    @Path("forecast")
    @Operation(summary = "Weighted forecast: open deals' amount × stage probability, per currency",
            description = "by: stage, manager, source, campaign, client, month (of the expected close date) or "
                    + "temperature. from/to keep deals expected to close in [from, to). Filters as for revenue, plus "
                    + "temperature=cold|warm|hot.")
    public SalesAnalytics.Forecast forecast(@BeanParam SalesParams params, @QueryParam("from") String from,
                                            @QueryParam("to") String to, @QueryParam("by") String by) {
        return sales.forecast(params.filter(), from, to, by);
    }

    @GET
    @Path("contribution")
    @Operation(summary = "Managers' contribution month by month: deals taken → won, revenue, share, change",
            description = "from/to: months (2026-01), both included; default the last 6 months. Each month holds the "
                    + "deals taken (created with the manager responsible), won (entered a won stage), revenue, "
                    + "conversion, share of the team's revenue and the change against the month before.")
    public SalesAnalytics.Contribution contribution(@BeanParam SalesParams params, @QueryParam("from") String from,
                                                    @QueryParam("to") String to) {
        return sales.contribution(params.filter(), from, to);
    }

    @GET
    @Path("temperature")
    @Operation(summary = "Open deals as cold, warm or hot (rules in docs/pipeline.md)",
            description = "Counts per temperature and the deals, hottest first; temperature= keeps one.")
    public SalesAnalytics.Temperatures temperature(@BeanParam SalesParams params) {
        return sales.temperatures(params.filter());
    }

    @GET
    @Path("lead-temperature")
    @Operation(summary = "Open leads (new, in progress) as cold, warm or hot (rules in docs/pipeline.md)",
            description = "Counts per temperature and the leads, hottest and most recent first (at most 200); "
                    + "temperature=, source=, channelId=, manager= keep those that match.")
    public LeadTemperatures.Answer leadTemperature(@QueryParam("temperature") String temperature,
                                                   @QueryParam("source") String source,
                                                   @QueryParam("channelId") String channelId,
                                                   @QueryParam("manager") String manager) {
        return leadTemperatures.of(temperature, source, channelId, manager);
    }
}
