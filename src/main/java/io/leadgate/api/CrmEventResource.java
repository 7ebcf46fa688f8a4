package io.leadgate.api;

import io.leadgate.delivery.crm.inbound.CrmEvents;
import io.leadgate.delivery.crm.inbound.CrmInbox;
import io.leadgate.delivery.crm.oauth.CrmInstallations;
import io.leadgate.inquiry.UrlQuery;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Where a CRM reports changes made in it: {@code POST /crm/bitrix24/events} (Bitrix24 event handlers, checked by
 * their {@code auth[application_token]}) and {@code POST /crm/amocrm/events/{secret}} (amoCRM webhooks, checked by the
 * secret path segment). CRM callbacks, not inquiry channels: no API key. A verified delivery is stored and answered
 * {@code 200} at once and applied shortly after; a redelivery answers {@code 200} and changes nothing. {@code 401}: no
 * token or secret; {@code 403}: a wrong one, or none configured; {@code 400}: not the CRM's form body; {@code 404}: no
 * such CRM.
 *
 * <p>The same root takes the OAuth 2 installations ({@link CrmInstallations}): {@code GET /crm/amocrm/oauth}, amoCRM's
 * redirect URI ({@code code}, {@code referer}, {@code state}), and {@code POST /crm/bitrix24/install}, a Bitrix24
 * application's installation post. {@code 400}: a missing or malformed parameter; {@code 403}: a state, account or grant
 * that is not the gateway's, or no application configured; {@code 502}: the CRM's token endpoint failed (try again).
 */
@Path("/crm")
@Tag(name = "crm", description = "Changes made in a CRM coming back")
public class CrmEventResource {

    private static final Logger LOG = Logger.getLogger(CrmEventResource.class);
    private static final int MAX_BODY = 256 * 1024;

    /** Bitrix24's install page expects the application to finish the installation in the browser. */
    private static final String BITRIX24_INSTALL_FINISH = "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
            + "<script src=\"//api.bitrix24.com/api/v1/\"></script></head><body>Leadgate is installed."
            + "<script>BX24.init(function(){BX24.installFinish();});</script></body></html>";

    private final CrmInbox inbox;
    private final CrmInstallations installations;

    CrmEventResource(CrmInbox inbox, CrmInstallations installations) {
        this.inbox = inbox;
        this.installations = installations;
    }

    @GET
    @Path("amocrm/oauth")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "amoCRM's redirect URI: exchanges the authorization code (state issued by POST "
            + "/api/connectors/amocrm/authorize)")
    public String amoCrmRedirect(@QueryParam("code") String code, @QueryParam("referer") String referer,
                                 @QueryParam("state") String state, @QueryParam("error") String error)
            throws InterruptedException {
        if (error != null && !error.isBlank()) {
            throw ApiError.badRequest("amoCRM did not authorize the integration (the user declined or the request "
                    + "was wrong); start again from POST /api/connectors/amocrm/authorize");
        }
        try {
            CrmInstallations.Installed installed = installations.amoCrmRedirect(code, referer, state);
            return "amoCRM account " + installed.account() + " is connected to Leadgate. You can close this window.\n";
        } catch (CrmInstallations.Refused r) {
            throw refused("amoCRM", r);
        }
    }

    @POST
    @Path("bitrix24/install")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "A Bitrix24 application's installation (install page or installation callback / ONAPPINSTALL)")
    public Response bitrix24Install(byte[] body, @Context UriInfo uri) throws InterruptedException {
        if (body == null || body.length == 0) {
            throw ApiError.badRequest("empty body: a form-encoded Bitrix24 installation was expected");
        }
        if (body.length > MAX_BODY) {
            throw new ApiError(413, "body over " + MAX_BODY + " bytes");
        }
        Map<String, List<String>> form;
        try {
            form = UrlQuery.parse(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("not a form-encoded Bitrix24 installation");
        }
        try {
            CrmInstallations.Installed installed = installations.bitrix24Install(form, uri.getQueryParameters());
            if (form.containsKey("AUTH_ID")) {
                return Response.ok(BITRIX24_INSTALL_FINISH, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
            }
            return Response.ok(Map.of("status", "installed", "applicationToken", installed.applicationToken()),
                    MediaType.APPLICATION_JSON_TYPE).build();
        } catch (CrmInstallations.Refused r) {
            throw refused("Bitrix24", r);
        }
    }

    private static ApiError refused(String crm, CrmInstallations.Refused r) {
        LOG.warnf("%s installation refused: %s", crm, r.reason());
        return switch (r.reason()) {
            case BAD_REQUEST -> ApiError.badRequest(r.getMessage());
            case NOT_CONFIGURED, FORBIDDEN -> new ApiError(403, r.getMessage());
            case UNAVAILABLE -> new ApiError(502, r.getMessage() + "; try again");
        };
    }

    @POST
    @Path("{crm}/events")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A CRM event handler / webhook delivery (Bitrix24: token in the body)")
    public Map<String, String> post(@PathParam("crm") String crm, byte[] body) {
        return receive(crm, null, body);
    }

    @POST
    @Path("{crm}/events/{secret}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A CRM webhook delivery with a secret path segment (amoCRM)")
    public Map<String, String> post(@PathParam("crm") String crm, @PathParam("secret") String secret, byte[] body) {
        return receive(crm, secret, body);
    }

    private Map<String, String> receive(String crm, String secret, byte[] bytes) {
        CrmEvents events = inbox.source(crm).orElseThrow(() -> ApiError.notFound(
                "no CRM '" + crm + "': events are taken for bitrix24 and amocrm"));
        if (bytes == null || bytes.length == 0) {
            throw ApiError.badRequest("empty body: a form-encoded " + crm + " event was expected");
        }
        if (bytes.length > MAX_BODY) {
            throw new ApiError(413, "body over " + MAX_BODY + " bytes");
        }
        String body = new String(bytes, StandardCharsets.UTF_8);
        switch (events.verify(body, secret)) {
            case NOT_CONFIGURED -> throw new ApiError(403, "events from " + crm + " are not accepted: set leadgate.crm."
                    + crm + ".event-secret (see docs/crm)");
            case MISSING -> {
                LOG.warnf("CRM %s event refused: no %s", crm, what(crm));
                throw new ApiError(401, "no " + what(crm));
            }
            case MISMATCH -> {
                LOG.warnf("CRM %s event refused: wrong %s", crm, what(crm));
                throw new ApiError(403, "wrong " + what(crm));
            }
            case MALFORMED -> throw ApiError.badRequest("not a form-encoded " + crm + " event");
            default -> {
            }
        }
        CrmInbox.Stored stored = inbox.store(crm, body);
        return Map.of("status", stored == CrmInbox.Stored.STORED ? "accepted" : "duplicate");
    }

    private static String what(String crm) {
        return "bitrix24".equals(crm) ? "auth[application_token]" : "secret path segment (/crm/" + crm + "/events/<secret>)";
    }
}
