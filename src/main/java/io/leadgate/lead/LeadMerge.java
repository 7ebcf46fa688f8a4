package io.leadgate.lead;

import io.leadgate.contact.ContactRowsMerge;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

/** A merge moves the source card's leads to the target; the undo moves exactly those back. */
@Singleton
public class LeadMerge extends ContactRowsMerge {

    LeadMerge(EntityManager em) {
        super(em, "lead", "lead", "leads");
    }
}
