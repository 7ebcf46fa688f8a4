package io.leadgate.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.channel.ChannelFileLoader;
import com.fasterxml.jackson.databind.JsonNode;
import io.leadgate.contact.ContactEdits;
import io.leadgate.contact.ContactMerge;
import io.leadgate.contact.ContactQueries;
import io.leadgate.contact.DuplicateQueries;
import io.leadgate.contact.MergeService;
import io.leadgate.contact.MergeView;
import io.leadgate.contact.ContactView;
import io.leadgate.contact.IdentityKind;
import io.leadgate.inquiry.EmailNormalizer;
import io.leadgate.inquiry.PhoneNormalizer;
import io.leadgate.inquiry.PhoneResult;
import io.leadgate.intake.InquiryViews;
import io.leadgate.intake.StoredInquiry;
import io.leadgate.privacy.PrivacyService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/contacts}, {@code GET /api/contacts/{id}} with the timeline across channels, the merge candidates
 * ({@code GET /api/contacts/duplicates}), merging ({@code POST /api/contacts/{id}/merge}), and GDPR export and
 * erasure (CONTRACT §9).
 */
@Path("/api/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "read")
public class ContactResource {

    private final ContactQueries contacts;
    private final DuplicateQueries duplicates;
    private final MergeService merges;
    private final ObjectMapper mapper;
    private final PrivacyService privacy;
    private final ContactEdits edits;
    private final io.leadgate.pipeline.SpeedToLead speed;
    private final io.leadgate.pipeline.Reassignments reassignments;

    ContactResource(ContactQueries contacts, DuplicateQueries duplicates, MergeService merges, ObjectMapper mapper,
                    PrivacyService privacy, ContactEdits edits, io.leadgate.pipeline.SpeedToLead speed,
                    io.leadgate.pipeline.Reassignments reassignments) {
        this.edits = edits;
        this.speed = speed;
        this.reassignments = reassignments;
        this.contacts = contacts;
        this.duplicates = duplicates;
        this.merges = merges;
        this.mapper = mapper;
        this.privacy = privacy;
    }

    /** Pairs of cards that may be one person, with score and reasons, oldest first. */
    @GET
    @Path("duplicates")
    public List<DuplicateQueries.DuplicateView> duplicates(@QueryParam("contactId") String contactId,
                                                           @QueryParam("minScore") String minScore,
                                                           @QueryParam("limit") String limit,
                                                           @QueryParam("offset") String offset) {
        Params.Page page = Params.page(limit, offset);
        double min;
        try {
            min = minScore == null || minScore.isBlank() ? 0 : Double.parseDouble(minScore.strip());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("minScore must be a number");
        }
        return duplicates.open(Params.id("contactId", contactId), min, page.limit(), page.offset());
    }

    /** "Not the same person": the pair is never listed again and never merged by a rule; 409 once merged. */
    @POST
    @Path("duplicates/{pairId}/distinct")
    public Map<String, String> distinct(@PathParam("pairId") String pairId,
                                        @HeaderParam("X-Actor") String actor) {
        long id = Params.pathId("duplicate pair", pairId);
        MergeErrors.call(() -> {
            merges.markDistinct(id, PipelineErrors.actor(actor, null), Instant.now());
            return id;
        });
        return Map.of("id", String.valueOf(id), "status", "distinct");
    }

    /**
     * Merges {@code {"sourceId": "…"}} into this contact: it keeps every identity, inquiry and lead; the source
     * stays as an empty card pointing here. Undo with {@code POST /api/merges/{mergeId}/undo}.
     */
    @POST
    @Path("{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    public MergeView merge(@PathParam("id") String id, JsonNode body) {
        long target = Params.pathId("contact", id);
        JsonNode source = body == null ? null : body.get("sourceId");
        if (source == null || source.isNull() || !source.asText().strip().matches("\\d{1,18}")) {
            throw ApiError.badRequest("sourceId must be a contact id");
        }
        return MergeErrors.call(() -> merges.merge(target, Long.parseLong(source.asText().strip()),
                ContactMerge.Origin.API, null, Instant.now()));
    }

    /**
     * @param phone  any format; national numbers are read in {@code region} (default RU)
     * @param handle {@code provider:id}
     */
    @GET
    public List<ContactView> list(@QueryParam("phone") String phone, @QueryParam("email") String email,
                                  @QueryParam("handle") String handle, @QueryParam("region") String region,
                                  @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        Params.Page page = Params.page(limit, offset);
        if (phone != null && !phone.isBlank()) {
            PhoneResult result = PhoneNormalizer.normalize(phone, region == null ? ChannelFileLoader.DEFAULT_REGION : region);
            if (!(result instanceof PhoneResult.Normalized n)) {
                throw ApiError.badRequest("phone cannot be normalised to E.164");
            }
            return contacts.find(IdentityKind.PHONE, n.e164(), page.limit(), page.offset());
        }
        if (email != null && !email.isBlank()) {
            String normalized = EmailNormalizer.normalize(email)
                    .orElseThrow(() -> ApiError.badRequest("email is not an address"));
            return contacts.find(IdentityKind.EMAIL, normalized, page.limit(), page.offset());
        }
        if (handle != null && !handle.isBlank()) {
            if (!handle.matches("[a-z0-9-]+:.+")) {
                throw ApiError.badRequest("handle must be provider:id");
            }
            return contacts.find(IdentityKind.HANDLE, handle.strip(), page.limit(), page.offset());
        }
        return contacts.find(null, null, page.limit(), page.offset());
    }

    @GET
    @Path("{id}")
    public ObjectNode one(@PathParam("id") String id) {
        long contactId = Params.pathId("contact", id);
        ContactView view = contacts.byId(contactId).orElseThrow(() -> ApiError.notFound("no contact " + id));
        ObjectNode json = mapper.valueToTree(view);
        json.put("company", contacts.company(contactId).orElse(null));
        ArrayNode timeline = json.putArray("timeline");
        StoredInquiry.<StoredInquiry>find("contactId = ?1 order by receivedAt, id", contactId).stream()
                .map(InquiryViews::of).forEach(timeline::add);
        return json;
    }

    public record ContactPatch(String name, String company) {
    }

    public record NoteBody(String text, String author) {
    }

    /** {@code PATCH /api/contacts/{id} {name?, company?}}: an absent field stays, a blank one is cleared. */
    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode patch(@PathParam("id") String id, @HeaderParam("X-Actor") String actor, ContactPatch body) {
        if (body == null) {
            throw ApiError.badRequest("a JSON object {name?, company?} is required");
        }
        long contactId = Params.pathId("contact", id);
        edit(() -> edits.update(contactId, body.name(), body.company(), PipelineErrors.actor(actor, null)));
        return one(id);
    }

    /** {@code POST /api/contacts/{id}/notes {text}} → 201 with the note. */
    @POST
    @Path("{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response note(@PathParam("id") String id, @HeaderParam("X-Actor") String actor, NoteBody body) {
        if (body == null) {
            throw ApiError.badRequest("a JSON object {text} is required");
        }
        long contactId = Params.pathId("contact", id);
        String author = PipelineErrors.actor(actor, body.author());
        ContactEdits.NoteView note = edit(() -> edits.addNote(contactId, body.text(), author));
        speed.noted(contactId, author); // a note is a first action on the client's open leads (speed to lead)
        return Response.status(201).entity(note).build();
    }

    public record AssignBody(String responsible) {
    }

    /** {@code POST /api/contacts/{id}/assign {responsible}}: the client's own manager (null: nobody). */
    @POST
    @Path("{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Makes a manager the client's own (a returning client's new lead goes to them); null: nobody")
    public java.util.Map<String, String> assign(@PathParam("id") String id, AssignBody body) {
        if (body == null) {
            throw ApiError.badRequest("a JSON object {responsible} is required");
        }
        long contactId = Params.pathId("contact", id);
        String manager = reassignments.contact(contactId, body.responsible());
        java.util.Map<String, String> answer = new java.util.LinkedHashMap<>();
        answer.put("id", String.valueOf(contactId));
        answer.put("responsible", manager);
        return answer;
    }

    @GET
    @Path("{id}/notes")
    public List<ContactEdits.NoteView> notes(@PathParam("id") String id) {
        return edits.notes(Params.pathId("contact", id));
    }

    private static <T> T edit(java.util.function.Supplier<T> change) {
        try {
            return change.get();
        } catch (ContactEdits.EditException e) {
            throw e.notFound() ? ApiError.notFound(e.getMessage()) : ApiError.badRequest(e.getMessage());
        }
    }

    @GET
    @Path("{id}/export")
    @Operation(summary = "Everything held about the person (GDPR access)")
    public ObjectNode export(@PathParam("id") String id) {
        return privacy.export(Params.pathId("contact", id)).orElseThrow(() -> ApiError.notFound("no contact " + id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Erases the person's data, keeping anonymous counts (GDPR erasure)")
    public Response erase(@PathParam("id") String id) {
        if (!privacy.erase(Params.pathId("contact", id))) {
            throw ApiError.notFound("no contact " + id);
        }
        return Response.noContent().build();
    }
}
