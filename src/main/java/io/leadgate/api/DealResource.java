package io.leadgate.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.pipeline.Deal;
import io.leadgate.pipeline.DealItems;
import io.leadgate.pipeline.DealService;
import io.leadgate.pipeline.TaskService;
import io.leadgate.pipeline.DealView;
import io.leadgate.pipeline.MoveView;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Deals (CONTRACT §7): list, create, update, move with history (who, when, from, to), tasks. */
@Path("/api/deals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "pipeline")
public class DealResource {

    public record CreateBody(String contactId, String pipelineId, String stageId, JsonNode amount, String currency,
                             String responsible, String title, String expectedCloseDate, String actor) {
    }

    public record MoveBody(String stageId, String lossReason, String actor) {
    }

    private final DealService deals;
    private final TaskService tasks;
    private final DealItems items;

    DealResource(DealService deals, TaskService tasks, DealItems items) {
        this.deals = deals;
        this.tasks = tasks;
        this.items = items;
    }

    @GET
    public List<DealView> list(@QueryParam("pipelineId") String pipelineId, @QueryParam("contactId") String contactId,
                               @QueryParam("stageId") String stageId, @QueryParam("leadId") String leadId,
                               @QueryParam("status") String status, @QueryParam("responsible") String responsible,
                               @QueryParam("sourceDealId") String sourceDealId,
                               @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        Params.Page page = Params.page(limit, offset);
        Filter filter = new Filter().eq("pipelineId", Params.id("pipelineId", pipelineId))
                .eq("contactId", Params.id("contactId", contactId)).eq("stageId", Params.id("stageId", stageId))
                .eq("leadId", Params.id("leadId", leadId)).eq("status", status).eq("responsible", responsible)
                .eq("sourceDealId", Params.id("sourceDealId", sourceDealId));
        return Deal.<Deal>find(filter.query("id"), filter.params())
                .range(page.offset(), page.offset() + page.limit() - 1).list().stream().map(DealView::of).toList();
    }

    @GET
    @Path("{id}")
    public DealView one(@PathParam("id") String id) {
        return DealView.of(deals.find(Params.pathId("deal", id)));
    }

    /** {@code {contactId, pipelineId?, stageId?, amount?, currency?, responsible?, title?, expectedCloseDate?}} → 201. */
    @POST
    @Operation(summary = "Create a deal for a contact (a new or a returning client)",
            description = "Without a title the deal shows the default '{client} — {source}'. An amount given here is "
                    + "set by hand; without one the amount follows the deal's products.")
    public Response create(@HeaderParam("X-Actor") String actor, CreateBody body) {
        if (body == null) {
            throw ApiError.badRequest("a JSON object {contactId} is required");
        }
        DealView deal = deals.create(body.contactId(), body.pipelineId(), body.stageId(), body.amount(), body.currency(),
                body.responsible(), body.title(), body.expectedCloseDate(), PipelineErrors.actor(actor, body.actor()));
        return Response.status(201).entity(deal).build();
    }

    /** {@code {amount?, currency?, responsible?, title?, expectedCloseDate?, fields?: {name: value|null}}}. */
    @PATCH
    @Operation(summary = "Change a deal",
            description = "amount: a number sets it by hand, null makes it follow the products again; title: null "
                    + "restores the default; expectedCloseDate: YYYY-MM-DD or null; fields: {name: value|null}.")
    @Path("{id}")
    public DealView update(@PathParam("id") String id, @HeaderParam("X-Actor") String actor, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiError.badRequest("a JSON object is required");
        }
        return deals.update(Params.pathId("deal", id), (ObjectNode) body, PipelineErrors.actor(actor, body.path("actor").asText(null)));
    }

    /** {@code POST /api/deals/{id}/move {stageId, lossReason?}}; who moved: X-Actor header or body actor. */
    @POST
    @Path("{id}/move")
    public DealView move(@PathParam("id") String id, @HeaderParam("X-Actor") String actor, MoveBody body) {
        if (body == null) {
            throw ApiError.badRequest("a JSON object {stageId} is required");
        }
        return deals.move(Params.pathId("deal", id), body.stageId(), body.lossReason(),
                PipelineErrors.actor(actor, body.actor()));
    }

    @GET
    @Path("{id}/items")
    @Operation(summary = "The products on a deal, with the amount they give")
    public DealItems.Answer items(@PathParam("id") String id) {
        return items.list(Params.pathId("deal", id));
    }

    /** {@code [{productId, quantity?}]}: replaces all lines. */
    @PUT
    @Path("{id}/items")
    @Operation(summary = "Replace the products on a deal: [{productId, quantity}]",
            description = "Each line keeps the catalogue name, price and currency of now. Unless the amount was set "
                    + "by hand, the deal's amount becomes the sum of price × quantity. A product in another currency "
                    + "than the deal's is refused (400).")
    public DealItems.Answer replaceItems(@PathParam("id") String id, List<DealItems.Line> body) {
        return items.replace(Params.pathId("deal", id), body);
    }

    /** {@code {productId, quantity?}} → 201. */
    @POST
    @Path("{id}/items")
    @Operation(summary = "Add a product to a deal: {productId, quantity}")
    public Response addItem(@PathParam("id") String id, DealItems.Line body) {
        return Response.status(201).entity(items.add(Params.pathId("deal", id), body)).build();
    }

    @DELETE
    @Path("{id}/items/{itemId}")
    @Operation(summary = "Remove a product line from a deal")
    public DealItems.Answer removeItem(@PathParam("id") String id, @PathParam("itemId") String itemId) {
        return items.remove(Params.pathId("deal", id), Params.pathId("item", itemId));
    }

    @GET
    @Path("{id}/history")
    public List<MoveView> history(@PathParam("id") String id) {
        return deals.history(Params.pathId("deal", id));
    }

    /** The deal's tasks, all states, oldest first (the desk's task view: {@code /api/tasks}). */
    @GET
    @Path("{id}/tasks")
    public List<TaskService.TaskView> tasks(@PathParam("id") String id) {
        long dealId = Params.pathId("deal", id);
        deals.find(dealId);
        return tasks.list(null, null, dealId, TaskService.State.ALL, 0, Params.MAX_LIMIT);
    }
}
