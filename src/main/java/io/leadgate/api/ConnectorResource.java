package io.leadgate.api;

import io.leadgate.delivery.crm.ConnectorRunner;
import io.leadgate.delivery.crm.CrmConnector;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;

/** The enabled CRM connectors' states, and lifting a stop once the CRM account is usable again. */
@Path("/api/connectors")
@Produces(MediaType.APPLICATION_JSON)
public class ConnectorResource {

    /** One connector's state: {@code running}, {@code retrying} or {@code stopped}. */
    public record ConnectorView(String id, String state, String detail, Instant since) {
    }

    private final ConnectorRunner runner;

    ConnectorResource(ConnectorRunner runner) {
        this.runner = runner;
    }

    @GET
    public List<ConnectorView> list() {
        return runner.enabled().stream().map(CrmConnector::id).map(this::view).toList();
    }

    @POST
    @Path("{id}/resume")
    public ConnectorView resume(@PathParam("id") String id) {
        if (runner.enabled().stream().noneMatch(c -> c.id().equals(id))) {
            throw ApiError.notFound("no enabled connector " + id);
        }
        runner.resume(id);
        return view(id);
    }

    private ConnectorView view(String id) {
        return runner.status(id).map(s -> new ConnectorView(id, s.state(), s.detail(), s.since()))
                .orElseGet(() -> new ConnectorView(id, "running", null, null));
    }
}
