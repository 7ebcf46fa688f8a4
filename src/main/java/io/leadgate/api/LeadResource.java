package io.leadgate.api;

import io.leadgate.lead.Lead;
import io.leadgate.lead.LeadStatus;
import io.leadgate.lead.LeadView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** {@code GET /api/leads}: leads, oldest first. */
@Path("/api/leads")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "read")
public class LeadResource {

    @GET
    public List<LeadView> list(@QueryParam("contactId") String contactId, @QueryParam("channelId") String channelId,
                               @QueryParam("status") String status, @QueryParam("limit") String limit,
                               @QueryParam("offset") String offset) {
        Params.Page page = Params.page(limit, offset);
        Filter filter = new Filter().eq("contactId", Params.id("contactId", contactId)).eq("channelId", channelId)
                .eq("status", status == null || status.isBlank() ? null : parseStatus(status));
        return Lead.<Lead>find(filter.query("id"), filter.params())
                .range(page.offset(), page.offset() + page.limit() - 1)
                .stream().map(LeadView::of).toList();
    }

    @GET
    @Path("{id}")
    public LeadView one(@PathParam("id") String id) {
        Lead lead = Lead.findById(Params.pathId("lead", id));
        if (lead == null) {
            throw ApiError.notFound("no lead " + id);
        }
        return LeadView.of(lead);
    }

    private static LeadStatus parseStatus(String status) {
        try {
            return LeadStatus.fromCode(status.strip());
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("status must be one of new, in-progress, converted, junk");
        }
    }
}
