package io.leadgate.delivery.crm.amocrm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadgate.channel.Secrets;
import io.leadgate.config.LeadgateConfig;
import io.leadgate.delivery.crm.CrmConnector;
import io.leadgate.delivery.crm.CrmFailure;
import io.leadgate.delivery.crm.CrmFailure.Kind;
import io.leadgate.delivery.crm.CrmLinks;
import io.leadgate.delivery.crm.LeadSnapshot;
import io.leadgate.delivery.crm.TokenBucket;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Pushes new leads to amoCRM (API v4, long-lived token as a Bearer token) with one {@code POST /api/v4/leads/complex}
 * per lead, the contact embedded by its stored amoCRM id for a returning client. Limits
 * (https://www.amocrm.ru/developers/content/api/recommendations): at most 7 requests/s, kept by a token bucket;
 * {@code 429} is retried after a pause (the request was not run); {@code 401} and {@code 403} (account or IP
 * blocked) are never retried and stop the connector; other 4xx reject the lead; 5xx and timeouts wait for the next
 * attempt. Answer: {@code [{"id", "contact_id", "company_id", "request_id", "merged"}]}.
 */
@ApplicationScoped
public class AmoCrmConnector implements CrmConnector {

    public static final String ID = "amocrm";
    private static final int ATTEMPTS = 4;

    private final LeadgateConfig.Connectors.AmoCrm config;
    private final CrmLinks links;
    private final ObjectMapper mapper;
    private final TokenBucket bucket;
    private final HttpClient http;

    AmoCrmConnector(LeadgateConfig config, CrmLinks links, ObjectMapper mapper) {
        this.config = config.connectors().amocrm();
        this.links = links;
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
                && config.token().filter(t -> !t.isBlank()).isPresent();
    }

    @Override
    public String credentialHash() {
        String material = config.baseUrl().orElse("") + "\n" + config.token().orElse("");
        return Secrets.hex(Secrets.sha256(material.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void push(LeadSnapshot lead) throws CrmFailure, InterruptedException {
        if (links.remoteId(ID, CrmLinks.LEAD, lead.leadId()).filter(id -> id != null).isPresent()) {
            return;
        }
        Optional<String> contact = links.remoteId(ID, CrmLinks.CONTACT, lead.contactId()).filter(id -> id != null);
        links.markPending(ID, CrmLinks.LEAD, lead.leadId(), "lead");
        JsonNode answer = post("/api/v4/leads/complex",
                AmoCrmPayload.complex(lead, contact.orElse(null), config.pipelineId().orElse(null)).toString());
        JsonNode created = answer.path(0);
        if (!created.hasNonNull("id")) {
            throw new CrmFailure(Kind.RETRYABLE, "unexpected_answer", "amoCRM leads/complex answered without a lead id");
        }
        if (lead.contactId() != null && created.hasNonNull("contact_id")) {
            links.link(ID, CrmLinks.CONTACT, lead.contactId(), "contact", created.get("contact_id").asText());
        }
        links.link(ID, CrmLinks.LEAD, lead.leadId(), "lead", created.get("id").asText());
    }

    private JsonNode post(String path, String body) throws CrmFailure, InterruptedException {
        String base = config.baseUrl().orElseThrow();
        HttpRequest request = HttpRequest.newBuilder(URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path))
                .timeout(config.timeout())
                .header("Authorization", "Bearer " + config.token().orElseThrow())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
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
                // a create whose answer was lost: not repeated here
                throw new CrmFailure(Kind.RETRYABLE, "io", "amoCRM unreachable: " + e.getClass().getSimpleName());
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return parse(response.body());
            }
            CrmFailure failure = classify(status, parse(response.body()));
            if (status == 429) {
                bucket.drain();
                last = failure;
                continue;
            }
            throw failure;
        }
        throw last;
    }

    /** What an error status means (pure; package-private for tests). */
    static CrmFailure classify(int status, JsonNode body) {
        String title = body.path("title").asText(body.path("detail").asText(""));
        String message = "amoCRM answered " + status + (title.isEmpty() ? "" : ": " + (title.length() > 120 ? title.substring(0, 120) : title));
        String code = "http_" + status;
        if (status == 401 || status == 402 || status == 403) {
            return new CrmFailure(Kind.AUTH, code, message);
        }
        if (status == 429 || status >= 500) {
            return new CrmFailure(Kind.RETRYABLE, code, message);
        }
        return new CrmFailure(Kind.REJECTED, code, message);
    }

    private JsonNode parse(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : mapper.readTree(body);
            return node == null ? mapper.createObjectNode() : node;
        } catch (IOException e) {
            return mapper.createObjectNode();
        }
    }
}
