package io.leadgate.pipeline;

import io.leadgate.contact.Contact;
import io.leadgate.events.EventTypes;
import io.leadgate.lead.Lead;
import io.leadgate.lead.LeadStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Managers reassigned: a contact's own manager, and a handover of one manager's open work to another. */
@ApplicationScoped
public class Reassignments {

    /** How many of each a handover moved. */
    public record Handover(String from, String to, int leads, int deals, int contacts, int tasks) {
    }

    private final DealEvents events;
    private final Availability availability;
    private final Clock clock;

    Reassignments(DealEvents events, Availability availability, Clock clock) {
        this.events = events;
        this.availability = availability;
        this.clock = clock;
    }

    /** Makes {@code manager} the contact's own manager (null or blank: nobody); the contact id. */
    @Transactional
    public String contact(long contactId, String manager) {
        Contact contact = Contact.findById(contactId, LockModeType.PESSIMISTIC_WRITE);
        if (contact == null) {
            throw PipelineException.notFound("no contact " + contactId);
        }
        contact.responsible = manager == null || manager.isBlank() ? null : activeManager(manager);
        return contact.responsible;
    }

    /** Gives every open lead, open deal, contact and open task of {@code from} to {@code to}. */
    @Transactional
    public Handover handover(String from, String to) {
        Availability.requireManager(from);
        String target = activeManager(to);
        if (target.equals(from)) {
            throw PipelineException.invalid("to must be another manager");
        }
        Instant now = clock.instant();
        List<Lead> leads = Lead.<Lead>find("responsible = ?1 and status in ?2 order by id", from,
                List.of(LeadStatus.NEW, LeadStatus.IN_PROGRESS)).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        for (Lead lead : leads) {
            lead.responsible = target;
            lead.updatedAt = now;
            events.leadUpdated(lead, now);
        }
        List<Deal> deals = Deal.<Deal>find("responsible = ?1 and status = 'open' order by id", from)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        for (Deal deal : deals) {
            deal.responsible = target;
            deal.updatedAt = now;
            events.deal(EventTypes.DEAL_UPDATED, deal, null, now);
        }
        int contacts = Contact.update("responsible = ?1 where responsible = ?2", target, from);
        int tasks = DealTask.update("assignee = ?1 where assignee = ?2 and done = false", target, from);
        return new Handover(from, target, leads.size(), deals.size(), contacts, tasks);
    }

    private String activeManager(String id) {
        return availability.requireActive(id);
    }
}
