package io.leadgate.pipeline;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.delivery.EventTypes;
import io.leadgate.lead.Lead;
import io.leadgate.lead.LeadStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the write path asks of the pipeline when it creates a lead, in its transaction: the responsible manager
 * (the client's own, else the channel's or the pipeline's managers in turn), and for a deals-only channel
 * ({@code settings: {deals-only: true, pipeline: <id or name>}}) a deal straight away — the client's open deal in
 * that pipeline is extended, otherwise a new one is created, and the lead is converted into it.
 */
@ApplicationScoped
public class LeadIntake {

    private static final Logger LOG = Logger.getLogger(LeadIntake.class);
    public static final String DEALS_ONLY = "deals-only";
    public static final String PIPELINE = "pipeline";
    public static final String MANAGERS = "managers";

    private final PipelineService pipelines;
    private final DealService deals;
    private final DealEvents events;
    private final Assigner assigner;

    LeadIntake(PipelineService pipelines, DealService deals, DealEvents events, Assigner assigner) {
        this.pipelines = pipelines;
        this.deals = deals;
        this.events = events;
        this.assigner = assigner;
    }

    /** Called once for each lead the write path creates, after it is persisted. */
    public void onNewLead(ChannelDefinition channel, Lead lead, Instant now) {
        boolean dealsOnly = channel.setting(DEALS_ONLY).map(Boolean::parseBoolean).orElse(false);
        Optional<Pipeline> configured = pipelines.byIdOrName(channel.setting(PIPELINE).orElse(null));
        if (dealsOnly && configured.isEmpty() && channel.setting(PIPELINE).isPresent()) {
            LOG.warnf("channel %s names an unknown pipeline; its deals go to the default pipeline", channel.id());
        }
        Pipeline pipeline = configured.orElseGet(() -> Pipeline.<Pipeline>find("isDefault = true").firstResult());
        List<String> managers = channel.settingList(MANAGERS);
        if (managers.isEmpty() && pipeline != null) {
            managers = pipeline.managerList();
        }
        String scope = channel.settingList(MANAGERS).isEmpty() && pipeline != null ? "pipeline:" + pipeline.id
                : "channel:" + channel.id();
        lead.responsible = assigner.assign(lead.contactId, scope, managers).orElse(null);
        if (dealsOnly && pipeline != null) {
            toDeal(lead, pipeline, now);
        }
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
