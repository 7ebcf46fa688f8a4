package io.leadgate.intake;

import io.leadgate.contact.ContactRowsMerge;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

/** A merge moves the source card's inquiries to the target; the undo moves exactly those back. */
@Singleton
public class InquiryMerge extends ContactRowsMerge {

    InquiryMerge(EntityManager em) {
        super(em, "inquiry", "inquiry", "inquiries");
    }
}
