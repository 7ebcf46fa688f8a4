package io.leadgate.api;

import io.leadgate.pipeline.FunnelQuery;
import io.leadgate.pipeline.SalesAnalytics;
import io.leadgate.pipeline.SalesFacts;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Funnel, lead and sales analytics (CONTRACT §7). */
@Path("/api/analytics")
@Produces(MediaType.APPLICATION_JSON)
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

    private final FunnelQuery funnels;
    private final SalesAnalytics sales;

    AnalyticsResource(FunnelQuery funnels, SalesAnalytics sales) {
        this.funnels = funnels;
        this.sales = sales;
    }

    /** {@code ?pipelineId=&from=&to=&by=manager|source|channel|day} → {@code {stages, lost, groups, …}}. */
    @GET
    @Path("funnel")
    public FunnelQuery.Answer funnel(@QueryParam("pipelineId") String pipelineId, @QueryParam("from") String from,
                                     @QueryParam("to") String to, @QueryParam("by") String by) {
        return funnels.funnel(pipelineId, from, to, by);
    }

    /** {@code ?from=&to=&by=source|channel|junk-reason|status|day} → lead counts. */
    @GET
    @Path("leads")
    public FunnelQuery.LeadAnswer leads(@QueryParam("from") String from, @QueryParam("to") String to,
                                        @QueryParam("by") String by) {
        return funnels.leads(from, to, by);
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
}
