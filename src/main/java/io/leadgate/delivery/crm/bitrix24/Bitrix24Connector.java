package io.leadgate.delivery.crm.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadgate.channel.Secrets;
import io.leadgate.config.LeadgateConfig;
import io.leadgate.delivery.crm.CrmChange;
import io.leadgate.delivery.crm.CrmConnector;
import io.leadgate.delivery.crm.CrmFailure;
import io.leadgate.delivery.crm.CrmIdentities;
import io.leadgate.delivery.crm.CrmLinks;
import io.leadgate.delivery.crm.LeadSnapshot;
import io.leadgate.delivery.crm.TokenBucket;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Pushes Leadgate's changes to Bitrix24 through an incoming webhook (REST API, https://apidocs.bitrix24.com): new
 * leads here, the rest of a lead's life (repeat inquiries, status, deals, merges) in {@link Bitrix24Lifecycle}. Per new
 * lead, in at most three requests:
 * <ol>
 *   <li>the CRM contact: the stored link, else one {@code batch} of {@code crm.duplicate.findbycomm} by phone and by
 *   email (the oldest matching contact is linked instead of creating a duplicate); if the lead's create was sent
 *   before without a recorded answer, the same batch looks it up by {@code ORIGINATOR_ID}/{@code ORIGIN_ID};</li>
 *   <li>{@code crm.lead.add} (or {@code crm.deal.add}) with {@code CONTACT_ID}, so Bitrix24 marks the returning
 *   client; for a new client one {@code batch} of {@code crm.contact.add} and the lead's add using
 *   {@code $result[contact]}; the manager ({@code ASSIGNED_BY_ID}) and {@code SOURCE_ID} as configured.</li>
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

    Bitrix24Connector(LeadgateConfig config, CrmLinks links, CrmIdentities identities, ObjectMapper mapper) {
        this.config = config.connectors().bitrix24();
        this.links = links;
        this.identities = identities;
        this.entity = "deal".equalsIgnoreCase(this.config.entity()) ? "deal" : "lead";
        this.client = enabled()
                ? new Bitrix24Client(this.config.url().orElseThrow(), this.config.timeout(),
                TokenBucket.system(this.config.burst(), this.config.rate()), mapper,
                d -> Thread.sleep(Math.max(1, d.toMillis())))
                : null;
        this.lifecycle = new Bitrix24Lifecycle(this.config, client, links, identities, mapper);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean enabled() {
        return config.enabled() && config.url().filter(u -> !u.isBlank()).isPresent();
    }

    @Override
    public String credentialHash() {
        return Secrets.hex(Secrets.sha256(config.url().orElse("").getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public Outcome push(CrmChange change) throws CrmFailure, InterruptedException {
        if (change instanceof CrmChange.NewLead n) {
            pushLead(n.lead());
            return Outcome.SENT;
        }
        if (change instanceof CrmChange.RepeatInquiry r) {
            return lifecycle.repeat(r);
        }
        if (change instanceof CrmChange.LeadStatus l) {
            return lifecycle.status(l);
        }
        if (change instanceof CrmChange.DealChange d) {
            return lifecycle.deal(d);
        }
        return lifecycle.merge((CrmChange.Merge) change);
    }

    private void pushLead(LeadSnapshot lead) throws CrmFailure, InterruptedException {
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
                links.link(ID, CrmLinks.LEAD, lead.leadId(), entity, sent.get(0).path("ID").asText());
                return;
            }
        }

        if (contact.isPresent() && lead.contactId() != null && !lookups.containsKey("phone") && !lookups.containsKey("email")) {
            lifecycle.addIdentities(lead.contactId(), contact.get()); // a returning client may write from a new number
        }
        links.markPending(ID, CrmLinks.LEAD, lead.leadId(), entity);
        if (contact.isPresent() || lead.contactId() == null || (lead.phones().isEmpty() && lead.emails().isEmpty() && lead.name() == null)) {
            JsonNode id = client.call("crm." + entity + ".add", lifecycle.mapped(lead, Bitrix24Fields.leadAdd(lead, entity,
                    contact.orElse(null))), false);
            links.link(ID, CrmLinks.LEAD, lead.leadId(), entity, id.asText());
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
