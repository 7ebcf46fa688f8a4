package io.leadgate.api;

import io.leadgate.delivery.crm.inbound.CrmEvents;
import io.leadgate.delivery.crm.inbound.CrmInbox;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Where a CRM reports changes made in it: {@code POST /crm/bitrix24/events} (Bitrix24 event handlers, checked by
 * their {@code auth[application_token]}) and {@code POST /crm/amocrm/events/{secret}} (amoCRM webhooks, checked by the
 * secret path segment). CRM callbacks, not inquiry channels: no API key. A verified delivery is stored and answered
 * {@code 200} at once and applied shortly after; a redelivery answers {@code 200} and changes nothing. {@code 401}: no
 * token or secret; {@code 403}: a wrong one, or none configured; {@code 400}: not the CRM's form body; {@code 404}: no
 * such CRM.
 */
@Path("/crm")
@Tag(name = "crm", description = "Changes made in a CRM coming back")
public class CrmEventResource {

    private static final Logger LOG = Logger.getLogger(CrmEventResource.class);
    private static final int MAX_BODY = 256 * 1024;

    private final CrmInbox inbox;

    CrmEventResource(CrmInbox inbox) {
        this.inbox = inbox;
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
