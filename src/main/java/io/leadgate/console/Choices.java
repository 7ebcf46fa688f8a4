package io.leadgate.console;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelRegistry;
import io.leadgate.intake.ManualLeads;
import io.leadgate.lead.JunkReason;
import io.leadgate.lead.LeadStatusDef;
import io.leadgate.people.UserService;
import io.leadgate.people.UserView;
import io.leadgate.pipeline.LeadLifecycle;
import io.leadgate.pipeline.PipelineService;
import io.leadgate.pipeline.PipelineView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;

/** The lists the console's pickers offer, read from the same services as the API. */
@ApplicationScoped
public class Choices {

    /** A value and its label. */
    public record Option(String value, String label) {
    }

    /** Everything a page's pickers need. */
    public record Options(List<PipelineView> pipelines, List<Option> junkReasons, List<Option> statuses,
                          List<UserView> managers, List<String> channels) {
    }

    private final PipelineService pipelines;
    private final LeadLifecycle leads;
    private final UserService users;
    private final ChannelRegistry channels;

    Choices(PipelineService pipelines, LeadLifecycle leads, UserService users, ChannelRegistry channels) {
        this.pipelines = pipelines;
        this.leads = leads;
        this.users = users;
        this.channels = channels;
    }

    @Transactional
    public Options options() {
        List<Option> reasons = new ArrayList<>();
        for (JunkReason r : leads.reasons()) {
            reasons.add(new Option(r.code, r.name));
        }
        List<Option> statuses = new ArrayList<>();
        for (LeadStatusDef s : leads.statuses()) {
            statuses.add(new Option(s.code, s.name));
        }
        List<String> channelIds = new ArrayList<>(channels.all().stream().map(ChannelDefinition::id).sorted().toList());
        channelIds.add(ManualLeads.CHANNEL);
        return new Options(pipelines.list(), reasons, statuses, users.active(), channelIds);
    }
}
