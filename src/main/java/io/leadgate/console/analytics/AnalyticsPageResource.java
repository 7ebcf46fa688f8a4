package io.leadgate.console.analytics;

import io.leadgate.console.Html;
import io.leadgate.console.Page;
import io.leadgate.console.Pages;
import io.leadgate.people.Role;
import io.leadgate.pipeline.AnalyticsPeriod;
import io.leadgate.pipeline.AnalyticsTables;
import io.leadgate.pipeline.Csv;
import io.leadgate.pipeline.FunnelQuery;
import io.leadgate.pipeline.LeadStats;
import io.leadgate.pipeline.PipelineException;
import io.leadgate.pipeline.PipelineService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.time.ZoneId;

/**
 * The analytics pages: the funnel of a pipeline (chart, stages with conversions and median times, lost deals by
 * reason, groups, the previous period beside) and the leads (received per channel as a chart, junk by reason,
 * lead → deal → won, won amounts by manager and source). The form reloads only the content (htmx); every table
 * downloads as CSV. The numbers come from {@link FunnelQuery} and {@link LeadStats}, as in the API.
 */
@Path("/console/analytics")
@RolesAllowed({Role.ADMIN_ROLE, Role.MANAGER_ROLE})
@Produces(Html.TYPE)
public class AnalyticsPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance funnel(Page page, AnalyticsView.FunnelPage view);

        static native TemplateInstance funnelContent(Page page, AnalyticsView.FunnelPage view);

        static native TemplateInstance leads(Page page, AnalyticsView.LeadsPage view);

        static native TemplateInstance leadsContent(Page page, AnalyticsView.LeadsPage view);
    }

    private final FunnelQuery funnels;
    private final LeadStats leads;
    private final PipelineService pipelines;
    private final Pages pages;

    AnalyticsPageResource(FunnelQuery funnels, LeadStats leads, PipelineService pipelines, Pages pages) {
        this.funnels = funnels;
        this.leads = leads;
        this.pipelines = pipelines;
        this.pages = pages;
    }

    @GET
    public Response funnel(@QueryParam("pipeline") String pipeline, @QueryParam("from") String from,
                           @QueryParam("to") String to, @QueryParam("compare") String compare,
                           @QueryParam("by") String by, @QueryParam("bucket") String bucket,
                           @HeaderParam("HX-Request") String htmx) {
        Page page = pages.page("analytics");
        AnalyticsView.FunnelPage view = funnelView(filter(pipeline, from, to, compare, by, bucket), page);
        return Html.ok(htmx != null ? Templates.funnelContent(page, view) : Templates.funnel(page, view), page);
    }

    @GET
    @Path("leads")
    public Response leads(@QueryParam("pipeline") String pipeline, @QueryParam("from") String from,
                          @QueryParam("to") String to, @QueryParam("compare") String compare,
                          @QueryParam("by") String by, @QueryParam("bucket") String bucket,
                          @HeaderParam("HX-Request") String htmx) {
        Page page = pages.page("analytics");
        AnalyticsView.LeadsPage view = leadsView(filter(pipeline, from, to, compare, by, bucket), page);
        return Html.ok(htmx != null ? Templates.leadsContent(page, view) : Templates.leads(page, view), page);
    }

    /** A table of either page as CSV: {@code funnel-stages}, {@code funnel-lost}, {@code funnel-groups}, … */
    @GET
    @Path("csv/{table}")
    @Produces(Csv.TYPE)
    public Response csv(@PathParam("table") String table, @QueryParam("pipeline") String pipeline,
                        @QueryParam("from") String from, @QueryParam("to") String to,
                        @QueryParam("compare") String compare, @QueryParam("by") String by,
                        @QueryParam("bucket") String bucket) {
        AnalyticsFilter f = filter(pipeline, from, to, compare, by, bucket);
        AnalyticsPeriod period = period(f);
        Csv.Table t = switch (table) {
            case "funnel-stages", "funnel-lost", "funnel-groups" -> AnalyticsTables.funnel(
                    answer(f, period), table.substring("funnel-".length()));
            case "leads-series" -> AnalyticsTables.series(leads.series(period, f.bucket()));
            case "leads-junk" -> AnalyticsTables.leads(leads.leads(period, "junk-reason"));
            case "won-manager" -> AnalyticsTables.won(leads.won(period, "manager"));
            case "won-source" -> AnalyticsTables.won(leads.won(period, "source"));
            default -> throw new NotFoundException();
        };
        return Response.ok(Csv.write(t), Csv.TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + t.name() + ".csv\"").build();
    }

    private AnalyticsFilter filter(String pipeline, String from, String to, String compare, String by, String bucket) {
        return AnalyticsFilter.of(pipeline, from, to, compare, by, bucket, zone());
    }

    private ZoneId zone() {
        return funnels.defaultZone();
    }

    private AnalyticsPeriod period(AnalyticsFilter f) {
        try {
            return funnels.period(f.from(), f.to(), null);
        } catch (PipelineException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private FunnelQuery.Answer answer(AnalyticsFilter f, AnalyticsPeriod period) {
        try {
            // the page and its tables show the period's own medians only: no group or previous medians
            return funnels.funnel(f.pipeline(), period, f.by(), f.compare(), FunnelQuery.Medians.SHOWN);
        } catch (PipelineException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private AnalyticsView.FunnelPage funnelView(AnalyticsFilter f, Page page) {
        AnalyticsPeriod period = period(f);
        return AnalyticsView.funnel(f, period.sqlZone(), pipelines.list(), answer(f, period),
                AnalyticsView.units(page.locale()), page.locale());
    }

    private AnalyticsView.LeadsPage leadsView(AnalyticsFilter f, Page page) {
        AnalyticsPeriod period = period(f);
        try {
            LeadStats.LeadAnswer previous = f.compare() ? period.previous().map(p -> leads.leads(p, null))
                    .orElse(null) : null;
            return AnalyticsView.leads(f, period, leads.leads(period, "junk-reason"), previous,
                    leads.series(period, f.bucket()), leads.won(period, "manager"), leads.won(period, "source"),
                    page.locale());
        } catch (PipelineException e) {
            throw new BadRequestException(e.getMessage());
        }
    }
}
