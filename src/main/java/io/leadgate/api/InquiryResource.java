package io.leadgate.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.intake.InquiryViews;
import io.leadgate.intake.StoredInquiry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
        Filter filter = new Filter().eq("channelId", channelId).eq("externalId", externalId)
                .eq("contactId", Params.id("contactId", contactId)).eq("leadId", Params.id("leadId", leadId));
        return StoredInquiry.<StoredInquiry>find(filter.query("id"), filter.params())
                .range(page.offset(), page.offset() + page.limit() - 1)
                .stream().map(InquiryViews::of).toList();
    }
}
