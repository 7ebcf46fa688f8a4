package io.leadgate.delivery.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadgate.config.LeadgateConfig;
import io.leadgate.contact.Contact;
import io.leadgate.events.EventTypes;
import io.leadgate.lead.Lead;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one outbox event as the {@link CrmChange} a connector is told about, inside the caller's transaction. Events
 * a CRM has no use for (an inquiry that opened no lead, erasure, automation signals) read as empty, and so does an
 * event a CRM itself caused: a change crm-in applied because CRM {@code X} reported it carries {@code "actor":
 * "crm:X"} in its data and is never sent back to {@code X} (no echo loop).
 */
@ApplicationScoped
public class CrmChanges {

    /** The event types the connectors are fed, in feed order. */
    public static final List<String> TYPES = List.of(EventTypes.LEAD_CREATED, EventTypes.LEAD_UPDATED,
            EventTypes.DEAL_CREATED, EventTypes.DEAL_MOVED, EventTypes.DEAL_UPDATED, EventTypes.CONTACT_MERGED);

    /** One outbox row as the runner reads it. */
    public record Event(long position, String type, Long leadId, Long inquiryId, Long contactId, String channelId,
                        String payload) {
    }

    private final ObjectMapper mapper;
    private final LeadSnapshots snapshots;
    private final InquiryTexts inquiries;
    private final Optional<String> publicUrl;

    CrmChanges(ObjectMapper mapper, LeadSnapshots snapshots, InquiryTexts inquiries, LeadgateConfig config) {
        this.mapper = mapper;
        this.snapshots = snapshots;
        this.inquiries = inquiries;
        this.publicUrl = config.connectors().publicUrl().filter(u -> !u.isBlank())
                .map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
    }

    /** True when the event was caused by this CRM itself (its data's {@code actor} is {@code crm:<connector id>}). */
    public static boolean echo(JsonNode data, String connectorId) {
        return ("crm:" + connectorId).equals(data.path("actor").asText(null));
    }

    /** The event's data. */
    public JsonNode data(Event event) {
        try {
            return mapper.readTree(event.payload()).path("data");
        } catch (IOException e) {
            return mapper.missingNode();
        }
    }

    /** The change the event reports; empty when there is nothing to tell a CRM (or the lead is gone). */
    public Optional<CrmChange> read(Event event, JsonNode data) {
        long position = event.position();
        return switch (event.type()) {
            case EventTypes.LEAD_CREATED -> event.leadId() == null ? Optional.empty()
                    : snapshots.load(event.leadId(), event.inquiryId()).map(l -> new CrmChange.NewLead(position, l));
            case EventTypes.LEAD_UPDATED -> event.inquiryId() != null ? repeat(event)
                    : event.leadId() == null ? Optional.empty() : Optional.of(status(event, data.path("lead")));
            case EventTypes.DEAL_CREATED -> deal(position, CrmChange.DealChange.Kind.CREATED, data.path("deal"), null);
            case EventTypes.DEAL_MOVED -> deal(position, CrmChange.DealChange.Kind.MOVED, data.path("deal"),
                    text(data.path("move"), "fromPipelineId"));
            case EventTypes.DEAL_UPDATED -> deal(position, CrmChange.DealChange.Kind.UPDATED, data.path("deal"), null);
            case EventTypes.CONTACT_MERGED -> data.hasNonNull("targetId") && data.hasNonNull("sourceId")
                    ? Optional.of(new CrmChange.Merge(position, data.get("targetId").asLong(), data.get("sourceId").asLong()))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    private Optional<CrmChange> repeat(Event event) {
        Optional<LeadSnapshot> lead = event.leadId() == null ? Optional.empty()
                : snapshots.load(event.leadId(), event.inquiryId());
        if (lead.isEmpty()) {
            return Optional.empty();
        }
        InquiryTexts.Text text = inquiries.of(event.inquiryId()).orElse(null);
        List<CrmChange.AttachmentLink> links = new ArrayList<>();
        if (text != null) {
            for (int i = 0; i < text.attachments().size(); i++) {
                InquiryTexts.File file = text.attachments().get(i);
                String url = file.stored() && publicUrl.isPresent()
                        ? publicUrl.get() + "/api/inquiries/" + event.inquiryId() + "/attachments/" + i
                        : file.ref() != null && (file.ref().startsWith("https://") || file.ref().startsWith("http://"))
                        ? file.ref() : null;
                if (url != null) {
                    links.add(new CrmChange.AttachmentLink(file.name(), url));
                }
            }
        }
        Lead joined = Lead.findById(event.leadId()); // loaded with the snapshot, in this transaction
        return Optional.of(new CrmChange.RepeatInquiry(event.position(), lead.get(), event.inquiryId(),
                event.channelId(), text == null ? null : text.family(), List.copyOf(links),
                joined == null ? null : joined.dealId));
    }

    private static CrmChange.LeadStatus status(Event event, JsonNode lead) {
        return new CrmChange.LeadStatus(event.position(), event.leadId(), event.contactId(),
                lead.path("status").asText(null), text(lead, "junkReason"), text(lead, "responsible"),
                lead.hasNonNull("dealId") ? lead.get("dealId").asLong() : null);
    }

    private Optional<CrmChange> deal(long position, CrmChange.DealChange.Kind kind, JsonNode deal, String fromPipelineId) {
        if (!deal.hasNonNull("id")) {
            return Optional.empty();
        }
        Long contactId = deal.hasNonNull("contactId") ? deal.get("contactId").asLong() : null;
        Contact contact = contactId == null ? null : Contact.findById(contactId);
        String who = contact == null || contact.name == null ? null : contact.name;
        String source = text(deal, "source");
        String title = (who == null ? "Deal " + deal.get("id").asText() : who) + (source == null ? "" : " — " + source);
        return Optional.of(new CrmChange.DealChange(position, kind, deal.get("id").asLong(),
                deal.hasNonNull("leadId") ? deal.get("leadId").asLong() : null, contactId, title,
                text(deal, "pipelineId"), text(deal, "stageId"), text(deal, "status"),
                deal.hasNonNull("amount") ? new BigDecimal(deal.get("amount").asText()) : null, text(deal, "currency"),
                text(deal, "responsible"), text(deal, "lossReason"), fromPipelineId));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
