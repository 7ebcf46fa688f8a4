package io.leadgate.console.deliveries;

import io.leadgate.console.Html;
import io.leadgate.console.Page;
import io.leadgate.console.Pages;
import io.leadgate.console.Refusals;
import io.leadgate.delivery.crm.ConnectorRunner;
import io.leadgate.delivery.webhook.InvalidWebhookException;
import io.leadgate.delivery.webhook.WebhookConflictException;
import io.leadgate.delivery.webhook.WebhookService;
import io.leadgate.people.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Administrators only: webhook subscriptions (create with the secret shown once, enable, replay dead letters), the
 * Kafka relay, the CRM connectors (resume a stopped one). The actions are the API's services.
 */
@Path("/console/deliveries")
@RolesAllowed(Role.ADMIN_ROLE)
@Produces(Html.TYPE)
public class DeliveriesResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance deliveries(Page page, List<DeliveriesQuery.Webhook> webhooks,
                                                  List<String> eventTypes, DeliveriesQuery.Kafka kafka,
                                                  List<DeliveriesQuery.Connector> connectors);

        /** The webhooks after an action: {@code done} what was done, {@code secret} a new one (shown once). */
        static native TemplateInstance webhooksChanged(Page page, List<DeliveriesQuery.Webhook> webhooks, String done,
                                                       String error, String secret);

        static native TemplateInstance connectorsChanged(Page page, List<DeliveriesQuery.Connector> connectors,
                                                         String done);
    }

    private final DeliveriesQuery query;
    private final WebhookService webhooks;
    private final ConnectorRunner connectors;
    private final Pages pages;

    DeliveriesResource(DeliveriesQuery query, WebhookService webhooks, ConnectorRunner connectors, Pages pages) {
        this.query = query;
        this.webhooks = webhooks;
        this.connectors = connectors;
        this.pages = pages;
    }

    @GET
    public Response page() {
        Page page = pages.page("deliveries");
        return Html.ok(Templates.deliveries(page, query.webhooks(), query.eventTypes(), query.kafka(),
                query.connectors()), page);
    }

    @POST
    @Path("webhooks")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("url") String url, @FormParam("events") List<String> events) {
        Page page = pages.page("deliveries");
        try {
            WebhookService.Created created = webhooks.createWithNewSecret(url, events, pages.actor());
            return webhooks(page, "created", null, created.secret());
        } catch (InvalidWebhookException e) {
            return webhooks(page, null, Refusals.text(e, page.locale()), null);
        }
    }

    @POST
    @Path("webhooks/{id}/enable")
    public Response enable(@PathParam("id") long id) {
        return change(() -> webhooks.enable(id, pages.actor()).map(v -> 1), "enabled");
    }

    @POST
    @Path("webhooks/{id}/replay")
    public Response replayDead(@PathParam("id") long id) {
        return change(() -> webhooks.replayDead(id, pages.actor()), "replayed");
    }

    @POST
    @Path("webhook-deliveries/{id}/replay")
    public Response replay(@PathParam("id") long id) {
        return change(() -> webhooks.replay(id, pages.actor()), "replayed");
    }

    @POST
    @Path("connectors/{id}/resume")
    public Response resume(@PathParam("id") String id) {
        if (!query.connectorEnabled(id)) {
            throw new NotFoundException();
        }
        connectors.resume(id, pages.actor());
        Page page = pages.page("deliveries");
        return Html.ok(Templates.connectorsChanged(page, query.connectors(), id), page);
    }

    private Response change(Supplier<Optional<?>> action, String done) {
        Page page = pages.page("deliveries");
        try {
            if (action.get().isEmpty()) {
                throw new NotFoundException();
            }
            return webhooks(page, done, null, null);
        } catch (WebhookConflictException e) {
            return webhooks(page, null, Refusals.text(e, page.locale()), null);
        }
    }

    private Response webhooks(Page page, String done, String error, String secret) {
        return Html.ok(Templates.webhooksChanged(page, query.webhooks(), done, error, secret), page);
    }
}
