package io.leadgate.pipeline;

import io.leadgate.contact.ContactRowsMerge;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

/** A merge moves the source card's deals to the target; the undo moves exactly those back. */
@Singleton
public class DealMerge extends ContactRowsMerge {

    DealMerge(EntityManager em) {
        super(em, "deals", "deal", "deals");
    }
}
