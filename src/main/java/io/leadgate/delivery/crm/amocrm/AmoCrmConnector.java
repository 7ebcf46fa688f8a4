package io.leadgate.delivery.crm.amocrm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadgate.channel.Secrets;
import io.leadgate.config.LeadgateConfig;
import io.leadgate.delivery.crm.CrmAnswer;
import io.leadgate.delivery.crm.CrmChange;
import io.leadgate.delivery.crm.CrmConnector;
import io.leadgate.delivery.crm.CrmFailure;
import io.leadgate.delivery.crm.CrmFailure.Kind;
import io.leadgate.delivery.crm.CrmIdentities;
import io.leadgate.delivery.crm.CrmLink;
import io.leadgate.delivery.crm.CrmLinks;
import io.leadgate.delivery.crm.LeadSnapshot;
import io.leadgate.delivery.crm.TokenBucket;
import io.leadgate.delivery.crm.oauth.CrmOAuth;
import io.leadgate.delivery.crm.oauth.OAuthSession;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Pushes Leadgate's changes to amoCRM (API v4; a long-lived token, or an OAuth 2 integration's access token, as a
 * Bearer token): new leads here, the rest of a lead's life in {@link AmoCrmLifecycle}. A new lead is one
 * {@code POST /api/v4/leads/complex}, the contact embedded by its stored amoCRM id for a returning client, the manager
 * as {@code responsible_user_id} and the UTM tags in amoCRM's tracking fields; or, with {@code unsorted} on, one
 * {@code POST /api/v4/leads/unsorted/{forms|sip|mail}} into "Incoming leads", where managers accept or decline it. Limits
 * (https://www.amocrm.ru/developers/content/api/recommendations): at most 7 requests/s, kept by a token bucket;
 * {@code 429} is retried after a pause (the request was not run); {@code 401}, {@code 402} and {@code 403} (account or
 * IP blocked) are never retried and stop the connector, and so do a redirect and {@code 404} (the base URL is not an
 * amoCRM account's API); other 4xx reject the lead; 5xx and timeouts wait for the next attempt. Answer:
 * {@code [{"id", "contact_id", "company_id", "request_id", "merged"}]}; a 2xx without a lead id is not a success.
 *
 * <p>Never twice: every lead carries a marker ({@code [leadgate-<lead id>]} at the end of its name). A create whose
 * answer was lost (timeout, broken connection, 5xx, an answer that is not amoCRM's) may have been carried out, so the
 * next push of that lead first looks for it with {@code GET /api/v4/leads?query=<marker>}
 * (https://www.amocrm.ru/developers/content/crm_platform/leads-api#leads-list) and links what it finds instead of
 * creating it again.
 */
@ApplicationScoped
public class AmoCrmConnector implements CrmConnector {

    public static final String ID = "amocrm";
    private static final String NAME = "amoCRM";
    private static final int ATTEMPTS = 4;

    private final LeadgateConfig.Connectors.AmoCrm config;
    private final CrmLinks links;
    private final ObjectMapper mapper;
    private final TokenBucket bucket;
    private final HttpClient http;
    private final CrmIdentities identities;
    private final AmoCrmLifecycle lifecycle;
    private final Optional<OAuthSession> oauth;

    AmoCrmConnector(LeadgateConfig config, CrmLinks links, CrmIdentities identities, ObjectMapper mapper,
                    CrmOAuth oauth) {
        this.config = config.connectors().amocrm();
        this.oauth = oauth.session(ID);
        this.links = links;
        this.identities = identities;
        this.lifecycle = new AmoCrmLifecycle(this.config, this::call, links, identities, mapper);
        this.mapper = mapper;
        this.bucket = TokenBucket.system(this.config.burst(), this.config.rate());
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(this.config.timeout()).build();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean enabled() {
        return config.enabled() && config.baseUrl().filter(u -> !u.isBlank()).isPresent()
                && (oauth.isPresent() || config.token().filter(t -> !t.isBlank()).isPresent());
    }

    @Override
    public String credentialHash() {
        String material = config.baseUrl().orElse("") + "\n" + config.token().orElse("") + "\n"
                + oauth.map(OAuthSession::grantHash).orElse("");
        return Secrets.hex(Secrets.sha256(material.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public CrmChange.Lifecycle lifecycle() {
        return lifecycle;
    }

    @Override
    public void newLead(LeadSnapshot lead) throws CrmFailure, InterruptedException {
        Optional<CrmLink> link = links.find(ID, CrmLinks.LEAD, lead.leadId());
        if (link.map(l -> l.remoteId != null).orElse(false)) {
            return; // pushed before; only the cursor move was lost
        }
        String marker = AmoCrmPayload.marker(lead.leadId());
        if (link.isPresent() && linkFound(lead, marker)) {
            return; // the create sent before was carried out: linked, not created twice
        }
        Optional<String> contact = links.remoteId(ID, CrmLinks.CONTACT, lead.contactId()).filter(id -> id != null);
        if (contact.isPresent()) {
            lifecycle.addIdentities(lead.contactId(), contact.get()); // a returning client may write from a new number
        }
        Long responsible = lifecycle.user(lead.responsible()).orElse(null);
        links.markPending(ID, CrmLinks.LEAD, lead.leadId(), "lead");
        JsonNode created;
        if (config.unsorted()) {
            String category = AmoCrmPayload.unsortedCategory(lead.channelKind());
            CrmAnswer answer = send(post("/api/v4/leads/unsorted/" + category, AmoCrmPayload.unsorted(lead, category,
                    contact.orElse(null), config.pipelineId().orElse(null), Instant.now()).toString()), "leads/unsorted");
            JsonNode item = answer.require(NAME, "leads/unsorted", "/_embedded/unsorted/0/_embedded/leads/0/id");
            created = mapper.createObjectNode().put("id", item.asLong())
                    .set("contact_id", answer.json().at("/_embedded/unsorted/0/_embedded/contacts/0/id"));
        } else {
            CrmAnswer answer = send(post("/api/v4/leads/complex", AmoCrmPayload.complex(lead, contact.orElse(null),
                    config.pipelineId().orElse(null), responsible).toString()), "leads/complex");
            created = answer.require(NAME, "leads/complex", "/0/id").isNumber() ? answer.json().get(0) : null;
        }
        if (created == null) {
            throw new CrmFailure(Kind.RETRYABLE, "invalid_answer", "amoCRM leads/complex answered without a lead id");
        }
        if (lead.contactId() != null && created.hasNonNull("contact_id") && !created.get("contact_id").isMissingNode()) {
            links.link(ID, CrmLinks.CONTACT, lead.contactId(), "contact", created.get("contact_id").asText());
            if (contact.isEmpty()) {
                identities.created(ID, lead.contactId(), created.get("contact_id").asText());
            }
        }
        links.link(ID, CrmLinks.LEAD, lead.leadId(), "lead", created.get("id").asText());
    }

    /**
     * Looks for a lead carrying the marker (a create whose answer was lost); links it and its contact when found.
     * amoCRM answers {@code 204} when the search finds nothing.
     */
    private boolean linkFound(LeadSnapshot lead, String marker) throws CrmFailure, InterruptedException {
        CrmAnswer answer = send(get("/api/v4/leads?with=contacts&query="
                + URLEncoder.encode(marker, StandardCharsets.UTF_8)), "leads search");
        if (answer.status() == 204) {
            return false;
        }
        JsonNode leads = answer.require(NAME, "leads search", "/_embedded/leads");
        for (JsonNode found : leads) {
            if (AmoCrmPayload.carries(found, marker) && found.hasNonNull("id")) {
                JsonNode contact = found.path("_embedded").path("contacts").path(0);
                if (lead.contactId() != null && contact.hasNonNull("id")) {
                    links.link(ID, CrmLinks.CONTACT, lead.contactId(), "contact", contact.get("id").asText());
                }
                links.link(ID, CrmLinks.LEAD, lead.leadId(), "lead", found.get("id").asText());
                return true;
            }
        }
        return false;
    }

    private HttpRequest.Builder request(String path) throws CrmFailure, InterruptedException {
        String base = config.baseUrl().orElseThrow();
        return HttpRequest.newBuilder(URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path))
                .timeout(config.timeout())
                .header("Authorization", "Bearer " + bearer())
                .header("Accept", "application/json");
    }

    /** The OAuth access token (refreshed before it expires) when an integration is configured, else the long-lived token. */
    private String bearer() throws CrmFailure, InterruptedException {
        return oauth.isPresent() ? oauth.get().accessToken() : config.token().orElseThrow();
    }

    private HttpRequest post(String path, String body) throws CrmFailure, InterruptedException {
        return request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private HttpRequest get(String path) throws CrmFailure, InterruptedException {
        return request(path).GET().build();
    }

    private HttpRequest patch(String path, String body) throws CrmFailure, InterruptedException {
        return request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    /** One call for {@link AmoCrmLifecycle}: {@code GET}, {@code POST} or {@code PATCH} of a path with a JSON body. */
    CrmAnswer call(String method, String path, String body, String what) throws CrmFailure, InterruptedException {
        HttpRequest request = switch (method) {
            case "GET" -> get(path);
            case "POST" -> post(path, body);
            case "PATCH" -> patch(path, body);
            default -> throw new IllegalArgumentException(method);
        };
        return send(request, what);
    }

    /** Sends, retrying {@code 429} after a pause; returns a 2xx answer or throws what the failure means. */
    private CrmAnswer send(HttpRequest request, String what) throws CrmFailure, InterruptedException {
        CrmFailure last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (attempt > 0) {
                Thread.sleep(500L << (attempt - 1));
            }
            bucket.take();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // a create whose answer was lost is not repeated here: the next push looks for it first
                throw new CrmFailure(Kind.RETRYABLE, "io", "amoCRM unreachable: " + e.getClass().getSimpleName());
            }
            CrmAnswer answer = CrmAnswer.of(response.statusCode(), response.body(), mapper);
            if (answer.success()) {
                return answer;
            }
            CrmFailure failure = classify(answer, what);
            if (answer.status() == 429) {
                bucket.drain();
                last = failure;
                continue;
            }
            throw failure;
        }
        throw last;
    }

    /** What an error answer means (pure; package-private for tests): amoCRM's problem title or detail as the text. */
    static CrmFailure classify(CrmAnswer answer, String what) {
        String title = answer.text("title").isEmpty() ? answer.text("detail") : answer.text("title");
        return answer.failure(NAME, what, title);
    }
}
