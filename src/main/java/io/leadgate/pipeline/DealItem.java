package io.leadgate.pipeline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/** A product on a deal, with the name, price and currency it had when it was added, and a quantity. */
@Entity
@Table(name = "deal_item")
public class DealItem extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "deal_item_seq")
    @SequenceGenerator(name = "deal_item_seq", sequenceName = "deal_item_seq", allocationSize = 50)
    public Long id;

    @Column(name = "deal_id", nullable = false)
    public Long dealId;

    @Column(name = "product_id", nullable = false)
    public Long productId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public BigDecimal price;

    @Column(nullable = false)
    public String currency;

    @Column(nullable = false)
    public BigDecimal quantity;

    @Column(nullable = false)
    public int position;

    /** price × quantity, to the cent. */
    public BigDecimal total() {
        return price.multiply(quantity).setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
