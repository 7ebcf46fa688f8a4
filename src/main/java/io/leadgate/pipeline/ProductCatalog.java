package io.leadgate.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The catalogue of products and services deals are made of. A product is archived ({@code active: false}) rather
 * than deleted: deals keep the name and price they were sold at.
 */
@ApplicationScoped
public class ProductCatalog {

    private final DealService deals;
    private final Clock clock;

    ProductCatalog(DealService deals, Clock clock) {
        this.deals = deals;
        this.clock = clock;
    }

    /** Products by name; archived ones only when asked for. */
    public List<ProductView> list(boolean withArchived) {
        String q = withArchived ? "order by lower(name), id" : "active = true order by lower(name), id";
        return Product.<Product>list(q).stream().map(ProductView::of).toList();
    }

    public ProductView get(long id) {
        return ProductView.of(find(id));
    }

    static Product find(long id) {
        Product p = Product.findById(id);
        if (p == null) {
            throw PipelineException.notFound("no product " + id);
        }
        return p;
    }

    /** {@code {name, price, currency?}}: a new active product; the currency defaults to the configured one. */
    @Transactional
    public ProductView create(String name, JsonNode price, String currency) {
        Product p = new Product();
        p.name = name(name);
        p.price = price(price);
        p.currency = deals.currency(currency, p.price);
        p.active = true;
        p.createdAt = clock.instant();
        p.updatedAt = p.createdAt;
        if (Product.count("lower(name) = ?1 and currency = ?2", p.name.toLowerCase(Locale.ROOT), p.currency) > 0) {
            throw PipelineException.conflict("a product named '" + p.name + "' in " + p.currency + " exists");
        }
        p.persist();
        return ProductView.of(p);
    }

    /** {@code {name?, price?, currency?, active?}}: changes the catalogue only; deals keep what they were sold at. */
    @Transactional
    public ProductView update(long id, ObjectNode patch) {
        Product p = find(id);
        if (patch.has("name")) {
            p.name = name(patch.get("name").isNull() ? null : patch.get("name").asText());
        }
        if (patch.has("price")) {
            p.price = price(patch.get("price"));
        }
        if (patch.has("currency")) {
            JsonNode c = patch.get("currency");
            if (c.isNull() || c.asText().isBlank()) {
                throw PipelineException.invalid("currency must be an ISO 4217 code such as RUB, EUR or USD");
            }
            p.currency = deals.currency(c.asText(), p.price);
        }
        if (patch.has("active")) {
            if (!patch.get("active").isBoolean()) {
                throw PipelineException.invalid("active must be true or false");
            }
            p.active = patch.get("active").booleanValue();
        }
        p.updatedAt = Instant.now(clock);
        return ProductView.of(p);
    }

    private static String name(String name) {
        if (name == null || name.isBlank()) {
            throw PipelineException.invalid("name is required");
        }
        String n = name.strip();
        if (n.length() > 200) {
            throw PipelineException.invalid("name is longer than 200 characters");
        }
        return n;
    }

    private static BigDecimal price(JsonNode price) {
        BigDecimal p = DealService.money("price", price);
        if (p == null) {
            throw PipelineException.invalid("price is required");
        }
        return p;
    }
}
