package io.leadgate.pipeline;

import io.leadgate.events.EventTypes;
import io.leadgate.lead.Lead;
import io.leadgate.lead.LeadStatus;
import io.leadgate.policy.LeadRouting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the write path asks of the pipeline when it creates a lead, in its transaction: the responsible manager
 * (the client's own, else the channel's or the pipeline's managers in turn), and for a deals-only channel
 * ({@code settings: {deals-only: true, pipeline: <id or name>}}, handed in as a {@link LeadRouting}) a deal straight
 * away — the client's open deal in that pipeline is extended, otherwise a new one is created, and the lead is
 * converted into it.
 */
@ApplicationScoped
public class LeadIntake {

    private static final Logger LOG = Logger.getLogger(LeadIntake.class);

    private final EntityManager em;
    private final PipelineService pipelines;
    private final DealService deals;
    private final DealEvents events;
    private final Assigner assigner;

    LeadIntake(EntityManager em, PipelineService pipelines, DealService deals, DealEvents events, Assigner assigner) {
        this.em = em;
        this.pipelines = pipelines;
        this.deals = deals;
        this.events = events;
        this.assigner = assigner;
    }

    /**
     * Called once for each lead the write path creates, once it has its id: its row may be written after this
     * returns (nothing here reads it back; a deals-only channel's lead, which its deal refers to, is persisted
     * first). A lead that is not a returning client's belongs to a card created in the same transaction, which has
     * no manager yet.
     *
     * @param routing the lead's channel's routing ({@link LeadRouting#DEFAULT} for a lead without one)
     */
    public void onNewLead(LeadRouting routing, Lead lead, Instant now) {
        boolean dealsOnly = routing.dealsOnly();
        Optional<Pipeline> configured = pipelines.byIdOrName(routing.pipeline().orElse(null));
        if (dealsOnly && configured.isEmpty() && routing.pipeline().isPresent()) {
            LOG.warnf("channel %s names an unknown pipeline; its deals go to the default pipeline", lead.channelId);
        }
        // the pipeline entity only when a deal is opened; the turn needs no more than the pipeline's id and managers
        Pipeline pipeline = dealsOnly
                ? configured.orElseGet(() -> Pipeline.<Pipeline>find("isDefault = true").firstResult()) : null;
        List<String> managers = routing.managers();
        String scope = "channel:" + lead.channelId;
        if (managers.isEmpty()) {
            Optional<Roster> roster = pipeline != null ? Optional.of(new Roster(pipeline.id, pipeline.managerList()))
                    : configured.isPresent() ? configured.map(p -> new Roster(p.id, p.managerList()))
                    : defaultRoster();
            if (roster.isPresent()) {
                managers = roster.get().managers();
                scope = "pipeline:" + roster.get().pipelineId();
            }
        }
        // a lead that is not a returning client's is that of a card created with it: no manager to look up
        lead.responsible = (lead.returningClient ? assigner.assign(lead.contactId, scope, managers)
                : assigner.assignNewCard(lead.contactId, scope, managers)).orElse(null);
        if (dealsOnly && pipeline != null) {
            toDeal(lead, pipeline, now);
        }
    }

    /** A pipeline's id and round-robin managers. */
    private record Roster(long pipelineId, List<String> managers) {
    }

    private static final String DEFAULT_ROSTER =
            "select id, managers from pipeline where is_default = true order by id limit 1";

    /**
     * The default pipeline's id and managers: one fixed-shape read of two columns on the transaction's connection
     * (each new lead asks; loading the entity cost a query translation, an entity and a dirty check at every later
     * flush of the write path). The write path changes no pipeline, so nothing needs flushing first.
     */
    private Optional<Roster> defaultRoster() {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(DEFAULT_ROSTER);
                 ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Roster(row.getLong(1), Pipeline.managerList(row.getString(2))))
                        : Optional.<Roster>empty();
            }
        });
    }

    private void toDeal(Lead lead, Pipeline pipeline, Instant now) {
        Deal open = Deal.<Deal>find("contactId = ?1 and pipelineId = ?2 and status = 'open' order by id desc",
                lead.contactId, pipeline.id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        Deal deal;
        if (open != null) {
            open.inquiryCount++;
            open.updatedAt = now;
            events.deal(EventTypes.DEAL_UPDATED, open, null, now);
            deal = open;
        } else {
            deal = deals.create(new DealService.NewDeal(lead.contactId, lead.id, lead.channelId, lead.source, null, null,
                    lead.responsible, null, null), pipeline, pipelines.firstStage(pipeline), "channel:" + lead.channelId,
                    now, 0);
        }
        lead.status = LeadStatus.CONVERTED;
        lead.dealId = deal.id;
    }
}
