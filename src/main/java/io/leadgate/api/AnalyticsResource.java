package io.leadgate.api;

import io.leadgate.pipeline.AnalyticsTables;
import io.leadgate.pipeline.Csv;
import io.leadgate.pipeline.FunnelQuery;
import io.leadgate.pipeline.LeadStats;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.function.Function;

/**
 * Funnel and lead analytics (CONTRACT §7, docs/api.md#analytics). Every answer takes {@code tz} (the calendar of
 * dates and day/week/month buckets; default {@code leadgate.analytics.time-zone}) and {@code format=csv} (its table
 * as CSV).
 */
@Path("/api/analytics")
@Produces({MediaType.APPLICATION_JSON, Csv.TYPE})
@Tag(name = "pipeline")
public class AnalyticsResource {

    private final FunnelQuery funnels;
    private final LeadStats leads;

    AnalyticsResource(FunnelQuery funnels, LeadStats leads) {
        this.funnels = funnels;
        this.leads = leads;
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
        FunnelQuery.Answer a = funnels.funnel(pipelineId, funnels.period(from, to, tz), by, previous);
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
}
