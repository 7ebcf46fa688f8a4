package io.leadgate.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.intake.AttachmentContent;
import io.leadgate.intake.InquiryViews;
import io.leadgate.intake.StoredInquiry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code GET /api/inquiries}: stored inquiries, oldest first; stored attachment contents. */
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

    /** An attachment's bytes, for channels that keep them ({@code attachments: store}); 404 when not kept. */
    @GET
    @Path("{id}/attachments/{position}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "The content of a stored attachment (position = index in the inquiry's attachments)")
    public Response attachment(@PathParam("id") String id, @PathParam("position") String position) {
        long inquiryId = Params.pathId("inquiry", id);
        int index = (int) Math.min(Integer.MAX_VALUE, Params.pathId("attachment", position));
        AttachmentContent content = AttachmentContent.of(inquiryId, index)
                .orElseThrow(() -> ApiError.notFound("no stored content for attachment " + index + " of inquiry " + id));
        String type = content.contentType == null || content.contentType.isBlank() ? "application/octet-stream"
                : content.contentType;
        String name = content.name == null ? "attachment" : content.name;
        return Response.ok(content.content, type)
                .header("Content-Disposition", "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
