package io.leadgate.delivery.crm.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadgate.channel.Secrets;
import io.leadgate.delivery.crm.CrmFailure;
import io.leadgate.delivery.crm.CrmSyncConfig;
import io.leadgate.delivery.crm.inbound.CrmChange;
import io.leadgate.delivery.crm.inbound.CrmEvents;
import io.leadgate.delivery.crm.oauth.CrmInstallations;
import io.leadgate.inquiry.UrlQuery;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Bitrix24 outbound events (https://apidocs.bitrix24.com/api-reference/events/index.html; lead and deal update
 * events, https://apidocs.bitrix24.com/api-reference/crm/leads/events/on-crm-lead-update.html): a form-encoded POST
 * with {@code event} ({@code ONCRMLEADUPDATE}, {@code ONCRMDEALUPDATE}), {@code data[FIELDS][ID]}, {@code ts} and
 * {@code auth[...]}, whose {@code auth[application_token]} identifies the application or outgoing webhook that
 * subscribed. The event names the record only, so applying it reads the record with {@code crm.lead.get} /
 * {@code crm.deal.get} and takes its {@code STATUS_ID} / {@code STAGE_ID} and {@code ASSIGNED_BY_ID}. The token checked
 * is the one the application's installation handed over ({@link CrmInstallations}), else
 * {@code leadgate.crm.bitrix24.event-secret}.
 */
@ApplicationScoped
public class Bitrix24Events implements CrmEvents {

    static final String TOKEN = "auth[application_token]";
    static final String RECORD_ID = "data[FIELDS][ID]";

    private final Optional<String> configured;
    private final Bitrix24Connector connector;
    private final CrmInstallations installations;

    Bitrix24Events(CrmSyncConfig config, Bitrix24Connector connector, CrmInstallations installations) {
        this.configured = config.bitrix24().eventSecret().filter(s -> !s.isBlank());
        this.connector = connector;
        this.installations = installations;
    }

    @Override
    public String id() {
        return Bitrix24Connector.ID;
    }

    @Override
    public Verification verify(String body, String pathSecret) {
        // the application token an installation kept comes first; the configured one serves webhooks and old set-ups
        Optional<String> secret = installations.applicationToken(id()).or(() -> configured);
        if (secret.isEmpty()) {
            return Verification.NOT_CONFIGURED;
        }
        Map<String, List<String>> form;
        try {
            form = UrlQuery.parse(body);
        } catch (IllegalArgumentException e) {
            return Verification.MALFORMED;
        }
        String token = first(form, TOKEN);
        if (token == null || token.isEmpty()) {
            return Verification.MISSING;
        }
        if (!Secrets.constantTimeEquals(secret.get(), token)) {
            return Verification.MISMATCH;
        }
        return first(form, "event") == null ? Verification.MALFORMED : Verification.VALID;
    }

    @Override
    public List<CrmChange> changes(String body) throws CrmFailure, InterruptedException {
        Map<String, List<String>> form = UrlQuery.parse(body);
        String entity = entity(first(form, "event"));
        String id = first(form, RECORD_ID);
        if (entity == null || id == null || !id.matches("\\d{1,18}")) {
            return List.of();
        }
        return List.of(change(entity, id, connector.read(entity, id)));
    }

    /** {@code lead} or {@code deal} for the update events Leadgate follows; null for any other event. */
    static String entity(String event) {
        if (event == null) {
            return null;
        }
        return switch (event.toUpperCase(Locale.ROOT)) {
            case "ONCRMLEADUPDATE" -> "lead";
            case "ONCRMDEALUPDATE" -> "deal";
            default -> null;
        };
    }

    /** The change a {@code crm.lead.get} / {@code crm.deal.get} answer's {@code result} shows (pure). */
    static CrmChange change(String entity, String id, JsonNode record) {
        String status = record.path("lead".equals(entity) ? "STATUS_ID" : "STAGE_ID").asText("");
        String responsible = record.path("ASSIGNED_BY_ID").asText("");
        return new CrmChange(entity, id, status.isEmpty() ? List.of() : List.of(status),
                responsible.isEmpty() ? null : responsible, CrmChange.Kind.UPDATED);
    }

    static String first(Map<String, List<String>> form, String key) {
        List<String> values = form.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
