package io.leadgate.api;

import io.leadgate.events.SettingsChanges;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * {@code GET /api/settings/changes}: who changed which setting, newest first (read-only; a key with the admin scope,
 * see {@link ApiKeyring#required}).
 */
@Path("/api/settings/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "settings")
public class SettingsChangeResource {

    private final SettingsChanges changes;

    SettingsChangeResource(SettingsChanges changes) {
        this.changes = changes;
    }

    @GET
    @Operation(summary = "Changes of settings, newest first: [{id, at, actor, kind, subject, detail}]",
            description = "Pipelines, stages, tunnels, automation rules, junk/loss reasons, lead statuses, the "
                    + "analytics time zone, webhook subscriptions and CRM connectors. actor: the console user, the "
                    + "API's X-Actor or \"api\", null for the system. Paged with limit (default 100, at most 1000) "
                    + "and offset.")
    public List<SettingsChanges.View> list(@QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        Params.Page page = Params.page(limit, offset);
        return changes.list(page.offset(), page.limit());
    }
}
