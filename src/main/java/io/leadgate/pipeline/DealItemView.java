package io.leadgate.pipeline;

import java.math.BigDecimal;

/** A product on a deal: what it was sold at, how many, and the line total. */
public record DealItemView(String id, String productId, String name, BigDecimal price, String currency,
                           BigDecimal quantity, BigDecimal total) {

    static DealItemView of(DealItem i) {
        return new DealItemView(String.valueOf(i.id), String.valueOf(i.productId), i.name, i.price, i.currency,
                i.quantity, i.total());
    }
}
