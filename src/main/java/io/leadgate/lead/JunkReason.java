package io.leadgate.lead;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Locale;

/** A reason a lead can be marked junk for (spam, wrong number, …), from configuration, files or the API. */
@Entity
@Table(name = "junk_reason")
public class JunkReason extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public int position;

    /** The code form of a reason as people write it: "Wrong number" → wrong-number. */
    public static String normalize(String reason) {
        return reason == null ? null : reason.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
    }
}
