package io.leadgate.api;

import io.leadgate.pipeline.TaskService;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** The manager's desk: tasks on leads and deals — create, list (my tasks, overdue), reassign, complete. */
@Path("/api/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "desk")
public class TaskResource {

    /** {@code dueAt}: an ISO-8601 time; {@code due}: a duration from now (PT2H); {@code assignee}: default the owner's manager. */
    public record CreateBody(String leadId, String dealId, String kind, String title, String dueAt, String due,
                             String assignee, String actor) {
    }

    public record AssignBody(String assignee) {
    }

    public record CompleteBody(String actor) {
    }

    public record PatchBody(String title, String dueAt) {
    }

    private final TaskService tasks;

    TaskResource(TaskService tasks) {
        this.tasks = tasks;
    }

    @POST
    @Operation(summary = "A task on a lead or a deal: {leadId | dealId, title, kind?, dueAt? | due?, assignee?}")
    public Response create(@HeaderParam("X-Actor") String actor, CreateBody body) {
        if (body == null) {
            throw ApiError.badRequest("a JSON object {leadId or dealId, title} is required");
        }
        return Response.status(201).entity(tasks.create(new TaskService.NewTask(body.leadId(), body.dealId(), body.kind(),
                body.title(), instant("dueAt", body.dueAt()), body.due(), body.assignee()),
                PipelineErrors.actor(actor, body.actor()))).build();
    }

    @GET
    @Operation(summary = "Tasks by assignee, lead or deal; state open (default, by due time), overdue, done or all")
    public List<TaskService.TaskView> list(@QueryParam("assignee") String assignee, @QueryParam("leadId") String leadId,
                                           @QueryParam("dealId") String dealId, @QueryParam("state") String state,
                                           @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        Params.Page page = Params.page(limit, offset);
        return tasks.list(assignee, Params.id("leadId", leadId), Params.id("dealId", dealId), state(state, TaskService.State.OPEN),
                page.offset(), page.limit());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One task")
    public TaskService.TaskView one(@PathParam("id") String id) {
        return tasks.one(Params.pathId("task", id));
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Changes a task's title or due time (dueAt null clears it)")
    public TaskService.TaskView patch(@PathParam("id") String id, com.fasterxml.jackson.databind.JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiError.badRequest("a JSON object {title?, dueAt?} is required");
        }
        boolean clearDue = body.has("dueAt") && body.get("dueAt").isNull();
        return tasks.update(Params.pathId("task", id), body.hasNonNull("title") ? body.get("title").asText() : null,
                clearDue ? null : instant("dueAt", body.path("dueAt").asText(null)), clearDue);
    }

    @POST
    @Path("{id}/assign")
    @Operation(summary = "Gives the task to another manager: {assignee} (null: nobody)")
    public TaskService.TaskView assign(@PathParam("id") String id, AssignBody body) {
        if (body == null) {
            throw ApiError.badRequest("a JSON object {assignee} is required");
        }
        return tasks.assign(Params.pathId("task", id), body.assignee());
    }

    @POST
    @Path("{id}/complete")
    @Operation(summary = "Completes the task (who: X-Actor or body actor); a completed lead task is a first action")
    public TaskService.TaskView complete(@PathParam("id") String id, @HeaderParam("X-Actor") String actor, CompleteBody body) {
        return tasks.complete(Params.pathId("task", id), PipelineErrors.actor(actor, body == null ? null : body.actor()));
    }

    static TaskService.State state(String state, TaskService.State otherwise) {
        if (state == null || state.isBlank()) {
            return otherwise;
        }
        try {
            return TaskService.State.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("state must be open, overdue, done or all");
        }
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest(name + " must be an ISO-8601 time such as 2026-03-01T09:00:00Z");
        }
    }
}
