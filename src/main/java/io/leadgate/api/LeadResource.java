package io.leadgate.api;

import io.leadgate.lead.Lead;
import io.leadgate.lead.LeadStatus;
import io.leadgate.lead.LeadView;
import io.quarkus.panache.common.Parameters;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
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
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        Long contact = Params.id("contactId", contactId);
        if (contact != null) {
            where.add("contactId = :contactId");
            params.and("contactId", contact);
        }
        if (channelId != null && !channelId.isBlank()) {
            where.add("channelId = :channelId");
            params.and("channelId", channelId);
        }
        if (status != null && !status.isBlank()) {
            where.add("status = :status");
            params.and("status", parseStatus(status));
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where)) + " order by id";
        return Lead.<Lead>find(query, params).range(page.offset(), page.offset() + page.limit() - 1)
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
