package io.leadgate.lead;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A configured lead status: a code operators see, with the semantics it carries ({@link LeadStatus}): new,
 * in-progress, converted or junk. The four built-in codes are the semantics themselves.
 */
@Entity
@Table(name = "lead_status")
public class LeadStatusDef extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    /** {@link LeadStatus#code()}. */
    @Column(nullable = false)
    public String semantics;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public boolean builtin;

    public LeadStatus semantics() {
        return LeadStatus.fromCode(semantics);
    }
}
