package io.leadgate.call;

import io.leadgate.contact.ContactRowsMerge;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

/** A merge moves the source card's calls to the target; the undo moves exactly those back. */
@Singleton
public class CallMerge extends ContactRowsMerge {

    CallMerge(EntityManager em) {
        super(em, "call_record", "call_record", "calls");
    }
}
