package io.leadgate.console.settings;

import io.leadgate.console.Html;
import io.leadgate.console.Languages;
import io.leadgate.console.Page;
import io.leadgate.console.Pages;
import io.leadgate.console.SettingsMessages;
import io.leadgate.events.SettingsChanges;
import io.leadgate.events.SettingsChanges.Kind;
import io.leadgate.people.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Administrators only: who changed which setting, newest first ({@link SettingsChanges}, as {@code /api/settings/changes}). */
@Path("/console/settings/changes")
@RolesAllowed(Role.ADMIN_ROLE)
@Produces(Html.TYPE)
public class ChangesResource {

    static final int PAGE_SIZE = 50;
    private static final Map<String, Kind> KINDS = Arrays.stream(Kind.values())
            .collect(Collectors.toMap(Kind::code, Function.identity()));

    /** A change with what it was, in the user's language ({@code kind} when the code is not known). */
    public record Row(SettingsChanges.View change, String what) {
    }

    /** One page of changes; {@code newer}/{@code older} the offsets of the neighbouring pages, -1 when none. */
    public record Changes(List<Row> rows, int newer, int older) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance changes(Page page, Changes changes);
    }

    private final SettingsChanges changes;
    private final Pages pages;

    ChangesResource(SettingsChanges changes, Pages pages) {
        this.changes = changes;
        this.pages = pages;
    }

    @GET
    public Response page(@QueryParam("offset") int offset) {
        Page page = pages.page("settings");
        int from = Math.max(0, offset);
        List<SettingsChanges.View> found = changes.list(from, PAGE_SIZE + 1);
        SettingsMessages m = messages(page.locale());
        List<Row> rows = found.stream().limit(PAGE_SIZE).map(c -> new Row(c, what(m, c.kind()))).toList();
        Changes view = new Changes(rows, from == 0 ? -1 : Math.max(0, from - PAGE_SIZE),
                found.size() > PAGE_SIZE ? from + PAGE_SIZE : -1);
        return Html.ok(Templates.changes(page, view), page);
    }

    static SettingsMessages messages(Locale locale) {
        return Languages.RU.equals(locale.getLanguage())
                ? MessageBundles.get(SettingsMessages.class, Localized.Literal.of(Languages.RU))
                : MessageBundles.get(SettingsMessages.class);
    }

    static String what(SettingsMessages m, String code) {
        Kind kind = KINDS.get(code);
        if (kind == null) {
            return code;
        }
        return switch (kind) {
            case PIPELINE_CREATED -> m.change_pipeline_created();
            case PIPELINE_UPDATED -> m.change_pipeline_updated();
            case PIPELINE_DELETED -> m.change_pipeline_deleted();
            case STAGE_ADDED -> m.change_stage_added();
            case STAGE_UPDATED -> m.change_stage_updated();
            case STAGES_REORDERED -> m.change_stages_reordered();
            case STAGE_DELETED -> m.change_stage_deleted();
            case TUNNEL_CREATED -> m.change_tunnel_created();
            case TUNNEL_UPDATED -> m.change_tunnel_updated();
            case TUNNEL_DELETED -> m.change_tunnel_deleted();
            case AUTOMATION_CREATED -> m.change_automation_created();
            case AUTOMATION_DELETED -> m.change_automation_deleted();
            case JUNK_REASON_ADDED -> m.change_junk_reason_added();
            case JUNK_REASON_RENAMED -> m.change_junk_reason_renamed();
            case JUNK_REASON_DELETED -> m.change_junk_reason_deleted();
            case LOSS_REASON_ADDED -> m.change_loss_reason_added();
            case LOSS_REASON_RENAMED -> m.change_loss_reason_renamed();
            case LOSS_REASON_DELETED -> m.change_loss_reason_deleted();
            case LEAD_STATUS_ADDED -> m.change_lead_status_added();
            case LEAD_STATUS_RENAMED -> m.change_lead_status_renamed();
            case LEAD_STATUS_DELETED -> m.change_lead_status_deleted();
            case ANALYTICS_TIME_ZONE -> m.change_analytics_time_zone();
            case WEBHOOK_CREATED -> m.change_webhook_created();
            case WEBHOOK_ENABLED -> m.change_webhook_enabled();
            case WEBHOOK_DELETED -> m.change_webhook_deleted();
            case CONNECTOR_RESUMED -> m.change_connector_resumed();
        };
    }
}
