package io.leadgate.delivery.crm.amocrm;

import io.leadgate.channel.Secrets;
import io.leadgate.delivery.crm.CrmSyncConfig;
import io.leadgate.delivery.crm.inbound.CrmChange;
import io.leadgate.delivery.crm.inbound.CrmEvents;
import io.leadgate.inquiry.UrlQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * amoCRM webhooks (https://www.amocrm.ru/developers/content/crm_platform/webhooks-format): a form-encoded POST of
 * {@code <entity>[<action>][<n>][<field>]} plus {@code account[id]}, {@code account[subdomain]}. Followed: a lead's
 * status change ({@code leads[status][n][id]}, {@code status_id}, {@code pipeline_id}), its responsible
 * ({@code leads[responsible][n][responsible_user_id]}), its edit ({@code leads[update][n]}, status and responsible as
 * sent) and an Incoming lead (Unsorted) accepted or declined: {@code unsorted[delete][n][action]} {@code accept} or
 * {@code decline}, with {@code uid}, {@code category} and the lead in {@code unsorted[delete][n][accept_result][leads][k]}
 * or {@code [decline_result][leads][k]} (an accepted or declined Incoming lead leaves Unsorted, which amoCRM reports as
 * its deletion; the shape public amoCRM integrations parse, as the webhooks page describes no Unsorted body). amoCRM
 * signs nothing: the webhook URL ends with a secret path segment, compared in constant time.
 * Everything needed is in the body, so applying it calls nothing. Pure apart from the configured secret.
 */
@ApplicationScoped
public class AmoCrmEvents implements CrmEvents {

    private static final Pattern LEAD_EVENT = Pattern.compile("leads\\[(status|responsible|update)]\\[(\\d{1,4})]\\[id]");
    private static final Pattern UNSORTED_ACTION = Pattern.compile("unsorted\\[delete]\\[(\\d{1,4})]\\[action]");
    private static final Pattern RESULT_LEAD = Pattern.compile("\\[(accept|decline)_result]\\[leads]\\[\\d{1,4}](\\[id])?");

    private final Optional<String> secret;

    @Inject
    AmoCrmEvents(CrmSyncConfig config) {
        this(config.amocrm().eventSecret());
    }

    AmoCrmEvents(Optional<String> secret) {
        this.secret = secret.filter(s -> !s.isBlank());
    }

    @Override
    public String id() {
        return AmoCrmConnector.ID;
    }

    @Override
    public Verification verify(String body, String pathSecret) {
        if (secret.isEmpty()) {
            return Verification.NOT_CONFIGURED;
        }
        if (pathSecret == null || pathSecret.isEmpty()) {
            return Verification.MISSING;
        }
        if (!Secrets.constantTimeEquals(secret.get(), pathSecret)) {
            return Verification.MISMATCH;
        }
        Map<String, List<String>> form;
        try {
            form = UrlQuery.parse(body);
        } catch (IllegalArgumentException e) {
            return Verification.MALFORMED;
        }
        boolean amo = form.keySet().stream().anyMatch(k -> k.startsWith("account[") || k.startsWith("leads[")
                || k.startsWith("unsorted["));
        return amo ? Verification.VALID : Verification.MALFORMED;
    }

    @Override
    public List<CrmChange> changes(String body) {
        Map<String, List<String>> form = UrlQuery.parse(body);
        List<CrmChange> changes = new ArrayList<>();
        for (String key : form.keySet()) {
            Matcher m = LEAD_EVENT.matcher(key);
            if (!m.matches()) {
                continue;
            }
            String prefix = "leads[" + m.group(1) + "][" + m.group(2) + "]";
            String id = value(form, prefix + "[id]");
            if (id == null) {
                continue;
            }
            List<String> statuses = statuses(value(form, prefix + "[pipeline_id]"), value(form, prefix + "[status_id]"));
            String responsible = value(form, prefix + "[responsible_user_id]");
            switch (m.group(1)) {
                case "status" -> changes.add(new CrmChange("lead", id, statuses, null, CrmChange.Kind.STATUS));
                case "responsible" -> changes.add(new CrmChange("lead", id, List.of(), responsible, CrmChange.Kind.RESPONSIBLE));
                default -> changes.add(new CrmChange("lead", id, statuses, responsible, CrmChange.Kind.UPDATED));
            }
        }
        TreeSet<String> unsorted = new TreeSet<>();
        for (String key : form.keySet()) {
            Matcher m = UNSORTED_ACTION.matcher(key);
            if (m.matches()) {
                unsorted.add("unsorted[delete][" + m.group(1) + "]");
            }
        }
        for (String prefix : unsorted) {
            String action = value(form, prefix + "[action]");
            if (!"accept".equals(action) && !"decline".equals(action)) {
                continue;
            }
            TreeSet<String> leads = new TreeSet<>();
            for (String key : form.keySet()) {
                if (key.startsWith(prefix)) {
                    Matcher m = RESULT_LEAD.matcher(key.substring(prefix.length()));
                    String lead = m.matches() && m.group(1).equals(action) ? value(form, key) : null;
                    if (lead != null && lead.matches("\\d{1,18}")) {
                        leads.add(lead);
                    }
                }
            }
            for (String lead : leads) {
                changes.add(new CrmChange("lead", lead, List.of(), null,
                        "accept".equals(action) ? CrmChange.Kind.ACCEPTED : CrmChange.Kind.DECLINED));
            }
        }
        return changes;
    }

    /** {@code pipeline:status}, then {@code status}: the forms a mapping may use. */
    static List<String> statuses(String pipeline, String status) {
        if (status == null) {
            return List.of();
        }
        return pipeline == null ? List.of(status) : List.of(pipeline + ":" + status, status);
    }

    private static String value(Map<String, List<String>> form, String key) {
        List<String> values = form.get(key);
        if (values == null || values.isEmpty()) {
            return null;
        }
        String v = values.get(0).strip();
        return v.isEmpty() ? null : v;
    }
}
