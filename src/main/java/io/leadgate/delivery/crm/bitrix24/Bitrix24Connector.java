package io.leadgate.delivery.crm.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadgate.channel.Secrets;
import io.leadgate.config.LeadgateConfig;
import io.leadgate.delivery.crm.CrmConnector;
import io.leadgate.delivery.crm.CrmFailure;
import io.leadgate.delivery.crm.CrmLinks;
import io.leadgate.delivery.crm.LeadSnapshot;
import io.leadgate.delivery.crm.TokenBucket;
import io.leadgate.delivery.crm.oauth.CrmOAuth;
import io.leadgate.delivery.crm.oauth.OAuthSession;
import io.leadgate.delivery.crm.oauth.OAuthTokens;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Pushes new leads to Bitrix24 through an incoming webhook or an OAuth 2 application (REST API,
 * https://apidocs.bitrix24.com). Per lead, in at
 * most three requests:
 * <ol>
 *   <li>the CRM contact: the stored link, else one {@code batch} of {@code crm.duplicate.findbycomm} by phone and by
 *   email (the oldest matching contact is linked instead of creating a duplicate); if the lead's create was sent
 *   before without a recorded answer, the same batch looks it up by {@code ORIGINATOR_ID}/{@code ORIGIN_ID};</li>
 *   <li>{@code crm.lead.add} (or {@code crm.deal.add}) with {@code CONTACT_ID}, so Bitrix24 marks the returning
 *   client; for a new client one {@code batch} of {@code crm.contact.add} and the lead's add using
 *   {@code $result[contact]}.</li>
 * </ol>
 * Requests share one token bucket (Bitrix24: 2 requests/s, burst 50).
 */
@ApplicationScoped
public class Bitrix24Connector implements CrmConnector {

    public static final String ID = "bitrix24";

    private final LeadgateConfig.Connectors.Bitrix24 config;
    private final CrmLinks links;
    private final Bitrix24Client client;
    private final String entity;
    private final ObjectMapper mapper;

    private final Optional<OAuthSession> oauth;

    Bitrix24Connector(LeadgateConfig config, CrmLinks links, ObjectMapper mapper, CrmOAuth oauth) {
        this.config = config.connectors().bitrix24();
        this.oauth = oauth.session(ID);
        this.links = links;
        this.entity = "deal".equalsIgnoreCase(this.config.entity()) ? "deal" : "lead";
        this.mapper = mapper;
        this.client = enabled()
                ? new Bitrix24Client(this::endpoint, this.config.timeout(),
                TokenBucket.system(this.config.burst(), this.config.rate()), mapper,
                d -> Thread.sleep(Math.max(1, d.toMillis())))
                : null;
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
    public void push(LeadSnapshot lead) throws CrmFailure, InterruptedException {
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
            }
            JsonNode sent = found.path("sent");
            if (sent.isArray() && !sent.isEmpty()) {
                links.link(ID, CrmLinks.LEAD, lead.leadId(), entity, sent.get(0).path("ID").asText());
                return;
            }
        }

        links.markPending(ID, CrmLinks.LEAD, lead.leadId(), entity);
        if (contact.isPresent() || lead.contactId() == null || (lead.phones().isEmpty() && lead.emails().isEmpty() && lead.name() == null)) {
            JsonNode id = client.call("crm." + entity + ".add", Bitrix24Fields.leadAdd(lead, entity, contact.orElse(null)), false);
            links.link(ID, CrmLinks.LEAD, lead.leadId(), entity, id.asText());
            return;
        }
        Map<String, String> creates = new LinkedHashMap<>();
        creates.put("contact", Bitrix24Query.command("crm.contact.add", Bitrix24Fields.contactAdd(lead)));
        creates.put("lead", Bitrix24Query.command("crm." + entity + ".add", Bitrix24Fields.leadAdd(lead, entity, "$result[contact]")));
        JsonNode created = client.batch(creates, false);
        links.link(ID, CrmLinks.CONTACT, lead.contactId(), "contact", created.path("contact").asText());
        links.link(ID, CrmLinks.LEAD, lead.leadId(), entity, created.path("lead").asText());
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
