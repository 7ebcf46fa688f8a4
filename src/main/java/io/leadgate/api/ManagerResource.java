package io.leadgate.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadgate.pipeline.Availability;
import io.leadgate.pipeline.Manager;
import io.leadgate.pipeline.Reassignments;
import io.leadgate.pipeline.TaskService;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/**
 * Managers for assignment; an inactive one is skipped by round robin, and so is one outside working hours or absent.
 * Their desk: my tasks, working hours, absences, a handover of open work to another manager.
 */
@Path("/api/managers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "pipeline")
public class ManagerResource {

    public record ManagerView(String id, String name, boolean active) {
    }

    public record ManagerBody(String name, Boolean active) {
    }

    public record HoursBody(String timeZone, JsonNode days) {
    }

    public record AbsenceBody(String startsAt, String endsAt, String reason) {
    }

    public record HandoverBody(String to) {
    }

    private final TaskService tasks;
    private final Availability availability;
    private final Reassignments reassignments;

    ManagerResource(TaskService tasks, Availability availability, Reassignments reassignments) {
        this.tasks = tasks;
        this.availability = availability;
        this.reassignments = reassignments;
    }

    @GET
    @Path("{id}/tasks")
    @Operation(summary = "My tasks: the manager's tasks, open ones by due time (state open, overdue, done or all)")
    public List<TaskService.TaskView> tasks(@PathParam("id") String id, @QueryParam("state") String state,
                                            @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        Params.Page page = Params.page(limit, offset);
        return tasks.list(id, null, null, TaskResource.state(state, TaskService.State.OPEN), page.offset(), page.limit());
    }

    @PUT
    @Path("{id}/hours")
    @Operation(summary = "Working hours: {timeZone, days: {mon: [\"09:00-18:00\"], ...}}; a day not listed is off")
    public Availability.HoursView hours(@PathParam("id") String id, HoursBody body) {
        if (body == null) {
            throw ApiError.badRequest("a JSON object {timeZone, days} is required");
        }
        return availability.setHours(id, body.timeZone(), body.days());
    }

    @GET
    @Path("{id}/hours")
    @Operation(summary = "Working hours (404 when the manager always works)")
    public Availability.HoursView hours(@PathParam("id") String id) {
        return availability.hours(id).orElseThrow(() -> ApiError.notFound("manager " + id + " has no working hours"));
    }

    @DELETE
    @Path("{id}/hours")
    @Operation(summary = "Removes working hours: the manager always works")
    public Response clearHours(@PathParam("id") String id) {
        availability.clearHours(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/absences")
    @Operation(summary = "An absence: {startsAt, endsAt, reason?}; round robin skips the manager meanwhile")
    public Response absence(@PathParam("id") String id, AbsenceBody body) {
        if (body == null) {
            throw ApiError.badRequest("a JSON object {startsAt, endsAt} is required");
        }
        return Response.status(201).entity(availability.addAbsence(id, TaskResource.instant("startsAt", body.startsAt()),
                TaskResource.instant("endsAt", body.endsAt()), body.reason())).build();
    }

    @GET
    @Path("{id}/absences")
    @Operation(summary = "The manager's absences")
    public List<Availability.AbsenceView> absences(@PathParam("id") String id) {
        return availability.absences(id);
    }

    @DELETE
    @Path("{id}/absences/{absenceId}")
    @Operation(summary = "Removes an absence")
    public Response deleteAbsence(@PathParam("id") String id, @PathParam("absenceId") String absenceId) {
        availability.deleteAbsence(id, Params.pathId("absence", absenceId));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/handover")
    @Operation(summary = "Gives the manager's open leads, open deals, contacts and open tasks to {to}")
    public Reassignments.Handover handover(@PathParam("id") String id, HandoverBody body) {
        if (body == null || body.to() == null || body.to().isBlank()) {
            throw ApiError.badRequest("a JSON object {to} is required");
        }
        return reassignments.handover(id, body.to());
    }

    @GET
    public List<ManagerView> managers() {
        return Manager.<Manager>list("order by id").stream().map(m -> new ManagerView(m.id, m.name, m.active)).toList();
    }

    /** Creates or changes a manager: {@code {name?, active?}}; an inactive one is skipped by round robin. */
    @PUT
    @Path("{id}")
    @Transactional
    public ManagerView manager(@PathParam("id") String id, ManagerBody body) {
        if (id == null || id.isBlank() || id.length() > 200 || id.contains(",")) {
            throw ApiError.badRequest("manager ids are 1 to 200 characters, without commas");
        }
        Manager m = Manager.findById(id);
        if (m == null) {
            m = new Manager();
            m.id = id;
            m.active = true;
            m.updatedAt = Instant.now();
            m.persist();
        }
        if (body != null && body.name() != null) {
            m.name = body.name().strip();
        }
        if (body != null && body.active() != null) {
            m.active = body.active();
        }
        m.updatedAt = Instant.now();
        return new ManagerView(m.id, m.name, m.active);
    }
}
