package io.leadgate.lead;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadgate.contact.Arrivals;
import io.leadgate.contact.ContactRowsMerge;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import java.util.List;

/**
 * A merge moves the source card's leads to the target; the undo moves exactly those back, and a lead opened while
 * merged by an inquiry that goes back to the source follows it. A lead that existed before the merge stays where it
 * was, whoever extended it meanwhile.
 */
@Singleton
public class LeadMerge extends ContactRowsMerge {

    LeadMerge(EntityManager em) {
        super(em, "lead", "lead", "leads");
    }

    @Override
    public void undoArrivals(Arrivals arrivals, JsonNode state) {
        List<Long> back = arrived(arrivals.targetId(), state).stream()
                .filter(arrivals.leadsFollowing()::contains).toList();
        if (!back.isEmpty()) {
            moveBack(arrivals.sourceId(), arrivals.targetId(), back);
        }
        arrivals.returned(name(), back);
    }

    @Override
    public int arrivalStage() {
        return 20;
    }
}
