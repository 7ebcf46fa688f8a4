package io.leadgate.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadgate.delivery.webhook.DeliveryView;
import io.leadgate.delivery.webhook.InvalidWebhookException;
import io.leadgate.delivery.webhook.WebhookConflictException;
import io.leadgate.delivery.webhook.WebhookDelivery;
import io.leadgate.delivery.webhook.WebhookService;
import io.leadgate.delivery.webhook.WebhookView;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** Outbound webhook subscriptions (CONTRACT §8), their deliveries, the dead-letter list and replay. */
@Path("/api/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "webhooks")
public class WebhookResource {

    private final WebhookService service;
    private final ObjectMapper mapper;

    WebhookResource(WebhookService service, ObjectMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    @POST
    @Operation(summary = "Subscribe a URL to lead event types: {url, events, secret}")
    public Response create(@HeaderParam("X-Actor") String actor, String body) {
        JsonNode json;
        try {
            json = body == null || body.isBlank() ? null : mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("body is not valid JSON");
        }
        WebhookView view = refused(() -> service.create(json, PipelineErrors.actor(actor, null)));
        return Response.created(URI.create("/api/webhooks/" + view.id())).entity(view).build();
    }

    @GET
    @Operation(summary = "Webhook subscriptions, oldest first")
    public List<WebhookView> list(@QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        Params.Page page = Params.page(limit, offset);
        return service.list(page.limit(), page.offset());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One webhook subscription")
    public WebhookView get(@PathParam("id") String id) {
        return service.get(Params.pathId("webhook", id)).orElseThrow(() -> notFound(id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Unsubscribe: the subscription and its deliveries are deleted")
    public Response delete(@PathParam("id") String id, @HeaderParam("X-Actor") String actor) {
        if (!service.delete(Params.pathId("webhook", id), PipelineErrors.actor(actor, null))) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/enable")
    @Operation(summary = "Turn a disabled (410 Gone) subscription on again")
    public WebhookView enable(@PathParam("id") String id, @HeaderParam("X-Actor") String actor) {
        return service.enable(Params.pathId("webhook", id), PipelineErrors.actor(actor, null)).orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "A subscription's deliveries in feed order; status=dead lists the dead letters")
    public List<DeliveryView> deliveries(@PathParam("id") String id, @QueryParam("status") String status,
                                         @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        Params.Page page = Params.page(limit, offset);
        return service.deliveries(Params.pathId("webhook", id), status(status), page.limit(), page.offset())
                .orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Replay every dead delivery of a subscription, in feed order")
    public Response replayDead(@PathParam("id") String id) {
        int replayed = conflict(() -> service.replayDead(Params.pathId("webhook", id))).orElseThrow(() -> notFound(id));
        return Response.accepted(Map.of("replayed", replayed)).build();
    }

    @POST
    @Path("/deliveries/{deliveryId}/replay")
    @Operation(summary = "Send one dead or delivered delivery again (same webhook-id, fresh retry schedule)")
    public Response replay(@PathParam("deliveryId") String deliveryId) {
        DeliveryView view = conflict(() -> service.replay(Params.pathId("delivery", deliveryId)))
                .orElseThrow(() -> ApiError.notFound("no delivery " + deliveryId));
        return Response.accepted(view).build();
    }

    private static WebhookDelivery.Status status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return WebhookDelivery.Status.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("status must be pending, delivered or dead");
        }
    }

    private static ApiError notFound(String id) {
        return ApiError.notFound("no webhook " + id);
    }

    private static <T> T refused(Supplier<T> call) {
        try {
            return call.get();
        } catch (InvalidWebhookException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    private static <T> T conflict(Supplier<T> call) {
        try {
            return call.get();
        } catch (WebhookConflictException e) {
            throw new ApiError(409, e.getMessage());
        }
    }
}
