package io.leadgate.console.settings;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.leadgate.console.Common;
import io.leadgate.console.Html;
import io.leadgate.console.Page;
import io.leadgate.console.Pages;
import io.leadgate.console.Refusals;
import io.leadgate.pipeline.AutomationService;
import io.leadgate.pipeline.PipelineException;
import io.leadgate.pipeline.PipelineService;
import io.leadgate.pipeline.PipelineSpec;
import io.leadgate.pipeline.PipelineView;
import io.leadgate.pipeline.StageSpec;
import io.leadgate.pipeline.StageView;
import io.leadgate.pipeline.TunnelService;
import io.leadgate.people.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Administrators only: pipelines and their stages (add, rename, recolour, reorder, delete empty ones), the tunnels
 * between pipelines and the automation rules of each stage. Every action is the pipeline services' own (the same as
 * {@code /api/pipelines}, {@code /api/tunnels}, {@code /api/automations}); a refusal is shown with its reason.
 */
@Path("/console/settings")
@RolesAllowed(Role.ADMIN_ROLE)
@Produces(Html.TYPE)
public class PipelinesResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance pipelines(Page page, SettingsQuery.View view);

        /** The pipeline part after an action, with the flash ({@code done} a message key of the settings bundle). */
        static native TemplateInstance changed(Page page, SettingsQuery.View view, String done);
    }

    private final SettingsQuery query;
    private final PipelineService pipelines;
    private final TunnelService tunnels;
    private final AutomationService automations;
    private final Pages pages;

    PipelinesResource(SettingsQuery query, PipelineService pipelines, TunnelService tunnels,
                      AutomationService automations, Pages pages) {
        this.query = query;
        this.pipelines = pipelines;
        this.tunnels = tunnels;
        this.automations = automations;
        this.pages = pages;
    }

    @GET
    public Response page(@QueryParam("pipeline") String pipeline) {
        Page page = pages.page("settings");
        return Html.ok(Templates.pipelines(page, query.view(pipeline)), page);
    }

    /** A new pipeline with the default stages (rename, add or delete them afterwards); the page opens on it. */
    @POST
    @Path("pipelines")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createPipeline(@FormParam("name") String name) {
        try {
            PipelineView created = pipelines.create(new PipelineSpec(name, PipelineService.DEFAULT.stages()),
                    List.of(), false, "console", pages.actor());
            return Html.redirect("/console/settings?pipeline=" + created.id());
        } catch (PipelineException e) {
            return refused(e);
        }
    }

    @POST
    @Path("pipelines/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response renamePipeline(@PathParam("id") long id, @FormParam("name") String name) {
        return change(id, () -> pipelines.update(id, name == null ? "" : name, null, null, pages.actor()),
                "pipeline_renamed");
    }

    @POST
    @Path("pipelines/{id}/delete")
    public Response deletePipeline(@PathParam("id") long id) {
        try {
            pipelines.delete(id, pages.actor());
            return Html.redirect("/console/settings");
        } catch (PipelineException e) {
            return refused(e);
        }
    }

    @POST
    @Path("pipelines/{id}/stages")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addStage(@PathParam("id") long id, @FormParam("name") String name,
                             @FormParam("color") String color, @FormParam("semantics") String semantics) {
        return change(id, () -> pipelines.addStage(id, new StageSpec(name == null ? "" : name, color, semantics), null,
                        pages.actor()),
                "stage_added");
    }

    /** Renames and recolours a stage. */
    @POST
    @Path("pipelines/{id}/stages/{stageId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateStage(@PathParam("id") long id, @PathParam("stageId") long stageId,
                                @FormParam("name") String name, @FormParam("color") String color) {
        return change(id, () -> pipelines.updateStage(id, stageId, new StageSpec(name == null ? "" : name, color, null),
                        pages.actor()),
                "stage_saved");
    }

    @POST
    @Path("pipelines/{id}/stages/{stageId}/delete")
    public Response deleteStage(@PathParam("id") long id, @PathParam("stageId") long stageId) {
        return change(id, () -> pipelines.deleteStage(id, stageId, pages.actor()), "stage_deleted");
    }

    /** The order after a drag: {@code order} the stage ids, comma-separated, first to last. */
    @POST
    @Path("pipelines/{id}/stages/order")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reorder(@PathParam("id") long id, @FormParam("order") String order) {
        List<String> ids = order == null || order.isBlank() ? List.of()
                : Arrays.stream(order.split(",")).map(String::strip).toList();
        return change(id, () -> pipelines.reorder(id, ids, pages.actor()), "stages_reordered");
    }

    /** One place up ({@code by=-1}) or down ({@code by=1}): the keyboard's way to reorder. */
    @POST
    @Path("pipelines/{id}/stages/{stageId}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response step(@PathParam("id") long id, @PathParam("stageId") String stageId, @FormParam("by") int by) {
        return change(id, () -> {
            List<String> ids = new ArrayList<>(pipelines.get(id).stages().stream().map(StageView::id).toList());
            int at = ids.indexOf(stageId);
            int to = at + Integer.signum(by);
            if (at >= 0 && to >= 0 && to < ids.size()) {
                ids.add(to, ids.remove(at));
            }
            return pipelines.reorder(id, ids, pages.actor());
        }, "stages_reordered");
    }

    @POST
    @Path("pipelines/{id}/tunnels")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addTunnel(@PathParam("id") long id, @FormParam("fromStageId") String from,
                              @FormParam("toStageId") String to, @FormParam("mode") String mode) {
        return change(id, () -> tunnels.create(String.valueOf(id), from, query.pipelineOf(to), to, mode,
                        TunnelService.Carriage.NONE, pages.actor()),
                "tunnel_added");
    }

    @POST
    @Path("pipelines/{id}/tunnels/{tunnelId}/delete")
    public Response deleteTunnel(@PathParam("id") long id, @PathParam("tunnelId") long tunnelId) {
        return change(id, () -> {
            tunnels.delete(tunnelId, pages.actor());
            return null;
        }, "tunnel_deleted");
    }

    /** A rule on a stage: the form's fields that belong to the chosen action become the rule's parameters. */
    @POST
    @Path("pipelines/{id}/automations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addAutomation(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return change(id, () -> {
            String action = form.getFirst("action");
            String delay = form.getFirst("delay");
            return automations.create(form.getFirst("stageId"), action, AutomationForm.params(action, form),
                    delay == null || delay.isBlank() ? null : JsonNodeFactory.instance.textNode(delay.strip()),
                    pages.actor());
        }, "automation_added");
    }

    @POST
    @Path("pipelines/{id}/automations/{ruleId}/delete")
    public Response deleteAutomation(@PathParam("id") long id, @PathParam("ruleId") long ruleId) {
        return change(id, () -> {
            automations.delete(ruleId, pages.actor());
            return null;
        }, "automation_deleted");
    }

    private Response change(long pipelineId, Supplier<?> action, String done) {
        Page page = pages.page("settings");
        try {
            action.get();
        } catch (PipelineException e) {
            return Html.noSwap(Common.flash(page, Refusals.text(e, page.locale()), true), page);
        }
        return Html.ok(Templates.changed(page, query.view(String.valueOf(pipelineId)), done), page);
    }

    private Response refused(PipelineException e) {
        Page page = pages.page("settings");
        return Html.noSwap(Common.flash(page, Refusals.text(e, page.locale()), true), page);
    }
}
