package io.leadgate.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.pipeline.ProductCatalog;
import io.leadgate.pipeline.ProductView;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

import java.util.List;

/** The catalogue of products and services deals are made of. */
@Path("/api/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "pipeline")
public class ProductResource {

    public record ProductBody(String name, JsonNode price, String currency) {
    }

    private final ProductCatalog catalog;

    ProductResource(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Operation(summary = "Products by name; archived ones too with ?archived=true")
    public List<ProductView> list(@QueryParam("archived") boolean archived) {
        return catalog.list(archived);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One product")
    public ProductView one(@PathParam("id") String id) {
        return catalog.get(Params.pathId("product", id));
    }

    /** {@code {name, price, currency?}} → 201; the same name in the same currency → 409. */
    @POST
    @Operation(summary = "Add a product: {name, price, currency}",
            description = "price: a non-negative decimal (kept to the cent); currency: ISO 4217, default the "
                    + "configured leadgate.pipeline.default-currency. The same name in the same currency answers 409.")
    public Response create(ProductBody body) {
        if (body == null) {
            throw ApiError.badRequest("a JSON object {name, price, currency} is required");
        }
        return Response.status(201).entity(catalog.create(body.name(), body.price(), body.currency())).build();
    }

    /** {@code {name?, price?, currency?, active?}}. */
    @PATCH
    @Path("{id}")
    @Operation(summary = "Change or archive a product: {name?, price?, currency?, active?}",
            description = "Deals keep the name and price their products were added at.")
    public ProductView update(@PathParam("id") String id, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiError.badRequest("a JSON object is required");
        }
        return catalog.update(Params.pathId("product", id), (ObjectNode) body);
    }
}
