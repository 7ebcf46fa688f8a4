package io.leadgate.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.intake.InquiryViews;
import io.leadgate.intake.StoredInquiry;
import io.quarkus.panache.common.Parameters;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;

/** {@code GET /api/inquiries}: stored inquiries, oldest first. */
@Path("/api/inquiries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "read")
public class InquiryResource {

    @GET
    public List<ObjectNode> list(@QueryParam("channelId") String channelId, @QueryParam("externalId") String externalId,
                                 @QueryParam("contactId") String contactId, @QueryParam("leadId") String leadId,
                                 @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        Params.Page page = Params.page(limit, offset);
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (channelId != null && !channelId.isBlank()) {
            where.add("channelId = :channelId");
            params.and("channelId", channelId);
        }
        if (externalId != null && !externalId.isBlank()) {
            where.add("externalId = :externalId");
            params.and("externalId", externalId);
        }
        Long contact = Params.id("contactId", contactId);
        if (contact != null) {
            where.add("contactId = :contactId");
            params.and("contactId", contact);
        }
        Long lead = Params.id("leadId", leadId);
        if (lead != null) {
            where.add("leadId = :leadId");
            params.and("leadId", lead);
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where)) + " order by id";
        return StoredInquiry.<StoredInquiry>find(query, params).range(page.offset(), page.offset() + page.limit() - 1)
                .stream().map(InquiryViews::of).toList();
    }
}
