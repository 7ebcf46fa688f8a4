package io.leadgate.pipeline;

import java.math.BigDecimal;

/** A catalogue product as the API shows it. */
public record ProductView(String id, String name, BigDecimal price, String currency, boolean active) {

    static ProductView of(Product p) {
        return new ProductView(String.valueOf(p.id), p.name, p.price, p.currency, p.active);
    }
}
