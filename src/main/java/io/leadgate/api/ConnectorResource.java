package io.leadgate.api;

import io.leadgate.delivery.crm.ConnectorRunner;
import io.leadgate.delivery.crm.CrmConnector;
import io.leadgate.delivery.crm.oauth.CrmInstallations;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;

/**
 * The enabled CRM connectors' states, lifting a stop once the CRM account is usable again, and starting an amoCRM
 * integration's authorization ({@code POST /api/connectors/amocrm/authorize}: the URL to open, with a single-use state
 * that amoCRM brings back to {@code GET /crm/amocrm/oauth}).
 */
@Path("/api/connectors")
@Produces(MediaType.APPLICATION_JSON)
public class ConnectorResource {

    /** One connector's state: {@code running}, {@code retrying} or {@code stopped}. */
    public record ConnectorView(String id, String state, String detail, Instant since) {
    }

    private final ConnectorRunner runner;
    private final CrmInstallations installations;

    ConnectorResource(ConnectorRunner runner, CrmInstallations installations) {
        this.runner = runner;
        this.installations = installations;
    }

    @POST
    @Path("{id}/authorize")
    public CrmInstallations.Authorization authorize(@PathParam("id") String id) {
        try {
            return installations.authorize(id);
        } catch (CrmInstallations.Refused r) {
            throw r.reason() == CrmInstallations.Refused.Reason.NOT_CONFIGURED ? new ApiError(409, r.getMessage())
                    : ApiError.badRequest(r.getMessage());
        }
    }

    @GET
    public List<ConnectorView> list() {
        return runner.enabled().stream().map(CrmConnector::id).map(this::view).toList();
    }

    @POST
    @Path("{id}/resume")
    public ConnectorView resume(@PathParam("id") String id, @HeaderParam("X-Actor") String actor) {
        if (runner.enabled().stream().noneMatch(c -> c.id().equals(id))) {
            throw ApiError.notFound("no enabled connector " + id);
        }
        runner.resume(id, PipelineErrors.actor(actor, null));
        return view(id);
    }

    private ConnectorView view(String id) {
        return runner.status(id).map(s -> new ConnectorView(id, s.state(), s.detail(), s.since()))
                .orElseGet(() -> new ConnectorView(id, "running", null, null));
    }
}
