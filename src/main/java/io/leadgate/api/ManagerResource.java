package io.leadgate.api;

import io.leadgate.pipeline.Manager;
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

/** Managers for assignment; an inactive one is skipped by round robin. */
@Path("/api/managers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "pipeline")
public class ManagerResource {

    public record ManagerView(String id, String name, boolean active) {
    }

    public record ManagerBody(String name, Boolean active) {
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
