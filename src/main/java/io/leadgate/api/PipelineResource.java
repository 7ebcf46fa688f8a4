package io.leadgate.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.leadgate.pipeline.PipelineService;
import io.leadgate.pipeline.Probabilities;
import io.leadgate.pipeline.PipelineSpec;
import io.leadgate.pipeline.PipelineView;
import io.leadgate.pipeline.StageSpec;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;

/** Pipelines and their stages (CONTRACT §7). Answers carry {@code warnings} (e.g. outside 6–14 stages). */
@Path("/api/pipelines")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "pipeline")
public class PipelineResource {

    public record PipelineBody(String name, List<StageSpec> stages, List<String> managers, Boolean isDefault) {
    }

    public record PipelinePatch(String name, List<String> managers, @JsonProperty("default") Boolean isDefault) {
    }

    public record StageBody(String name, String color, String semantics, Integer position, Integer probability) {
    }

    public record Order(List<String> stageIds) {
    }

    private final PipelineService pipelines;
    private final Probabilities probabilities;

    PipelineResource(PipelineService pipelines, Probabilities probabilities) {
        this.pipelines = pipelines;
        this.probabilities = probabilities;
    }

    @GET
    public List<PipelineView> list() {
        return pipelines.list();
    }

    @GET
    @Path("{id}")
    public PipelineView one(@PathParam("id") String id) {
        return pipelines.get(Params.pathId("pipeline", id));
    }

    /** {@code {name, stages: [{name, color, semantics}], managers?, default?}} → 201. */
    @POST
    public Response create(@HeaderParam("X-Actor") String actor, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiError.badRequest("a JSON object {name, stages} is required");
        }
        PipelineBody b = read(body);
        PipelineView view = pipelines.create(new PipelineSpec(b.name(), b.stages()), b.managers(),
                Boolean.TRUE.equals(b.isDefault()), "api", PipelineErrors.actor(actor, null));
        return Response.status(201).entity(view).build();
    }

    /** Rename, set managers, make default: {@code {name?, managers?, default?}}. */
    @PATCH
    @Path("{id}")
    public PipelineView update(@PathParam("id") String id, @HeaderParam("X-Actor") String actor, PipelinePatch body) {
        if (body == null) {
            throw ApiError.badRequest("a JSON object is required");
        }
        return pipelines.update(Params.pathId("pipeline", id), body.name(), body.managers(), body.isDefault(),
                PipelineErrors.actor(actor, null));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam("X-Actor") String actor) {
        pipelines.delete(Params.pathId("pipeline", id), PipelineErrors.actor(actor, null));
        return Response.noContent().build();
    }

    /** Adds a stage {@code {name, color?, semantics?, position?}} (default: before the first closed stage) → 201. */
    @POST
    @Path("{id}/stages")
    public Response addStage(@PathParam("id") String id, @HeaderParam("X-Actor") String actor, StageBody body) {
        if (body == null) {
            throw ApiError.badRequest("a JSON object {name, color, semantics} is required");
        }
        PipelineView view = pipelines.addStage(Params.pathId("pipeline", id),
                new StageSpec(body.name(), body.color(), body.semantics()), body.position(), PipelineErrors.actor(actor, null));
        return Response.status(201).entity(view).build();
    }

    /** Renames, recolours, changes the semantics or sets the probability (0..100) of a stage. */
    @PATCH
    @Path("{id}/stages/{stageId}")
    @Operation(summary = "Change a stage: {name?, color?, semantics?, probability?}",
            description = "probability: the chance in % (0..100) that a deal in this in-progress stage is won; it "
                    + "weighs the forecast. Won stages are always 100, lost stages 0.")
    public PipelineView updateStage(@PathParam("id") String id, @PathParam("stageId") String stageId,
                                    @HeaderParam("X-Actor") String actor, StageBody body) {
        if (body == null) {
            throw ApiError.badRequest("a JSON object is required");
        }
        long pipelineId = Params.pathId("pipeline", id);
        long stage = Params.pathId("stage", stageId);
        PipelineView view = pipelines.updateStage(pipelineId, stage,
                new StageSpec(body.name(), body.color(), body.semantics()), PipelineErrors.actor(actor, null));
        if (body.probability() == null) {
            return view;
        }
        probabilities.set(pipelineId, stage, body.probability());
        return pipelines.get(pipelineId);
    }

    /** Reorders: {@code {stageIds: [...]}} naming every stage once. */
    @PUT
    @Path("{id}/stages")
    public PipelineView reorder(@PathParam("id") String id, @HeaderParam("X-Actor") String actor, Order body) {
        return pipelines.reorder(Params.pathId("pipeline", id), body == null ? null : body.stageIds(),
                PipelineErrors.actor(actor, null));
    }

    /** Deletes an empty stage; the answer is the pipeline as it is now. */
    @DELETE
    @Path("{id}/stages/{stageId}")
    public PipelineView deleteStage(@PathParam("id") String id, @PathParam("stageId") String stageId,
                                    @HeaderParam("X-Actor") String actor) {
        return pipelines.deleteStage(Params.pathId("pipeline", id), Params.pathId("stage", stageId),
                PipelineErrors.actor(actor, null));
    }

    private static PipelineBody read(JsonNode body) {
        List<StageSpec> stages = null;
        if (body.has("stages")) {
            if (!body.get("stages").isArray()) {
                throw ApiError.badRequest("stages must be a list");
            }
            stages = new ArrayList<>();
            for (JsonNode s : body.get("stages")) {
                if (!s.isObject()) {
                    throw ApiError.badRequest("each stage must be an object {name, color, semantics}");
                }
                stages.add(new StageSpec(text(s, "name"), text(s, "color"), text(s, "semantics")));
            }
        }
        List<String> managers = null;
        if (body.has("managers") && body.get("managers").isArray()) {
            managers = new ArrayList<>();
            for (JsonNode m : body.get("managers")) {
                managers.add(m.asText());
            }
        }
        return new PipelineBody(text(body, "name"), stages, managers, body.path("default").asBoolean(false));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
