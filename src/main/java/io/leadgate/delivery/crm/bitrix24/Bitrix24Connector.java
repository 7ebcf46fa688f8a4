package io.leadgate.delivery.crm.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadgate.channel.Secrets;
import io.leadgate.config.LeadgateConfig;
import io.leadgate.delivery.crm.CrmChange;
import io.leadgate.delivery.crm.CrmConnector;
import io.leadgate.delivery.crm.CrmFailure;
import io.leadgate.delivery.crm.CrmIdentities;
import io.leadgate.delivery.crm.CrmLink;
import io.leadgate.delivery.crm.CrmLinks;
import io.leadgate.delivery.crm.LeadSnapshot;
import io.leadgate.delivery.crm.LeadSnapshots;
import io.leadgate.delivery.crm.TokenBucket;
import io.leadgate.delivery.crm.oauth.CrmOAuth;
import io.leadgate.delivery.crm.oauth.OAuthSession;
import io.leadgate.delivery.crm.oauth.OAuthTokens;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Pushes Leadgate's changes to Bitrix24 through an incoming webhook or an OAuth 2 application (REST API,
 * https://apidocs.bitrix24.com): new leads here, the rest of a lead's life (repeat inquiries, status, deals, merges) in
 * {@link Bitrix24Lifecycle}. Per new lead, in at most three requests:
 * <ol>
 *   <li>the CRM contact: the stored link, else one {@code batch} of {@code crm.duplicate.findbycomm} by phone and by
 *   email (the oldest matching contact is linked instead of creating a duplicate); if the lead's create was sent
 *   before without a recorded answer, the same batch looks it up by {@code ORIGINATOR_ID}/{@code ORIGIN_ID};</li>
 *   <li>{@code crm.lead.add} (or {@code crm.deal.add}) with {@code CONTACT_ID}, so Bitrix24 marks the returning
 *   client. A client no contact matched: in lead mode with {@code contacts=when-needed} (the default) the lead alone,
 *   carrying the client's name, phones and emails (recorded as a {@link CrmLinks#CLIENT} link), and the contact comes
 *   with the client's next lead or deal; else one {@code batch} of {@code crm.contact.add} and the add using
 *   {@code $result[contact]}. The manager ({@code ASSIGNED_BY_ID}) and {@code SOURCE_ID} as configured.</li>
 * </ol>
 * A returning client's phones and emails the linked contact lacks are added to it first.
 * Requests share one token bucket (Bitrix24: 2 requests/s, burst 50).
 */
@ApplicationScoped
public class Bitrix24Connector implements CrmConnector {

    public static final String ID = "bitrix24";

    private final LeadgateConfig.Connectors.Bitrix24 config;
    private final CrmLinks links;
    private final Bitrix24Client client;
    private final String entity;
    private final CrmIdentities identities;
    private final Bitrix24Lifecycle lifecycle;
    private final ObjectMapper mapper;
    private final Optional<OAuthSession> oauth;
    /** Every new client gets a contact (deal mode, or {@code contacts=always}); else only when needed. */
    private final boolean contactAlways;

    Bitrix24Connector(LeadgateConfig config, CrmLinks links, CrmIdentities identities, ObjectMapper mapper,
                      CrmOAuth oauth, LeadSnapshots snapshots) {
        this.config = config.connectors().bitrix24();
        this.oauth = oauth.session(ID);
        this.links = links;
        this.identities = identities;
        this.entity = "deal".equalsIgnoreCase(this.config.entity()) ? "deal" : "lead";
        this.contactAlways = "deal".equals(entity) || "always".equalsIgnoreCase(this.config.contacts().strip());
        this.mapper = mapper;
        this.client = enabled()
                ? new Bitrix24Client(this::endpoint, this.config.timeout(),
                TokenBucket.system(this.config.burst(), this.config.rate()), mapper,
                d -> Thread.sleep(Math.max(1, d.toMillis())))
                : null;
        this.lifecycle = new Bitrix24Lifecycle(this.config, client, links, identities, mapper, snapshots);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean enabled() {
        return config.enabled() && (oauth.isPresent() || config.url().filter(u -> !u.isBlank()).isPresent());
    }

    @Override
    public String credentialHash() {
        String material = config.url().orElse("") + "\n" + oauth.map(OAuthSession::grantHash).orElse("");
        return Secrets.hex(Secrets.sha256(material.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Where the next call goes: with an OAuth application, its {@code client_endpoint} (else the configured URL as the
     * portal's REST base) and a fresh access token; else the incoming-webhook URL.
     */
    private Bitrix24Client.Endpoint endpoint() throws CrmFailure, InterruptedException {
        if (oauth.isEmpty()) {
            return new Bitrix24Client.Endpoint(config.url().orElseThrow(), null);
        }
        OAuthTokens tokens = oauth.get().tokens();
        String base = tokens.endpoint() != null ? tokens.endpoint() : config.url().filter(u -> !u.isBlank())
                .orElseThrow(() -> new CrmFailure(CrmFailure.Kind.MISCONFIGURED, "no_endpoint",
                        "the Bitrix24 token answer named no client_endpoint and leadgate.connectors.bitrix24.url is unset"));
        return new Bitrix24Client.Endpoint(base, tokens.accessToken());
    }

    @Override
    public CrmChange.Lifecycle lifecycle() {
        return lifecycle;
    }

    @Override
    public int batchSize() {
        return Math.max(1, config.leadsPerBatch());
    }

    /** {@code linger} (default 2 s): a short run of new leads waits for more, so lookups serve many and batches go full. */
    @Override
    public java.time.Duration linger() {
        return config.linger();
    }

    /** 50: a {@code batch} holds 50 commands, and 50 leads fill one (one command each) or two (contact + lead). */
    @Override
    public int batchFill() {
        return 50;
    }

    /**
     * New leads at once ({@code leads-per-batch}, default 1 000): their contacts are looked up together, with
     * {@code crm.duplicate.findbycomm} over up to 20 phones or emails per command and 50 commands per read-only
     * {@code batch} (one request covers up to 1 000 values; a chunk that matches any contact sends its leads the
     * one-by-one way, which finds which contact is whose); then {@code batch}es of at most 50 commands: {@code
     * crm.lead.add} with the linked {@code CONTACT_ID}; for a client no contact matched, in lead mode {@code
     * crm.lead.add} alone carrying their name, phones and emails (one command), else {@code crm.contact.add} +
     * {@code crm.lead.add} with {@code $result[cN]}. Every lead is marked pending before its batch is sent, so a lost
     * answer is resolved by the one-by-one way's lookup by {@code ORIGIN_ID}.
     */
    @Override
    public void pushNewLeads(List<CrmChange.NewLead> changes) throws CrmFailure, InterruptedException {
        List<LeadSnapshot> all = changes.stream().map(CrmChange.NewLead::lead).toList();
        Map<Long, CrmLink> leadLinks = links.findAll(ID, CrmLinks.LEAD, all.stream().map(LeadSnapshot::leadId).toList());
        List<Long> contactIds = all.stream().map(LeadSnapshot::contactId).filter(c -> c != null).toList();
        Map<Long, CrmLink> contacts = links.findAll(ID, CrmLinks.CONTACT, contactIds);
        Map<Long, CrmLink> clientLeads = links.findAll(ID, CrmLinks.CLIENT, contactIds);
        Function<LeadSnapshot, Optional<String>> contactOf = lead -> Optional.ofNullable(lead.contactId())
                .map(contacts::get).map(l -> l.remoteId);
        List<LeadSnapshot> fast = new ArrayList<>();
        List<LeadSnapshot> slow = new ArrayList<>();
        Set<Long> clients = new HashSet<>();
        for (LeadSnapshot lead : all) {
            CrmLink link = leadLinks.get(lead.leadId());
            if (link != null && link.remoteId != null) {
                continue;
            }
            Optional<String> contact = contactOf.apply(lead);
            boolean newIdentities = contact.isPresent() && !identities.pending(ID, lead.contactId()).isEmpty();
            // a client's second lead in the run waits for the first one's contact
            boolean again = lead.contactId() != null && !clients.add(lead.contactId());
            (link != null || newIdentities || again ? slow : fast).add(lead);
        }
        List<LeadSnapshot> unknown = fast.stream().filter(l -> l.contactId() != null && contactOf.apply(l).isEmpty()).toList();
        Map<String, List<LeadSnapshot>> chunks = new LinkedHashMap<>();
        Map<String, String> lookups = new LinkedHashMap<>();
        chunk(unknown, "PHONE", LeadSnapshot::phones, chunks, lookups);
        chunk(unknown, "EMAIL", LeadSnapshot::emails, chunks, lookups);
        if (!lookups.isEmpty()) {
            JsonNode found = lookUp(lookups);
            for (Map.Entry<String, List<LeadSnapshot>> chunk : chunks.entrySet()) {
                if (found.path(chunk.getKey()).path("CONTACT").size() > 0) {
                    for (LeadSnapshot lead : chunk.getValue()) {
                        if (fast.remove(lead)) {
                            slow.add(lead);
                        }
                    }
                }
            }
        }
        Map<String, String> creates = new LinkedHashMap<>();
        List<LeadSnapshot> inBatch = new ArrayList<>();
        Set<Long> leadOnly = new HashSet<>();
        for (LeadSnapshot lead : fast) {
            Optional<String> contact = contactOf.apply(lead);
            boolean client = contact.isEmpty() && lead.contactId() != null && hasClientData(lead);
            boolean newContact = client && (contactAlways || clientLeads.containsKey(lead.contactId()));
            if (client && !newContact) {
                leadOnly.add(lead.leadId()); // the lead carries the client's name, phones and emails itself
            }
            if (creates.size() + (newContact ? 2 : 1) > 50) {
                createAll(creates, inBatch, leadOnly);
            }
            String n = String.valueOf(inBatch.size());
            if (newContact) {
                creates.put("c" + n, Bitrix24Query.command("crm.contact.add", Bitrix24Fields.contactAdd(lead)));
            }
            creates.put("l" + n, Bitrix24Query.command("crm." + entity + ".add", lifecycle.mapped(lead,
                    Bitrix24Fields.leadAdd(lead, entity, newContact ? "$result[c" + n + "]" : contact.orElse(null)))));
            inBatch.add(lead);
        }
        createAll(creates, inBatch, leadOnly);
        for (LeadSnapshot lead : slow) {
            newLead(lead);
        }
    }

    /**
     * Sends the lookups in read-only {@code batch} requests of at most 50 commands (each command up to 20 values, the
     * documented limit of {@code crm.duplicate.findbycomm}); answers their results merged by command key.
     */
    private JsonNode lookUp(Map<String, String> lookups) throws CrmFailure, InterruptedException {
        com.fasterxml.jackson.databind.node.ObjectNode merged = mapper.createObjectNode();
        Map<String, String> part = new LinkedHashMap<>();
        for (Map.Entry<String, String> lookup : lookups.entrySet()) {
            part.put(lookup.getKey(), lookup.getValue());
            if (part.size() == 50) {
                merge(merged, client.batch(part, true));
                part.clear();
            }
        }
        if (!part.isEmpty()) {
            merge(merged, client.batch(part, true));
        }
        return merged;
    }

    private static void merge(com.fasterxml.jackson.databind.node.ObjectNode into, JsonNode found) {
        if (found.isObject()) {
            into.setAll((com.fasterxml.jackson.databind.node.ObjectNode) found);
        }
    }

    private void createAll(Map<String, String> creates, List<LeadSnapshot> leads, Set<Long> leadOnly)
            throws CrmFailure, InterruptedException {
        if (creates.isEmpty()) {
            return;
        }
        links.saveAll(ID, leads.stream().map(l -> new CrmLinks.Pending(CrmLinks.LEAD, l.leadId(), entity, null)).toList());
        JsonNode created = client.batch(creates, false);
        List<CrmLinks.Pending> learnt = new ArrayList<>();
        for (int i = 0; i < leads.size(); i++) {
            LeadSnapshot lead = leads.get(i);
            if (!created.path("l" + i).isValueNode()) {
                links.saveAll(ID, learnt); // what the batch did create stays known
                throw new CrmFailure(CrmFailure.Kind.RETRYABLE, "invalid_answer",
                        "Bitrix24 batch answered without the id of command l" + i);
            }
            String remote = created.path("l" + i).asText();
            JsonNode contact = created.path("c" + i);
            if (!contact.isMissingNode() && !contact.isNull()) {
                learnt.add(new CrmLinks.Pending(CrmLinks.CONTACT, lead.contactId(), "contact", contact.asText()));
                learnt.addAll(identities.createdLinks(lead.contactId(), contact.asText()));
            }
            learnt.add(new CrmLinks.Pending(CrmLinks.LEAD, lead.leadId(), entity, remote));
            if (leadOnly.contains(lead.leadId())) {
                learnt.add(new CrmLinks.Pending(CrmLinks.CLIENT, lead.contactId(), entity, remote));
                learnt.addAll(identities.createdLinks(lead.contactId(), remote)); // the lead holds them
            }
        }
        links.saveAll(ID, learnt);
        creates.clear();
        leads.clear();
    }

    /** Lookups of up to 20 values each for leads whose contact is not linked yet, keyed {@code phone0}, {@code email0}, … */
    private void chunk(List<LeadSnapshot> leads, String type, Function<LeadSnapshot, List<String>> values,
                       Map<String, List<LeadSnapshot>> chunks, Map<String, String> lookups) {
        List<String> batch = new ArrayList<>();
        List<LeadSnapshot> owners = new ArrayList<>();
        for (LeadSnapshot lead : leads) {
            List<String> own = values.apply(lead);
            if (own.isEmpty()) {
                continue;
            }
            if (batch.size() + own.size() > 20 && !batch.isEmpty()) {
                flush(type, batch, owners, chunks, lookups);
            }
            batch.addAll(own.subList(0, Math.min(own.size(), 20)));
            owners.add(lead);
        }
        flush(type, batch, owners, chunks, lookups);
    }

    private static void flush(String type, List<String> batch, List<LeadSnapshot> owners,
                              Map<String, List<LeadSnapshot>> chunks, Map<String, String> lookups) {
        if (batch.isEmpty()) {
            return;
        }
        String key = type.toLowerCase(java.util.Locale.ROOT) + chunks.size();
        lookups.put(key, Bitrix24Query.command("crm.duplicate.findbycomm", Bitrix24Fields.findContacts(type, batch)));
        chunks.put(key, List.copyOf(owners));
        batch.clear();
        owners.clear();
    }

    @Override
    public void newLead(LeadSnapshot lead) throws CrmFailure, InterruptedException {
        var leadLink = links.find(ID, CrmLinks.LEAD, lead.leadId());
        if (leadLink.map(l -> l.remoteId != null).orElse(false)) {
            return; // pushed before; only the cursor move was lost
        }
        boolean sentBefore = leadLink.isPresent();
        Optional<String> contact = links.remoteId(ID, CrmLinks.CONTACT, lead.contactId());

        Map<String, String> lookups = new LinkedHashMap<>();
        if (contact.isEmpty() && lead.contactId() != null) {
            if (!lead.phones().isEmpty()) {
                lookups.put("phone", Bitrix24Query.command("crm.duplicate.findbycomm", Bitrix24Fields.findContacts("PHONE", lead.phones())));
            }
            if (!lead.emails().isEmpty()) {
                lookups.put("email", Bitrix24Query.command("crm.duplicate.findbycomm", Bitrix24Fields.findContacts("EMAIL", lead.emails())));
            }
        }
        if (sentBefore) {
            lookups.put("sent", Bitrix24Query.command("crm." + entity + ".list", Bitrix24Fields.findByOrigin(lead.leadId())));
        }
        if (!lookups.isEmpty()) {
            JsonNode found = client.batch(lookups, true);
            Optional<String> existing = oldest(found.path("phone"), found.path("email"));
            if (contact.isEmpty() && existing.isPresent()) {
                contact = existing;
                links.link(ID, CrmLinks.CONTACT, lead.contactId(), "contact", existing.get());
                lifecycle.addIdentities(lead.contactId(), existing.get());
            }
            JsonNode sent = found.path("sent");
            if (sent.isArray() && !sent.isEmpty()) {
                String id = sent.get(0).path("ID").asText();
                links.link(ID, CrmLinks.LEAD, lead.leadId(), entity, id);
                if (contact.isEmpty() && lead.contactId() != null && !needsContact(lead)) {
                    links.link(ID, CrmLinks.CLIENT, lead.contactId(), entity, id); // the lead holds the client's data
                    identities.created(ID, lead.contactId(), id);
                }
                return;
            }
        }

        if (contact.isPresent() && lead.contactId() != null && !lookups.containsKey("phone") && !lookups.containsKey("email")) {
            lifecycle.addIdentities(lead.contactId(), contact.get()); // a returning client may write from a new number
        }
        links.markPending(ID, CrmLinks.LEAD, lead.leadId(), entity);
        boolean leadOnly = contact.isEmpty() && lead.contactId() != null && hasClientData(lead) && !needsContact(lead);
        if (contact.isPresent() || lead.contactId() == null || !hasClientData(lead) || leadOnly) {
            JsonNode id = client.call("crm." + entity + ".add", lifecycle.mapped(lead, Bitrix24Fields.leadAdd(lead, entity,
                    contact.orElse(null))), false);
            links.link(ID, CrmLinks.LEAD, lead.leadId(), entity, id.asText());
            if (leadOnly) {
                links.link(ID, CrmLinks.CLIENT, lead.contactId(), entity, id.asText());
                identities.created(ID, lead.contactId(), id.asText()); // the lead holds its phones and emails
            }
            return;
        }
        Map<String, String> creates = new LinkedHashMap<>();
        creates.put("contact", Bitrix24Query.command("crm.contact.add", Bitrix24Fields.contactAdd(lead)));
        creates.put("lead", Bitrix24Query.command("crm." + entity + ".add",
                lifecycle.mapped(lead, Bitrix24Fields.leadAdd(lead, entity, "$result[contact]"))));
        JsonNode created = client.batch(creates, false);
        links.link(ID, CrmLinks.CONTACT, lead.contactId(), "contact", created.path("contact").asText());
        identities.created(ID, lead.contactId(), created.path("contact").asText());
        links.link(ID, CrmLinks.LEAD, lead.leadId(), entity, created.path("lead").asText());
    }

    /**
     * True when a client no Bitrix24 contact matched must get one with this lead: always in deal mode and with {@code
     * contacts=always}; else when the client's data already went out on an earlier lead (a returning client), so the
     * CRM sees both leads as one client's.
     */
    private boolean needsContact(LeadSnapshot lead) {
        return contactAlways || links.find(ID, CrmLinks.CLIENT, lead.contactId()).isPresent();
    }

    static boolean hasClientData(LeadSnapshot lead) {
        return !lead.phones().isEmpty() || !lead.emails().isEmpty() || lead.name() != null;
    }

    /** Reads one CRM record with {@code crm.lead.get} / {@code crm.deal.get}; its {@code result}. */
    public JsonNode read(String crmEntity, String id) throws CrmFailure, InterruptedException {
        if (client == null) {
            throw new CrmFailure(CrmFailure.Kind.REJECTED, "disabled", "the Bitrix24 connector is not enabled");
        }
        return client.call("crm." + crmEntity + ".get", mapper.createObjectNode().put("id", id), true);
    }

    /**
     * The oldest contact among {@code crm.duplicate.findbycomm} answers: {@code {"CONTACT": [ids]}}, or an empty
     * array when nothing matched.
     */
    static Optional<String> oldest(JsonNode... answers) {
        TreeSet<Long> ids = new TreeSet<>();
        for (JsonNode answer : answers) {
            answer.path("CONTACT").forEach(id -> ids.add(id.asLong()));
        }
        return ids.isEmpty() ? Optional.empty() : Optional.of(String.valueOf(ids.first()));
    }
}
