package io.leadgate.delivery.crm.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.config.LeadgateConfig;
import io.leadgate.contact.IdentityKind;
import io.leadgate.delivery.crm.CrmChange;
import io.leadgate.delivery.crm.CrmConnector.Outcome;
import io.leadgate.delivery.crm.CrmFailure;
import io.leadgate.delivery.crm.CrmIdentities;
import io.leadgate.delivery.crm.CrmLink;
import io.leadgate.delivery.crm.CrmLinks;
import io.leadgate.delivery.crm.LeadSnapshot;
import io.leadgate.delivery.crm.LeadSnapshots;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A lead's life after its first push, told to Bitrix24 (https://apidocs.bitrix24.com/api-reference/crm/):
 * <ul>
 *   <li>repeat inquiry: {@code crm.timeline.comment.add} on the linked lead, or on the deal when the inquiry joined the
 *   lead's deal ({@code ENTITY_TYPE} {@code deal}) (channel, text, attachment links),
 *   and the client's new phones and emails added to the contact ({@code crm.contact.get}, then {@code
 *   crm.contact.update} with the missing values only: multi-field values sent without an {@code ID} are added);</li>
 *   <li>status: {@code crm.lead.update} with the mapped {@code STATUS_ID} and manager; junk adds a comment with the
 *   reason;</li>
 *   <li>deals: {@code crm.deal.add} linked to the contact and the lead ({@code ORIGIN_ID} {@code deal-<id>}, found again by
 *   {@code crm.deal.list} after a lost answer), then {@code crm.deal.update} with the mapped {@code STAGE_ID}, amount and
 *   manager;</li>
 *   <li>a move into a pipeline mapped to another deal category: {@code crm.item.update} ({@code entityTypeId} 2) with
 *   {@code categoryId} and the mapped {@code stageId};</li>
 *   <li>a client whose first lead carried their data ({@code contacts=when-needed}) gets a contact when a deal is made
 *   for them (found by {@code crm.duplicate.findbycomm}, else {@code crm.contact.add}); until then their new phones and
 *   emails go onto that lead;</li>
 *   <li>merge: {@code crm.entity.mergeBatch} of the two contacts, or a comment when merging is off or Bitrix24 reports a
 *   conflict.</li>
 * </ul>
 * Comments carry a marker {@code [leadgate-event-<position>]}: one whose answer was lost is found again by {@code
 * crm.timeline.comment.list} instead of added twice. Updates send absolute values, so repeating one is harmless.
 */
final class Bitrix24Lifecycle implements CrmChange.Lifecycle {

    private static final String ID = Bitrix24Connector.ID;

    private final LeadgateConfig.Connectors.Bitrix24 config;
    private final Bitrix24Client client;
    private final CrmLinks links;
    private final CrmIdentities identities;
    private final ObjectMapper mapper;
    private final LeadSnapshots snapshots;

    Bitrix24Lifecycle(LeadgateConfig.Connectors.Bitrix24 config, Bitrix24Client client, CrmLinks links,
                      CrmIdentities identities, ObjectMapper mapper, LeadSnapshots snapshots) {
        this.config = config;
        this.snapshots = snapshots;
        this.client = client;
        this.links = links;
        this.identities = identities;
        this.mapper = mapper;
    }

    /** The lead's add parameters with the mapped manager and source. */
    ObjectNode mapped(LeadSnapshot lead, ObjectNode params) {
        ObjectNode fields = (ObjectNode) params.path("fields");
        user(lead.responsible()).ifPresent(u -> fields.put("ASSIGNED_BY_ID", u));
        String source = lead.channelId() == null ? null : config.sources().get(lead.channelId());
        if (source != null) {
            fields.put("SOURCE_ID", source);
        }
        return params;
    }

    @Override
    public Outcome repeat(CrmChange.RepeatInquiry r) throws CrmFailure, InterruptedException {
        Optional<CrmLink> lead = linked(CrmLinks.LEAD, r.lead().leadId());
        Optional<CrmLink> deal = linked(CrmLinks.DEAL, r.dealId()); // the inquiry joined this deal
        if (lead.isEmpty() && deal.isEmpty()) {
            return Outcome.UNLINKED;
        }
        CrmLink target = deal.orElseGet(lead::get);
        comment(r.position(), target.remoteType, target.remoteId, r.text());
        Optional<String> contact = links.remoteId(ID, CrmLinks.CONTACT, r.lead().contactId());
        if (contact.isPresent()) {
            addIdentities(r.lead().contactId(), contact.get());
        } else if (r.lead().contactId() != null) {
            // a client without a contact yet: the CRM lead that carries their data gets the new phone or email
            Optional<CrmLink> client = linked(CrmLinks.CLIENT, r.lead().contactId());
            if (client.isPresent()) {
                addIdentities(r.lead().contactId(), client.get().remoteType, client.get().remoteId);
            }
        }
        return Outcome.SENT;
    }

    @Override
    public Outcome status(CrmChange.LeadStatus s) throws CrmFailure, InterruptedException {
        Optional<CrmLink> lead = linked(CrmLinks.LEAD, s.leadId());
        if (lead.isEmpty()) {
            return Outcome.UNLINKED;
        }
        String type = lead.get().remoteType;
        ObjectNode fields = mapper.createObjectNode();
        user(s.responsible()).ifPresent(u -> fields.put("ASSIGNED_BY_ID", u));
        if ("lead".equals(type)) {
            String status = switch (s.status() == null ? "" : s.status()) {
                case "junk" -> config.junkStatus();
                case "converted" -> config.convertedStatus();
                case "in-progress" -> config.inProgressStatus();
                case "new" -> "NEW";
                default -> null;
            };
            if (status != null) {
                fields.put("STATUS_ID", status);
            }
        } else if ("junk".equals(s.status())) {
            fields.put("STAGE_ID", "LOSE"); // a lead pushed as a deal (entity: deal) is lost when it is junk
        }
        if (!fields.isEmpty()) {
            client.call("crm." + type + ".update", update(lead.get().remoteId, fields), false);
        }
        if ("junk".equals(s.status())) {
            comment(s.position(), type, lead.get().remoteId, "Junk: " + (s.junkReason() == null ? "—" : s.junkReason()));
        }
        return fields.isEmpty() && !"junk".equals(s.status()) ? Outcome.IGNORED : Outcome.SENT;
    }

    @Override
    public Outcome deal(CrmChange.DealChange d) throws CrmFailure, InterruptedException {
        Optional<CrmLink> link = links.find(ID, CrmLinks.DEAL, d.dealId());
        String remote = link.map(l -> l.remoteId).orElse(null);
        if (remote == null) {
            Optional<CrmLink> lead = linked(CrmLinks.LEAD, d.leadId());
            if (lead.isPresent() && "deal".equals(lead.get().remoteType)) {
                remote = lead.get().remoteId; // the lead went to Bitrix24 as a deal already: that deal is this one
                links.link(ID, CrmLinks.DEAL, d.dealId(), "deal", remote);
            } else if (link.isPresent()) {
                remote = findByOrigin(d.dealId()); // an add was sent before without a recorded answer
            }
            if (remote == null && d.kind() != CrmChange.DealChange.Kind.CREATED) {
                return Outcome.UNLINKED;
            }
            if (remote == null) {
                Optional<String> contact = links.remoteId(ID, CrmLinks.CONTACT, d.contactId());
                if (contact.isEmpty() && lead.isEmpty()) {
                    return Outcome.UNLINKED;
                }
                if (contact.isEmpty()) {
                    contact = ensureContact(d.leadId(), d.contactId()); // the lead carried the client's data: a deal needs a contact
                }
                links.markPending(ID, CrmLinks.DEAL, d.dealId(), "deal");
                ObjectNode params = mapper.createObjectNode();
                ObjectNode fields = params.putObject("fields");
                fields.put("TITLE", d.title());
                contact.ifPresent(c -> fields.put("CONTACT_ID", c));
                lead.filter(l -> "lead".equals(l.remoteType)).ifPresent(l -> fields.put("LEAD_ID", l.remoteId));
                category(d).ifPresent(c -> fields.put("CATEGORY_ID", c));
                dealFields(d, fields);
                fields.put("OPENED", "Y");
                fields.put("ORIGINATOR_ID", Bitrix24Fields.ORIGINATOR);
                fields.put("ORIGIN_ID", "deal-" + d.dealId());
                params.putObject("params").put("REGISTER_SONET_EVENT", "Y");
                JsonNode id = client.call("crm.deal.add", params, false);
                links.link(ID, CrmLinks.DEAL, d.dealId(), "deal", id.asText());
                return Outcome.SENT;
            }
            links.link(ID, CrmLinks.DEAL, d.dealId(), "deal", remote);
        }
        Optional<String> toCategory = d.changedPipeline() ? movedCategory(d) : Optional.empty();
        if (toCategory.isPresent()) {
            client.call("crm.item.update", categoryMove(remote, toCategory.get(), d), false);
            boolean lostWhy = d.lost() && d.lossReason() != null;
            if (lostWhy) {
                comment(d.position(), "deal", remote, "Lost: " + d.lossReason());
            }
            return Outcome.SENT;
        }
        ObjectNode fields = mapper.createObjectNode();
        dealFields(d, fields);
        if (!fields.isEmpty()) {
            client.call("crm.deal.update", update(remote, fields), false);
        }
        boolean lostWhy = d.lost() && d.kind() == CrmChange.DealChange.Kind.MOVED && d.lossReason() != null;
        if (lostWhy) {
            comment(d.position(), "deal", remote, "Lost: " + d.lossReason());
        }
        return fields.isEmpty() && !lostWhy ? Outcome.IGNORED : Outcome.SENT;
    }

    @Override
    public Outcome merge(CrmChange.Merge m) throws CrmFailure, InterruptedException {
        Optional<String> target = links.remoteId(ID, CrmLinks.CONTACT, m.targetId());
        Optional<String> source = links.remoteId(ID, CrmLinks.CONTACT, m.sourceId());
        if (target.isEmpty() && source.isEmpty()) {
            return Outcome.UNLINKED;
        }
        if (target.isEmpty() || source.isEmpty() || target.equals(source)) {
            String one = target.orElseGet(source::get);
            links.link(ID, CrmLinks.CONTACT, m.targetId(), "contact", one);
            links.link(ID, CrmLinks.CONTACT, m.sourceId(), "contact", one);
            return Outcome.SENT;
        }
        if (config.mergeContacts()) {
            ObjectNode params = mapper.createObjectNode();
            ObjectNode p = params.putObject("params");
            p.put("entityTypeId", 3); // 3: contact
            p.putArray("entityIds").add(Long.parseLong(target.get())).add(Long.parseLong(source.get()));
            JsonNode result = client.call("crm.entity.mergeBatch", params, false);
            if ("SUCCESS".equals(result.path("STATUS").asText())) {
                Set<String> gone = new HashSet<>();
                result.path("ENTITY_IDS").forEach(id -> gone.add(id.asText()));
                String survivor = gone.contains(target.get()) ? source.get() : target.get();
                links.link(ID, CrmLinks.CONTACT, m.targetId(), "contact", survivor);
                links.link(ID, CrmLinks.CONTACT, m.sourceId(), "contact", survivor);
                return Outcome.SENT;
            }
        }
        // merging is off or needs a person: the survivor is told which contact is the same client
        comment(m.position(), "contact", target.get(), "Merged in Leadgate with contact " + source.get()
                + ": /crm/contact/merge/?id=" + target.get() + "," + source.get());
        links.link(ID, CrmLinks.CONTACT, m.sourceId(), "contact", target.get());
        return Outcome.SENT;
    }

    /**
     * The Bitrix24 category a move into another pipeline takes the deal to, when the two pipelines map to different
     * categories ({@code pipelines."<id>".id}; unmapped: the general category 0); empty when the category stays.
     */
    private Optional<String> movedCategory(CrmChange.DealChange d) {
        String to = category(d).map(String::strip).orElse("0");
        String from = Optional.ofNullable(config.pipelines().get(d.fromPipelineId()))
                .flatMap(LeadgateConfig.Connectors.Pipeline::id).map(String::strip).orElse("0");
        return to.equals(from) ? Optional.empty() : Optional.of(to);
    }

    /**
     * {@code crm.item.update} of a deal ({@code entityTypeId} 2) into another category
     * (https://apidocs.bitrix24.com/api-reference/crm/universal/crm-item-update.html; {@code crm.deal.update} does not
     * change {@code CATEGORY_ID}): {@code categoryId}, the mapped {@code stageId} when there is one (else Bitrix24 picks
     * the category's stage), and amount, currency and manager in the universal method's field names.
     */
    ObjectNode categoryMove(String remote, String category, CrmChange.DealChange d) {
        ObjectNode params = mapper.createObjectNode();
        params.put("entityTypeId", 2);
        params.put("id", Long.parseLong(remote));
        ObjectNode fields = params.putObject("fields");
        if (category.matches("\\d{1,9}")) {
            fields.put("categoryId", Integer.parseInt(category));
        } else {
            fields.put("categoryId", category);
        }
        stage(config.pipelines(), d).ifPresent(s -> fields.put("stageId", s));
        if (d.amount() != null) {
            fields.put("opportunity", d.amount());
        }
        if (d.currency() != null) {
            fields.put("currencyId", d.currency());
        }
        user(d.responsible()).map(String::strip).filter(u -> u.matches("\\d{1,18}"))
                .ifPresent(u -> fields.put("assignedById", Long.parseLong(u)));
        return params;
    }

    /**
     * The client's Bitrix24 contact for a deal of a client whose lead carried their data: found by {@code
     * crm.duplicate.findbycomm} (the oldest match), else created with {@code crm.contact.add}; linked either way. A
     * create whose answer was lost is found by the lookup the next time. Empty when the card has nothing to look for.
     */
    Optional<String> ensureContact(Long leadId, Long contactId) throws CrmFailure, InterruptedException {
        if (leadId == null || contactId == null) {
            return Optional.empty();
        }
        LeadSnapshot lead = snapshots.load(leadId, null).orElse(null);
        if (lead == null || !Bitrix24Connector.hasClientData(lead)) {
            return Optional.empty();
        }
        Map<String, String> lookups = new LinkedHashMap<>();
        if (!lead.phones().isEmpty()) {
            lookups.put("phone", Bitrix24Query.command("crm.duplicate.findbycomm", Bitrix24Fields.findContacts("PHONE", lead.phones())));
        }
        if (!lead.emails().isEmpty()) {
            lookups.put("email", Bitrix24Query.command("crm.duplicate.findbycomm", Bitrix24Fields.findContacts("EMAIL", lead.emails())));
        }
        if (!lookups.isEmpty()) {
            JsonNode found = client.batch(lookups, true);
            Optional<String> existing = Bitrix24Connector.oldest(found.path("phone"), found.path("email"));
            if (existing.isPresent()) {
                links.link(ID, CrmLinks.CONTACT, contactId, "contact", existing.get());
                addIdentities(contactId, existing.get());
                return existing;
            }
        }
        JsonNode id = client.call("crm.contact.add", Bitrix24Fields.contactAdd(lead), false);
        links.link(ID, CrmLinks.CONTACT, contactId, "contact", id.asText());
        identities.created(ID, contactId, id.asText());
        return Optional.of(id.asText());
    }

    /** Adds the card's phones and emails the CRM contact lacks (read first, so a retry adds nothing twice). */
    void addIdentities(long contactId, String remoteContact) throws CrmFailure, InterruptedException {
        addIdentities(contactId, "contact", remoteContact);
    }

    /** The same for the CRM record ({@code contact}, or the {@code lead} that carries a client's data) that holds them. */
    void addIdentities(long contactId, String remoteType, String remoteId) throws CrmFailure, InterruptedException {
        List<CrmIdentities.Identity> pending = identities.pending(ID, contactId);
        if (pending.isEmpty()) {
            return;
        }
        String remoteContact = remoteId;
        ObjectNode get = mapper.createObjectNode().put("id", remoteContact);
        JsonNode contact = client.call("crm." + remoteType + ".get", get, true);
        Set<String> held = new HashSet<>();
        contact.path("PHONE").forEach(v -> held.add(CrmIdentities.comparable(v.path("VALUE").asText())));
        contact.path("EMAIL").forEach(v -> held.add(CrmIdentities.comparable(v.path("VALUE").asText())));
        ObjectNode fields = mapper.createObjectNode();
        for (CrmIdentities.Identity identity : pending) {
            if (held.add(CrmIdentities.comparable(identity.value()))) {
                String name = identity.kind() == IdentityKind.PHONE ? "PHONE" : "EMAIL";
                ArrayNode values = fields.has(name) ? (ArrayNode) fields.get(name) : fields.putArray(name);
                values.addObject().put("VALUE", identity.value()).put("VALUE_TYPE", "WORK");
            }
        }
        if (!fields.isEmpty()) {
            client.call("crm." + remoteType + ".update", update(remoteContact, fields), false);
        }
        identities.given(ID, pending, remoteContact);
    }

    /** Adds a timeline comment once per event: a comment sent before without a recorded answer is looked up first. */
    private void comment(long position, String entityType, String entityId, String text)
            throws CrmFailure, InterruptedException {
        Optional<CrmLink> link = links.find(ID, CrmLinks.EVENT, position);
        if (link.map(l -> l.remoteId != null).orElse(false)) {
            return;
        }
        String marker = "[leadgate-event-" + position + "]";
        if (link.isPresent()) {
            ObjectNode list = mapper.createObjectNode();
            list.putObject("filter").put("ENTITY_ID", entityId).put("ENTITY_TYPE", entityType);
            list.putArray("select").add("ID").add("COMMENT");
            list.putObject("order").put("ID", "DESC");
            for (JsonNode found : client.call("crm.timeline.comment.list", list, true)) {
                if (found.path("COMMENT").asText("").contains(marker)) {
                    links.link(ID, CrmLinks.EVENT, position, "comment", found.path("ID").asText());
                    return;
                }
            }
        }
        links.markPending(ID, CrmLinks.EVENT, position, "comment");
        ObjectNode params = mapper.createObjectNode();
        params.putObject("fields").put("ENTITY_ID", Long.parseLong(entityId)).put("ENTITY_TYPE", entityType)
                .put("COMMENT", text + "\n" + marker);
        JsonNode id = client.call("crm.timeline.comment.add", params, false);
        links.link(ID, CrmLinks.EVENT, position, "comment", id.asText());
    }

    private String findByOrigin(long dealId) throws CrmFailure, InterruptedException {
        ObjectNode params = mapper.createObjectNode();
        params.putObject("filter").put("ORIGINATOR_ID", Bitrix24Fields.ORIGINATOR).put("ORIGIN_ID", "deal-" + dealId);
        params.putArray("select").add("ID");
        JsonNode found = client.call("crm.deal.list", params, true);
        return found.isArray() && !found.isEmpty() ? found.get(0).path("ID").asText() : null;
    }

    private void dealFields(CrmChange.DealChange d, ObjectNode fields) {
        stage(config.pipelines(), d).ifPresent(s -> fields.put("STAGE_ID", s));
        if (d.amount() != null) {
            fields.put("OPPORTUNITY", d.amount());
        }
        if (d.currency() != null) {
            fields.put("CURRENCY_ID", d.currency());
        }
        user(d.responsible()).ifPresent(u -> fields.put("ASSIGNED_BY_ID", u));
    }

    private Optional<String> category(CrmChange.DealChange d) {
        return category(config.pipelines(), d);
    }

    private static Optional<String> category(Map<String, LeadgateConfig.Connectors.Pipeline> pipelines,
                                             CrmChange.DealChange d) {
        return Optional.ofNullable(d.pipelineId()).map(pipelines::get).flatMap(LeadgateConfig.Connectors.Pipeline::id);
    }

    /** The mapped stage; unmapped won and lost go to the category's own {@code WON} and {@code LOSE}. Pure. */
    static Optional<String> stage(Map<String, LeadgateConfig.Connectors.Pipeline> pipelines, CrmChange.DealChange d) {
        var pipeline = d.pipelineId() == null ? null : pipelines.get(d.pipelineId());
        String mapped = pipeline == null || d.stageId() == null ? null : pipeline.stages().get(d.stageId());
        if (mapped != null) {
            return Optional.of(mapped);
        }
        String prefix = category(pipelines, d).filter(c -> !"0".equals(c)).map(c -> "C" + c + ":").orElse("");
        return d.won() ? Optional.of(prefix + "WON") : d.lost() ? Optional.of(prefix + "LOSE") : Optional.empty();
    }

    private Optional<String> user(String responsible) {
        return responsible == null ? Optional.empty() : Optional.ofNullable(config.users().get(responsible));
    }

    private Optional<CrmLink> linked(String entity, Long localId) {
        return links.find(ID, entity, localId).filter(l -> l.remoteId != null);
    }

    private ObjectNode update(String id, ObjectNode fields) {
        ObjectNode params = mapper.createObjectNode();
        params.put("id", id);
        params.set("fields", fields);
        return params;
    }
}
