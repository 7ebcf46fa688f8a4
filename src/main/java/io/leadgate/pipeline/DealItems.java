package io.leadgate.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadgate.events.EventTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The products on a deal. Each line keeps the product's name, price and currency from when it was added, and a
 * quantity. Unless the amount was set by hand, the deal's amount is the sum of its lines (none: no amount). All
 * lines of a deal share the deal's currency; a deal with neither lines nor an amount of its own takes the currency
 * of its first product.
 */
@ApplicationScoped
public class DealItems {

    /** A line asked for: a product and a quantity. */
    public record Line(String productId, JsonNode quantity) {
    }

    /** The lines of a deal with the amount they give. */
    public record Answer(String dealId, List<DealItemView> items, BigDecimal amount, String currency,
                         boolean amountManual) {
    }

    private final DealEvents events;
    private final Clock clock;

    DealItems(DealEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public Answer list(long dealId) {
        Deal d = Deal.findById(dealId);
        if (d == null) {
            throw PipelineException.notFound("no deal " + dealId);
        }
        return answer(d);
    }

    /** Replaces all lines of the deal. */
    @Transactional
    public Answer replace(long dealId, List<Line> lines) {
        Deal d = locked(dealId);
        if (lines == null) {
            throw PipelineException.invalid("a JSON array of {productId, quantity} is required");
        }
        List<DealItem> added = new ArrayList<>();
        String currency = d.amountManual ? d.currency : null;
        for (Line l : lines) {
            DealItem i = item(d.id, l, added.size());
            currency = sameCurrency(currency, i.currency, d);
            added.add(i);
        }
        DealItem.delete("dealId", d.id);
        added.forEach(i -> i.persist());
        if (!added.isEmpty()) {
            d.currency = currency;
        }
        return changed(d);
    }

    /** Adds one line at the end. */
    @Transactional
    public Answer add(long dealId, Line line) {
        Deal d = locked(dealId);
        if (line == null) {
            throw PipelineException.invalid("a JSON object {productId, quantity} is required");
        }
        List<DealItem> lines = lines(d.id);
        DealItem i = item(d.id, line, lines.size());
        String current = lines.isEmpty() ? (d.amountManual ? d.currency : null) : lines.get(0).currency;
        d.currency = sameCurrency(current, i.currency, d);
        i.persist();
        return changed(d);
    }

    @Transactional
    public Answer remove(long dealId, long itemId) {
        Deal d = locked(dealId);
        if (DealItem.delete("id = ?1 and dealId = ?2", itemId, d.id) == 0) {
            throw PipelineException.notFound("no item " + itemId + " on deal " + dealId);
        }
        return changed(d);
    }

    /** The deal's lines in order. */
    static List<DealItem> lines(long dealId) {
        return DealItem.list("dealId = ?1 order by position, id", dealId);
    }

    /** Sets the amount from the lines unless it was set by hand. */
    static void follow(Deal d) {
        if (d.amountManual) {
            return;
        }
        List<DealItem> lines = lines(d.id);
        if (lines.isEmpty()) {
            d.amount = null;
            return;
        }
        d.amount = lines.stream().map(DealItem::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        d.currency = lines.get(0).currency;
    }

    /** Copies the lines of one deal onto another (a copy tunnel that carries the products). */
    static void copy(long fromDealId, long toDealId) {
        for (DealItem i : lines(fromDealId)) {
            DealItem c = new DealItem();
            c.dealId = toDealId;
            c.productId = i.productId;
            c.name = i.name;
            c.price = i.price;
            c.currency = i.currency;
            c.quantity = i.quantity;
            c.position = i.position;
            c.persist();
        }
    }

    private Answer changed(Deal d) {
        follow(d);
        d.updatedAt = clock.instant();
        events.deal(EventTypes.DEAL_UPDATED, d, null, d.updatedAt);
        return answer(d);
    }

    private static Answer answer(Deal d) {
        return new Answer(String.valueOf(d.id), lines(d.id).stream().map(DealItemView::of).toList(), d.amount,
                d.currency, d.amountManual);
    }

    private static Deal locked(long dealId) {
        Deal d = Deal.findById(dealId, LockModeType.PESSIMISTIC_WRITE);
        if (d == null) {
            throw PipelineException.notFound("no deal " + dealId);
        }
        return d;
    }

    private static DealItem item(long dealId, Line l, int position) {
        if (l == null || l.productId() == null || l.productId().isBlank()) {
            throw PipelineException.invalid("productId is required");
        }
        Product p = Product.findById(PipelineService.parseId("productId", l.productId()));
        if (p == null) {
            throw PipelineException.invalid("no product " + l.productId());
        }
        if (!p.active) {
            throw PipelineException.invalid("product " + p.id + " is archived");
        }
        DealItem i = new DealItem();
        i.dealId = dealId;
        i.productId = p.id;
        i.name = p.name;
        i.price = p.price;
        i.currency = p.currency;
        i.quantity = quantity(l.quantity());
        i.position = position;
        return i;
    }

    /** A quantity: positive, at most three decimal places; absent = 1. Pure. */
    static BigDecimal quantity(JsonNode n) {
        BigDecimal q = DealService.decimal("quantity", n);
        if (q == null) {
            return BigDecimal.ONE.setScale(3);
        }
        if (q.signum() <= 0) {
            throw PipelineException.invalid("quantity must be positive");
        }
        if (q.stripTrailingZeros().scale() > 3) {
            throw PipelineException.invalid("quantity has at most three decimal places");
        }
        q = q.setScale(3, RoundingMode.UNNECESSARY);
        if (q.precision() > 19) {
            throw PipelineException.invalid("quantity is too large");
        }
        return q;
    }

    private static String sameCurrency(String current, String next, Deal d) {
        if (current != null && !current.equals(next)) {
            throw PipelineException.invalid("product prices are in " + next + " but deal " + d.id + " is in " + current
                    + "; a deal's products share one currency");
        }
        return next;
    }
}
