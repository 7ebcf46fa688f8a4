package io.leadgate.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.events.EventLog;
import io.leadgate.events.EventTypes;
import io.leadgate.lead.Lead;
import io.leadgate.lead.LeadView;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Lead and deal events into the outbox, in the caller's transaction. */
@ApplicationScoped
public class DealEvents {

    /** The CloudEvent source channel of deals made by hand, not from a channel's lead. */
    static final String API_SOURCE = "api";

    private final EventLog outbox;
    private final ObjectMapper mapper;

    DealEvents(EventLog outbox, ObjectMapper mapper) {
        this.outbox = outbox;
        this.mapper = mapper;
    }

    /** A deal event: {@code {deal, move?, actor?}}; the actor is the move's. */
    public void deal(String type, Deal deal, DealMove move, Instant now) {
        deal(type, deal, move, move == null ? null : move.actor, now);
    }

    /**
     * A deal event: {@code {deal, move?, actor?}}. {@code actor} (top level) names who made the change, e.g.
     * {@code crm:<connector id>} for a change a CRM sent back, so that connector does not echo it to the CRM.
     */
    public void deal(String type, Deal deal, DealMove move, String actor, Instant now) {
        ObjectNode data = mapper.createObjectNode();
        data.set("deal", mapper.valueToTree(DealView.of(deal)));
        if (move != null) {
            data.set("move", mapper.valueToTree(MoveView.of(move)));
        }
        if (actor != null) {
            data.put("actor", actor);
        }
        custom(type, deal, data, now);
    }

    /** Any event about a deal with the given data. */
    public void custom(String type, Deal deal, ObjectNode data, Instant now) {
        outbox.append(type, deal.channelId == null ? API_SOURCE : deal.channelId, deal.contactId, deal.leadId, null,
                data, now);
    }

    /** {@code leadgate.lead.updated} with the lead as the read API shows it. */
    public void leadUpdated(Lead lead, Instant now) {
        leadUpdated(lead, null, now);
    }

    /** {@code leadgate.lead.updated} with the lead as the read API shows it and, when known, the {@code actor}. */
    public void leadUpdated(Lead lead, String actor, Instant now) {
        ObjectNode data = mapper.createObjectNode();
        data.set("lead", mapper.valueToTree(LeadView.of(lead)));
        if (actor != null) {
            data.put("actor", actor);
        }
        outbox.append(EventTypes.LEAD_UPDATED, lead.channelId, lead.contactId, lead.id, null, data, now);
    }

    ObjectMapper mapper() {
        return mapper;
    }
}
