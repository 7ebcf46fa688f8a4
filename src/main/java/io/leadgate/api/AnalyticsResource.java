package io.leadgate.api;

import io.leadgate.pipeline.FunnelQuery;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Funnel and lead analytics (CONTRACT §7). */
@Path("/api/analytics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "pipeline")
public class AnalyticsResource {

    private final FunnelQuery funnels;

    AnalyticsResource(FunnelQuery funnels) {
        this.funnels = funnels;
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
}
