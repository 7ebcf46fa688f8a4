package io.leadgate.call;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadgate.contact.Arrivals;
import io.leadgate.contact.ContactRowsMerge;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

/**
 * A merge moves the source card's calls to the target; the undo moves exactly those back, and the calls made while
 * merged on a lead that is the source's again go with it.
 */
@Singleton
public class CallMerge extends ContactRowsMerge {

    CallMerge(EntityManager em) {
        super(em, "call_record", "call_record", "calls");
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
