package io.leadgate.api;

import io.leadgate.pipeline.SpeedToLead;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Speed to lead: time from a lead's arrival to the first action on it, by manager, channel or source. */
@Path("/api/speed-to-lead")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "desk")
public class SpeedToLeadResource {

    private final SpeedToLead speed;

    SpeedToLeadResource(SpeedToLead speed) {
        this.speed = speed;
    }

    @GET
    @Operation(summary = "Leads that arrived in [from, to): count, answered, breaches of the limit, median and average"
            + " seconds to the first action; by manager, channel or source")
    public SpeedToLead.Report report(@QueryParam("from") String from, @QueryParam("to") String to,
                                     @QueryParam("by") String by) {
        return speed.report(TaskResource.instant("from", from), TaskResource.instant("to", to), by);
    }
}
