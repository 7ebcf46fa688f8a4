package io.leadgate.delivery.crm.amocrm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.config.LeadgateConfig;
import io.leadgate.contact.IdentityKind;
import io.leadgate.delivery.crm.CrmAnswer;
import io.leadgate.delivery.crm.CrmChange;
import io.leadgate.delivery.crm.CrmConnector.Outcome;
import io.leadgate.delivery.crm.CrmFailure;
import io.leadgate.delivery.crm.CrmIdentities;
import io.leadgate.delivery.crm.CrmLink;
import io.leadgate.delivery.crm.CrmLinks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A lead's life after its first push, told to amoCRM (API v4, https://www.amocrm.ru/developers/content/crm_platform/).
 * amoCRM has one record for Leadgate's lead and deal alike (its "lead"), so a converted lead's deal is linked to the
 * same amoCRM lead and moves it:
 * <ul>
 *   <li>repeat inquiry: a {@code common} note on the lead, or on the amoCRM lead of the deal the inquiry joined
 *   ({@code POST /api/v4/leads/notes}) with channel, text and
 *   attachment links; the client's new phones and emails added to the contact ({@code GET}, then {@code PATCH
 *   /api/v4/contacts/{id}} with the values it had plus the new ones, since a field's values are replaced);</li>
 *   <li>status: junk → {@code status_id} 143 (closed, not realised; configurable) and a note with the reason;
 *   converted → the configured status, if any; the mapped manager as {@code responsible_user_id};</li>
 *   <li>deal moves: {@code PATCH /api/v4/leads/{id}} with the mapped {@code pipeline_id}/{@code status_id} (won
 *   142, lost 143 when unmapped), price and manager; a deal without a linked lead but with a linked contact becomes a new
 *   amoCRM lead ({@code POST /api/v4/leads}, marker {@code leadgate-deal-<id>} in its name, searched before a retry
 *   creates it again);</li>
 *   <li>merge: amoCRM's API has no contact merge; the surviving contact gets a note naming the other one.</li>
 * </ul>
 * Notes end with a marker {@code [leadgate-event-<position>]}: one whose answer was lost is found again in the
 * entity's notes instead of added twice.
 */
final class AmoCrmLifecycle implements CrmChange.Lifecycle {

    /** amoCRM's fixed statuses of every pipeline: closed and realised, closed and not realised. */
    static final long WON = 142;
    static final long LOST = 143;
    private static final String ID = AmoCrmConnector.ID;
    private static final String NAME = "amoCRM";

    /** The connector's HTTP seam: one authenticated call. */
    @FunctionalInterface
    interface Http {
        CrmAnswer call(String method, String path, String body, String what) throws CrmFailure, InterruptedException;
    }

    private final LeadgateConfig.Connectors.AmoCrm config;
    private final Http http;
    private final CrmLinks links;
    private final CrmIdentities identities;
    private final ObjectMapper mapper;

    AmoCrmLifecycle(LeadgateConfig.Connectors.AmoCrm config, Http http, CrmLinks links, CrmIdentities identities,
                    ObjectMapper mapper) {
        this.config = config;
        this.http = http;
        this.links = links;
        this.identities = identities;
        this.mapper = mapper;
    }

    Optional<Long> user(String responsible) {
        return responsible == null ? Optional.empty()
                : Optional.ofNullable(config.users().get(responsible)).map(Long::parseLong);
    }

    @Override
    public Outcome repeat(CrmChange.RepeatInquiry r) throws CrmFailure, InterruptedException {
        // the amoCRM lead that stands for the deal the inquiry joined, else the one of the Leadgate lead
        Optional<String> lead = linked(CrmLinks.DEAL, r.dealId()).or(() -> linked(CrmLinks.LEAD, r.lead().leadId()));
        if (lead.isEmpty()) {
            return Outcome.UNLINKED;
        }
        note(r.position(), "leads", lead.get(), r.text());
        Optional<String> contact = links.remoteId(ID, CrmLinks.CONTACT, r.lead().contactId());
        if (contact.isPresent()) {
            addIdentities(r.lead().contactId(), contact.get());
        }
        return Outcome.SENT;
    }

    @Override
    public Outcome status(CrmChange.LeadStatus s) throws CrmFailure, InterruptedException {
        Optional<String> lead = linked(CrmLinks.LEAD, s.leadId());
        if (lead.isEmpty()) {
            return Outcome.UNLINKED;
        }
        ObjectNode patch = mapper.createObjectNode();
        user(s.responsible()).ifPresent(u -> patch.put("responsible_user_id", u));
        if ("junk".equals(s.status())) {
            patch.put("status_id", config.junkStatus());
        } else if ("converted".equals(s.status()) && config.convertedStatus().isPresent()) {
            patch.put("status_id", config.convertedStatus().get());
        }
        if (!patch.isEmpty()) {
            http.call("PATCH", "/api/v4/leads/" + lead.get(), patch.toString(), "leads update");
        }
        if ("junk".equals(s.status())) {
            note(s.position(), "leads", lead.get(), "Junk: " + (s.junkReason() == null ? "—" : s.junkReason()));
        }
        return patch.isEmpty() && !"junk".equals(s.status()) ? Outcome.IGNORED : Outcome.SENT;
    }

    @Override
    public Outcome deal(CrmChange.DealChange d) throws CrmFailure, InterruptedException {
        Optional<CrmLink> link = links.find(ID, CrmLinks.DEAL, d.dealId());
        String remote = link.map(l -> l.remoteId).orElse(null);
        if (remote == null) {
            Optional<String> lead = linked(CrmLinks.LEAD, d.leadId());
            if (lead.isPresent()) {
                remote = lead.get(); // the converted lead's amoCRM lead is the deal
            } else if (link.isPresent()) {
                remote = findByMarker(dealMarker(d.dealId())).orElse(null);
            }
            if (remote == null) {
                Optional<String> contact = links.remoteId(ID, CrmLinks.CONTACT, d.contactId());
                if (d.kind() != CrmChange.DealChange.Kind.CREATED || contact.isEmpty()) {
                    return Outcome.UNLINKED;
                }
                links.markPending(ID, CrmLinks.DEAL, d.dealId(), "lead");
                ObjectNode item = mapper.createObjectNode();
                item.put("name", d.title() + " [" + dealMarker(d.dealId()) + "]");
                dealFields(d, item);
                ObjectNode embedded = item.putObject("_embedded");
                embedded.putArray("tags").addObject().put("name", "leadgate");
                embedded.putArray("contacts").addObject().put("id", Long.parseLong(contact.get()));
                ArrayNode body = mapper.createArrayNode().add(item);
                CrmAnswer answer = http.call("POST", "/api/v4/leads", body.toString(), "leads add");
                JsonNode id = answer.require(NAME, "leads add", "/_embedded/leads/0/id");
                links.link(ID, CrmLinks.DEAL, d.dealId(), "lead", id.asText());
                return Outcome.SENT;
            }
            links.link(ID, CrmLinks.DEAL, d.dealId(), "lead", remote);
        }
        ObjectNode patch = mapper.createObjectNode();
        dealFields(d, patch);
        if (!patch.isEmpty()) {
            http.call("PATCH", "/api/v4/leads/" + remote, patch.toString(), "leads update");
        }
        boolean lostWhy = d.lost() && d.kind() == CrmChange.DealChange.Kind.MOVED && d.lossReason() != null;
        if (lostWhy) {
            note(d.position(), "leads", remote, "Lost: " + d.lossReason());
        }
        return patch.isEmpty() && !lostWhy ? Outcome.IGNORED : Outcome.SENT;
    }

    @Override
    public Outcome merge(CrmChange.Merge m) throws CrmFailure, InterruptedException {
        Optional<String> target = links.remoteId(ID, CrmLinks.CONTACT, m.targetId());
        Optional<String> source = links.remoteId(ID, CrmLinks.CONTACT, m.sourceId());
        if (target.isEmpty() && source.isEmpty()) {
            return Outcome.UNLINKED;
        }
        String survivor = target.orElseGet(source::get);
        if (target.isPresent() && source.isPresent() && !target.equals(source)) {
            note(m.position(), "contacts", survivor, "Merged in Leadgate with amoCRM contact " + source.get()
                    + ": the same client");
        }
        links.link(ID, CrmLinks.CONTACT, m.targetId(), "contact", survivor);
        if (source.isEmpty()) {
            links.link(ID, CrmLinks.CONTACT, m.sourceId(), "contact", survivor);
        }
        return Outcome.SENT;
    }

    /** Adds the card's phones and emails the amoCRM contact lacks, keeping the values it has. */
    void addIdentities(long contactId, String remoteContact) throws CrmFailure, InterruptedException {
        List<CrmIdentities.Identity> pending = identities.pending(ID, contactId);
        if (pending.isEmpty()) {
            return;
        }
        CrmAnswer answer = http.call("GET", "/api/v4/contacts/" + remoteContact, null, "contacts get");
        JsonNode contact = answer.require(NAME, "contacts get", "/id");
        ArrayNode fields = mapper.createArrayNode();
        boolean added = false;
        for (String code : List.of("PHONE", "EMAIL")) {
            ArrayNode values = mapper.createArrayNode();
            Set<String> held = new HashSet<>();
            for (JsonNode field : answer.json().path("custom_fields_values")) {
                if (code.equals(field.path("field_code").asText())) {
                    for (JsonNode v : field.path("values")) {
                        held.add(CrmIdentities.comparable(v.path("value").asText()));
                        ObjectNode kept = values.addObject().put("value", v.path("value").asText());
                        if (v.hasNonNull("enum_code")) {
                            kept.put("enum_code", v.get("enum_code").asText());
                        }
                    }
                }
            }
            IdentityKind kind = "PHONE".equals(code) ? IdentityKind.PHONE : IdentityKind.EMAIL;
            boolean more = false;
            for (CrmIdentities.Identity identity : pending) {
                if (identity.kind() == kind && held.add(CrmIdentities.comparable(identity.value()))) {
                    values.addObject().put("value", identity.value()).put("enum_code", "WORK");
                    more = true;
                }
            }
            if (more) {
                ObjectNode field = fields.addObject().put("field_code", code);
                field.set("values", values);
                added = true;
            }
        }
        if (added && contact.isNumber()) {
            ObjectNode patch = mapper.createObjectNode();
            patch.set("custom_fields_values", fields);
            http.call("PATCH", "/api/v4/contacts/" + remoteContact, patch.toString(), "contacts update");
        }
        identities.given(ID, pending, remoteContact);
    }

    /** Adds a common note once per event: one sent before without a recorded answer is looked for first. */
    private void note(long position, String entityType, String entityId, String text) throws CrmFailure, InterruptedException {
        Optional<CrmLink> link = links.find(ID, CrmLinks.EVENT, position);
        if (link.map(l -> l.remoteId != null).orElse(false)) {
            return;
        }
        String marker = "[leadgate-event-" + position + "]";
        if (link.isPresent()) {
            CrmAnswer found = http.call("GET", "/api/v4/" + entityType + "/" + entityId
                    + "/notes?limit=250&filter%5Bnote_type%5D=common", null, "notes list");
            for (JsonNode note : found.json().at("/_embedded/notes")) { // 204 (none): a missing node, no loop
                if (note.path("params").path("text").asText("").contains(marker)) {
                    links.link(ID, CrmLinks.EVENT, position, "note", note.path("id").asText());
                    return;
                }
            }
        }
        links.markPending(ID, CrmLinks.EVENT, position, "note");
        ArrayNode body = mapper.createArrayNode();
        ObjectNode note = body.addObject().put("entity_id", Long.parseLong(entityId)).put("note_type", "common");
        note.putObject("params").put("text", text + "\n" + marker);
        CrmAnswer answer = http.call("POST", "/api/v4/" + entityType + "/notes", body.toString(), "notes add");
        links.link(ID, CrmLinks.EVENT, position, "note",
                answer.require(NAME, "notes add", "/_embedded/notes/0/id").asText());
    }

    private void dealFields(CrmChange.DealChange d, ObjectNode item) {
        var pipeline = d.pipelineId() == null ? null : config.pipelines().get(d.pipelineId());
        Optional<String> amoPipeline = pipeline == null ? Optional.empty() : pipeline.id();
        String mapped = pipeline == null || d.stageId() == null ? null : pipeline.stages().get(d.stageId());
        Long status = mapped != null ? Long.valueOf(mapped) : d.won() ? Long.valueOf(WON) : d.lost() ? Long.valueOf(LOST) : null;
        if (status != null) {
            amoPipeline.ifPresent(p -> item.put("pipeline_id", Long.parseLong(p)));
            item.put("status_id", status);
        }
        if (d.amount() != null) {
            item.put("price", d.amount().longValue());
        }
        user(d.responsible()).ifPresent(u -> item.put("responsible_user_id", u));
    }

    private Optional<String> findByMarker(String marker) throws CrmFailure, InterruptedException {
        CrmAnswer answer = http.call("GET", "/api/v4/leads?query=" + URLEncoder.encode(marker, StandardCharsets.UTF_8),
                null, "leads search");
        for (JsonNode found : answer.json().at("/_embedded/leads")) {
            if (AmoCrmPayload.carries(found, marker) && found.hasNonNull("id")) {
                return Optional.of(found.get("id").asText());
            }
        }
        return Optional.empty();
    }

    private Optional<String> linked(String entity, Long localId) {
        return links.find(ID, entity, localId).filter(l -> l.remoteId != null).map(l -> l.remoteId);
    }

    static String dealMarker(long dealId) {
        return "leadgate-deal-" + dealId;
    }
}
