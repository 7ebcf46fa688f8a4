package io.leadgate.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.channel.Charsets;
import io.leadgate.intake.Envelope;
import io.leadgate.intake.InquiryViews;
import io.leadgate.intake.StoredInquiry;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The raw requests the contact's inquiries came from. Erasure empties body and headers and drops query and URL;
 * the row keeps channel, provider, method, status and time. An envelope that carried several people's messages (a
 * batched provider delivery) is emptied whole: their normalised inquiries stay, only the raw copy goes. The export
 * of such a shared delivery ({@code "shared": true}) holds only this contact's items from it, never the raw body,
 * headers or URL.
 */
@ApplicationScoped
public class EnvelopeData implements PersonalData {

    private final ObjectMapper mapper;

    EnvelopeData(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    private static List<Envelope> of(long contactId) {
        return Envelope.<Envelope>find("id in (select i.envelopeId from StoredInquiry i where i.contactId = ?1 "
                + "or i.leadId in (select l.id from Lead l where l.contactId = ?1)) order by id", contactId).list();
    }

    @Override
    public String section() {
        return "envelopes";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public JsonNode export(long contactId) {
        ArrayNode array = mapper.createArrayNode();
        Set<Long> theirs = InquiryData.of(contactId).stream().map(i -> i.id).collect(Collectors.toSet());
        for (Envelope e : of(contactId)) {
            ObjectNode json = array.addObject()
                    .put("id", String.valueOf(e.id))
                    .put("channelId", e.channelId)
                    .put("provider", e.provider)
                    .put("receivedAt", e.receivedAt.toString())
                    .put("method", e.method);
            List<StoredInquiry> items = StoredInquiry.<StoredInquiry>find("envelopeId = ?1 order by id", e.id).list();
            List<StoredInquiry> own = items.stream().filter(i -> theirs.contains(i.id)).toList();
            if (own.size() < items.size()) { // a shared delivery: only this person's items, not the raw body
                json.put("status", e.status.name().toLowerCase(Locale.ROOT)).put("shared", true);
                ArrayNode ownItems = json.putArray("items");
                own.forEach(i -> ownItems.add(InquiryViews.of(i)));
                continue;
            }
            json.put("subPath", e.subPath)
                    .put("query", e.queryString)
                    .put("url", e.requestUrl)
                    .put("status", e.status.name().toLowerCase(Locale.ROOT));
            JsonNode headers = Scrub.read(e.headers);
            json.set("headers", headers);
            String text = decode(e.body, charsetOf(headers));
            if (text != null) {
                json.put("bodyEncoding", "text");
                json.put("body", text);
            } else {
                json.put("bodyEncoding", "base64");
                json.put("body", Base64.getEncoder().encodeToString(e.body));
            }
        }
        return array;
    }

    @Override
    public int erase(long contactId) {
        List<Envelope> envelopes = of(contactId);
        for (Envelope e : envelopes) {
            e.body = new byte[0];
            e.headers = "{}";
            e.queryString = null;
            e.requestUrl = null;
            e.error = null;
        }
        return envelopes.size();
    }

    /** The body as text in its declared charset (UTF-8 when none), or null when it is not valid text. */
    static String decode(byte[] body, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static Charset charsetOf(JsonNode headers) {
        for (var it = headers.fields(); it.hasNext(); ) {
            var header = it.next();
            if (header.getKey().equalsIgnoreCase("Content-Type") && header.getValue().size() > 0) {
                return Charsets.ofContentType(header.getValue().get(0).asText(), StandardCharsets.UTF_8);
            }
        }
        return StandardCharsets.UTF_8;
    }
}
