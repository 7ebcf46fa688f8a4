package io.leadgate.console.settings;

import io.leadgate.console.Html;
import io.leadgate.console.Page;
import io.leadgate.console.Pages;
import io.leadgate.people.Role;
import io.leadgate.pipeline.AnalyticsSettings;
import io.leadgate.pipeline.PipelineException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.ZoneId;
import java.util.List;

/** Administrators only: the analytics time zone ({@link AnalyticsSettings}, as {@code /api/analytics/time-zone}). */
@Path("/console/settings/analytics")
@RolesAllowed(Role.ADMIN_ROLE)
@Produces(Html.TYPE)
public class AnalyticsSettingsResource {

    /** The region ids offered as the field's suggestions. */
    static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted().toList();

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance analytics(Page page, AnalyticsSettings.TimeZone zone, List<String> zones);

        static native TemplateInstance changed(Page page, AnalyticsSettings.TimeZone zone, List<String> zones);

        static native TemplateInstance invalid(Page page, String zone);
    }

    private final AnalyticsSettings settings;
    private final Pages pages;

    AnalyticsSettingsResource(AnalyticsSettings settings, Pages pages) {
        this.settings = settings;
        this.pages = pages;
    }

    @GET
    public Response page() {
        Page page = pages.page("settings");
        return Html.ok(Templates.analytics(page, settings.timeZone(), ZONES), page);
    }

    /**
     * Stores the zone; blank = back to the configured one; not a zone → the reason in the flash (an out-of-band
     * swap: htmx swaps no 4xx answer, so a refusal answers 200 with nothing else swapped, as the other pages do).
     */
    @POST
    @Path("time-zone")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setTimeZone(@FormParam("timeZone") String zone) {
        Page page = pages.page("settings");
        AnalyticsSettings.TimeZone set;
        try {
            set = settings.setTimeZone(zone, pages.actor());
        } catch (PipelineException e) {
            return Html.noSwap(Templates.invalid(page, zone == null ? "" : zone.strip()), page);
        }
        return Html.ok(Templates.changed(page, set, ZONES), page);
    }
}
