package io.leadgate.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.pipeline.Deal;
import io.leadgate.pipeline.DealService;
import io.leadgate.pipeline.TaskService;
import io.leadgate.pipeline.DealView;
import io.leadgate.pipeline.MoveView;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Deals (CONTRACT §7): list, create, update, move with history (who, when, from, to), tasks. */
@Path("/api/deals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "pipeline")
public class DealResource {

    public record CreateBody(String contactId, String pipelineId, String stageId, JsonNode amount, String currency,
                             String responsible, String actor) {
    }

    public record MoveBody(String stageId, String lossReason, String actor) {
    }

    private final DealService deals;
    private final TaskService tasks;

    DealResource(DealService deals, TaskService tasks) {
        this.deals = deals;
        this.tasks = tasks;
    }

    @GET
    public List<DealView> list(@QueryParam("pipelineId") String pipelineId, @QueryParam("contactId") String contactId,
                               @QueryParam("stageId") String stageId, @QueryParam("leadId") String leadId,
                               @QueryParam("status") String status, @QueryParam("responsible") String responsible,
                               @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        Params.Page page = Params.page(limit, offset);
        Filter filter = new Filter().eq("pipelineId", Params.id("pipelineId", pipelineId))
                .eq("contactId", Params.id("contactId", contactId)).eq("stageId", Params.id("stageId", stageId))
                .eq("leadId", Params.id("leadId", leadId)).eq("status", status).eq("responsible", responsible);
        return Deal.<Deal>find(filter.query("id"), filter.params())
                .range(page.offset(), page.offset() + page.limit() - 1).stream().map(DealView::of).toList();
    }

    @GET
    @Path("{id}")
    public DealView one(@PathParam("id") String id) {
        return DealView.of(deals.find(Params.pathId("deal", id)));
    }

    /** {@code {contactId, pipelineId?, stageId?, amount?, currency?, responsible?}} → 201. */
    @POST
    public Response create(@HeaderParam("X-Actor") String actor, CreateBody body) {
        if (body == null) {
            throw ApiError.badRequest("a JSON object {contactId} is required");
        }
        DealView deal = deals.create(body.contactId(), body.pipelineId(), body.stageId(), body.amount(), body.currency(),
                body.responsible(), PipelineErrors.actor(actor, body.actor()));
        return Response.status(201).entity(deal).build();
    }

    /** {@code {amount?, currency?, responsible?, fields?: {name: value|null}}}. */
    @PATCH
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
