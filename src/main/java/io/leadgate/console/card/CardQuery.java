package io.leadgate.console.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadgate.call.CallRecord;
import io.leadgate.contact.ContactEdits;
import io.leadgate.contact.ContactMerge;
import io.leadgate.contact.ContactQueries;
import io.leadgate.contact.ContactView;
import io.leadgate.delivery.OutboxEvent;
import io.leadgate.events.EventTypes;
import io.leadgate.intake.StoredInquiry;
import io.leadgate.lead.Lead;
import io.leadgate.pipeline.Deal;
import io.leadgate.pipeline.DealMove;
import io.leadgate.pipeline.Pipeline;
import io.leadgate.pipeline.Stage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A contact card with one timeline across channels: inquiries (text, subject, attachments), calls (direction,
 * missed, duration), lead status changes (from the lead events, with who made them), deal moves, merges and their
 * undo, notes, changes of the name and company.
 * Newest first, at most {@link #LIMIT} entries of each kind.
 */
@ApplicationScoped
public class CardQuery {

    static final int LIMIT = 200;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ContactQueries contacts;
    private final ContactEdits edits;

    CardQuery(ContactQueries contacts, ContactEdits edits) {
        this.contacts = contacts;
        this.edits = edits;
    }

    @Transactional
    public Optional<CardView> card(long contactId) {
        Optional<ContactView> found = contacts.byId(contactId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<TimelineEntry> timeline = new ArrayList<>();
        inquiries(contactId, timeline);
        calls(contactId, timeline);
        statuses(contactId, timeline);
        List<CardView.DealLine> deals = deals(contactId, timeline);
        merges(contactId, timeline);
        edits.notes(contactId).forEach(n -> timeline.add(new TimelineEntry(n.createdAt(), TimelineEntry.Kind.NOTE, null,
                null, null, n.text(), List.of(), null, n.author())));
        edits.edits(contactId).forEach(e -> timeline.add(new TimelineEntry(e.createdAt(), TimelineEntry.Kind.EDIT, null,
                null, String.join(",", e.fields()), null, List.of(), null, e.actor())));
        timeline.sort(Comparator.comparing(TimelineEntry::at).reversed());
        List<CardView.LeadLine> leads = Lead.<Lead>list("contactId = ?1 order by createdAt desc", contactId).stream()
                .map(l -> new CardView.LeadLine(l.id, l.channelId, l.source, l.status.code(), l.statusCode(),
                        l.createdAt, l.responsible)).toList();
        return Optional.of(new CardView(found.get(), contacts.company(contactId).orElse(null), leads, deals, timeline));
    }

    private void inquiries(long contactId, List<TimelineEntry> timeline) {
        for (StoredInquiry i : StoredInquiry.<StoredInquiry>find("contactId = ?1 order by receivedAt desc, id desc",
                contactId).page(0, LIMIT).list()) {
            JsonNode item = json(i.item);
            if (item.path("call").isObject() || "ignored".equals(i.kind)) {
                continue; // call events are summed up by their call record below
            }
            List<TimelineEntry.Attachment> attachments = new ArrayList<>();
            JsonNode list = item.path("attachments");
            for (int p = 0; p < list.size(); p++) {
                JsonNode a = list.get(p);
                attachments.add(new TimelineEntry.Attachment(a.path("name").asText("attachment"),
                        a.hasNonNull("size") ? a.get("size").asLong() : null,
                        a.path("stored").asBoolean(false) ? "/console/inquiries/" + i.id + "/attachments/" + p : null));
            }
            timeline.add(new TimelineEntry(i.receivedAt, TimelineEntry.Kind.INQUIRY, i.channelId, i.provider,
                    item.hasNonNull("subject") ? item.get("subject").asText() : null,
                    item.hasNonNull("text") ? item.get("text").asText() : null, attachments, null,
                    item.path("extra").path("enteredBy").asText(null)));
        }
    }

    private void calls(long contactId, List<TimelineEntry> timeline) {
        for (CallRecord c : CallRecord.<CallRecord>find("contactId = ?1 order by createdAt desc", contactId)
                .page(0, LIMIT).list()) {
            timeline.add(new TimelineEntry(c.startedAt != null ? c.startedAt : c.createdAt, TimelineEntry.Kind.CALL,
                    c.channelId, null, null, null, List.of(), new TimelineEntry.Call(c.direction,
                    Boolean.TRUE.equals(c.missed), c.durationSeconds == null ? null : c.durationSeconds.intValue(),
                    c.line), null));
        }
    }

    /** Status changes, read from the lead events: an entry each time a lead's status code differs from before. */
    private void statuses(long contactId, List<TimelineEntry> timeline) {
        Map<String, String> last = new HashMap<>();
        for (OutboxEvent e : OutboxEvent.<OutboxEvent>find("contactId = ?1 and type in ?2 order by id", contactId,
                List.of(EventTypes.LEAD_CREATED, EventTypes.LEAD_UPDATED)).page(0, 5 * LIMIT).list()) {
            JsonNode data = json(e.payload).path("data");
            JsonNode lead = data.path("lead").isMissingNode() ? data : data.path("lead");
            String id = lead.path("id").asText(null);
            String status = lead.path("statusCode").asText(null);
            if (id == null || status == null) {
                continue;
            }
            String before = last.put(id, status);
            if (before != null && !before.equals(status)) {
                String reason = lead.path("junkReason").asText(null);
                String actor = data.path("actor").asText(null);
                timeline.add(new TimelineEntry(e.createdAt, TimelineEntry.Kind.STATUS, lead.path("channelId").asText(null),
                        null, "#" + id + ": " + before + " → " + status, reason, List.of(), null, actor));
            }
        }
    }

    private List<CardView.DealLine> deals(long contactId, List<TimelineEntry> timeline) {
        List<Deal> deals = Deal.list("contactId = ?1 order by createdAt desc", contactId);
        if (deals.isEmpty()) {
            return List.of();
        }
        Map<Long, Stage> stages = new HashMap<>();
        Map<Long, Pipeline> pipelines = new HashMap<>();
        List<CardView.DealLine> lines = new ArrayList<>();
        for (Deal d : deals) {
            Stage s = stages.computeIfAbsent(d.stageId, id -> Stage.findById(id));
            Pipeline p = pipelines.computeIfAbsent(d.pipelineId, id -> Pipeline.findById(id));
            lines.add(new CardView.DealLine(d.id, p.name, s.name, s.color, d.status, d.amount, d.currency, d.responsible,
                    d.lossReason));
        }
        List<Long> ids = deals.stream().map(d -> d.id).toList();
        for (DealMove m : DealMove.<DealMove>find("dealId in ?1 order by movedAt desc", ids).page(0, LIMIT).list()) {
            Stage to = stages.computeIfAbsent(m.toStageId, id -> Stage.findById(id));
            Stage from = m.fromStageId == null ? null : stages.computeIfAbsent(m.fromStageId, id -> Stage.findById(id));
            String title = "#" + m.dealId + ": " + (from == null ? "" : from.name + " → ") + to.name;
            timeline.add(new TimelineEntry(m.movedAt, TimelineEntry.Kind.DEAL, null, null, title, m.lossReason,
                    List.of(), null, m.actor));
        }
        return lines;
    }

    private void merges(long contactId, List<TimelineEntry> timeline) {
        for (ContactMerge m : ContactMerge.<ContactMerge>find("targetId = ?1 or sourceId = ?1 order by createdAt desc",
                contactId).page(0, LIMIT).list()) {
            String title = "#" + m.sourceId + " → #" + m.targetId;
            timeline.add(new TimelineEntry(m.createdAt, TimelineEntry.Kind.MERGE, null, null, title, m.rule, List.of(),
                    null, m.origin));
            if (m.undoneAt != null) {
                timeline.add(new TimelineEntry(m.undoneAt, TimelineEntry.Kind.UNMERGE, null, null, title, null,
                        List.of(), null, null));
            }
        }
    }

    private static JsonNode json(String s) {
        try {
            return s == null ? MAPPER.createObjectNode() : MAPPER.readTree(s);
        } catch (IOException e) {
            return MAPPER.createObjectNode();
        }
    }
}
