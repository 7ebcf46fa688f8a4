package io.leadgate.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadgate.contact.Arrivals;
import io.leadgate.contact.ContactRowsMerge;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

/**
 * A merge moves the source card's deals to the target; the undo moves exactly those back, and the deals made while
 * merged from a lead that is the source's again go with it.
 */
@Singleton
public class DealMerge extends ContactRowsMerge {

    DealMerge(EntityManager em) {
        super(em, "deals", "deal", "deals");
    }

    @Override
    public void undoArrivals(Arrivals arrivals, JsonNode state) {
        followTheirLeads(arrivals, state);
    }

    @Override
    public int arrivalStage() {
        return 30;
    }
}
