package io.leadgate.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadgate.intake.ManualLeads;
import io.leadgate.intake.StorageUnavailableException;
import io.leadgate.lead.Lead;
import io.leadgate.lead.LeadStatus;
import io.leadgate.lead.LeadStatusDef;
import io.leadgate.lead.LeadView;
import io.leadgate.pipeline.LeadLifecycle;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

/** {@code GET /api/leads}: leads, oldest first; leads entered by hand; convert, junk, assign and status changes (CONTRACT §5, §7). */
@Path("/api/leads")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "read")
public class LeadResource {

    private final LeadLifecycle leads;
    private final ObjectMapper mapper;
    private final ManualLeads manual;

    LeadResource(LeadLifecycle leads, ObjectMapper mapper, ManualLeads manual) {
        this.leads = leads;
        this.mapper = mapper;
        this.manual = manual;
    }

    /** A lead entered by hand: {@code {name?, phones?, emails?, text, channelId?, source?}}. */
    public record NewLeadBody(String name, List<String> phones, List<String> emails, String text, String channelId,
                              String source, String actor) {
    }

    /**
     * {@code POST /api/leads} → {@code 201 {id, contactId}} (CONTRACT §5): through the same identity resolution as a
     * hook, so a known client's phone lands on their card (and, by the repeat-lead policy, their open lead).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@HeaderParam("X-Actor") String actor, NewLeadBody body) {
        if (body == null) {
            throw ApiError.badRequest("a JSON object {text, name?, phones?, emails?} is required");
        }
        try {
            ManualLeads.Created created = manual.create(new ManualLeads.Entry(body.name(), body.phones(), body.emails(),
                    body.text(), body.channelId(), body.source()), PipelineErrors.actor(actor, body.actor()));
            return Response.status(201).entity(Map.of("id", String.valueOf(created.leadId()),
                    "contactId", String.valueOf(created.contactId()))).build();
        } catch (ManualLeads.Refused e) {
            throw ApiError.badRequest(e.getMessage());
        } catch (StorageUnavailableException e) {
            return Response.status(503).header("Retry-After", "5")
                    .entity(Map.of("error", "storage unavailable; retry later")).build();
        } catch (ManualLeads.NotWritten e) {
            return Response.status(500).entity(Map.of("error", e.getMessage())).build();
        }
    }

    public record AssignBody(String responsible, String actor) {
    }

    public record AcceptBody(String actor) {
    }

    /**
     * {@code POST /api/leads/{id}/accept}: the manager (X-Actor or body actor) takes the lead into work: a new lead
     * becomes in-progress, one without a manager gets this one. The first action for speed to lead.
     */
    @POST
    @Path("{id}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    public LeadView accept(@PathParam("id") String id, @HeaderParam("X-Actor") String actor, AcceptBody body) {
        return leads.accept(Params.pathId("lead", id), PipelineErrors.actor(actor, body == null ? null : body.actor()));
    }

    /** {@code POST /api/leads/{id}/assign {responsible}}: the manager responsible for the lead (null: nobody). */
    @POST
    @Path("{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    public LeadView assign(@PathParam("id") String id, @HeaderParam("X-Actor") String actor, AssignBody body) {
        if (body == null) {
            throw ApiError.badRequest("a JSON object {responsible} is required");
        }
        return leads.assign(Params.pathId("lead", id), body.responsible(), PipelineErrors.actor(actor, body.actor()));
    }

    @GET
    public List<LeadView> list(@QueryParam("contactId") String contactId, @QueryParam("channelId") String channelId,
                               @QueryParam("status") String status, @QueryParam("limit") String limit,
                               @QueryParam("offset") String offset) {
        Params.Page page = Params.page(limit, offset);
        Filter filter = new Filter().eq("contactId", Params.id("contactId", contactId)).eq("channelId", channelId);
        if (status != null && !status.isBlank()) {
            LeadStatusDef custom = LeadLifecycle.status(status);
            if (custom != null && !custom.builtin) {
                filter.eq("statusCode", custom.code); // a configured status: exactly the leads in it
            } else {
                filter.eq("status", parseStatus(status)); // a semantic code: every status with that meaning
            }
        }
        return Lead.<Lead>find(filter.query("id"), filter.params())
                .range(page.offset(), page.offset() + page.limit() - 1)
                .stream().map(LeadView::of).toList();
    }

    @GET
    @Path("{id}")
    public LeadView one(@PathParam("id") String id) {
        Lead lead = Lead.findById(Params.pathId("lead", id));
        if (lead == null) {
            throw ApiError.notFound("no lead " + id);
        }
        return LeadView.of(lead);
    }

    /** Conversion options, all optional; {@code actor} names who converted (else X-Actor, else "api"). */
    public record ConvertBody(String pipelineId, String stageId, JsonNode amount, String currency, String responsible,
                              String actor) {
    }

    public record JunkBody(String reason, String actor) {
    }

    public record StatusBody(String status, String reason, String pipelineId, String actor) {
    }

    /** {@code POST /api/leads/{id}/convert {pipelineId?}} → {@code {dealId}} (CONTRACT §7). */
    @POST
    @Path("{id}/convert")
    @Consumes(MediaType.WILDCARD)
    public Map<String, String> convert(@PathParam("id") String id, @HeaderParam("X-Actor") String actor, String body) {
        ConvertBody b = read(body, ConvertBody.class, new ConvertBody(null, null, null, null, null, null));
        String dealId = leads.convert(Params.pathId("lead", id), new LeadLifecycle.Conversion(b.pipelineId(),
                b.stageId(), b.amount(), b.currency(), b.responsible()), PipelineErrors.actor(actor, b.actor()));
        return Map.of("dealId", dealId);
    }

    /** {@code POST /api/leads/{id}/junk {reason}}: the reason from the configured list → the lead. */
    @POST
    @Path("{id}/junk")
    @Consumes(MediaType.WILDCARD)
    public LeadView junk(@PathParam("id") String id, @HeaderParam("X-Actor") String actor, String body) {
        JunkBody b = read(body, JunkBody.class, new JunkBody(null, null));
        return leads.junk(Params.pathId("lead", id), b.reason(), PipelineErrors.actor(actor, b.actor()));
    }

    /** {@code POST /api/leads/{id}/status {status, reason?, pipelineId?}}: any configured status, with its semantics. */
    @POST
    @Path("{id}/status")
    public LeadView status(@PathParam("id") String id, @HeaderParam("X-Actor") String actor, StatusBody body) {
        if (body == null) {
            throw ApiError.badRequest("a JSON object {status} is required");
        }
        return leads.setStatus(Params.pathId("lead", id), body.status(), body.reason(),
                new LeadLifecycle.Conversion(body.pipelineId(), null, null, null, null),
                PipelineErrors.actor(actor, body.actor()));
    }

    /** A JSON body read whatever the content type says; none at all means the defaults. */
    private <T> T read(String body, Class<T> type, T empty) {
        if (body == null || body.isBlank()) {
            return empty;
        }
        try {
            T value = mapper.readValue(body, type);
            return value == null ? empty : value;
        } catch (java.io.IOException e) {
            throw ApiError.badRequest("the body must be a JSON object");
        }
    }

    private static LeadStatus parseStatus(String status) {
        try {
            return LeadStatus.fromCode(status.strip());
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("status must be one of new, in-progress, converted, junk or a configured status");
        }
    }
}
