package io.leadgate.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.contact.Contact;
import io.leadgate.contact.ContactEdit;
import io.leadgate.contact.ContactIdentity;
import io.leadgate.contact.ContactNote;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The contact card, its identities, notes and the record of its edits: name and company blanked, identities, notes and
 * edits deleted (lookups find nothing).
 */
@ApplicationScoped
public class ContactCardData implements PersonalData {

    private final ObjectMapper mapper;

    ContactCardData(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String section() {
        return "contact";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public JsonNode export(long contactId) {
        Contact contact = Contact.findById(contactId);
        ObjectNode json = mapper.createObjectNode();
        json.put("id", String.valueOf(contact.id));
        json.put("name", contact.name);
        json.put("company", contact.company);
        json.put("createdAt", contact.createdAt.toString());
        json.put("updatedAt", contact.updatedAt.toString());
        ArrayNode identities = json.putArray("identities");
        ContactIdentity.<ContactIdentity>find("contactId = ?1 order by id", contactId).stream().forEach(i -> identities.addObject()
                .put("kind", i.kind.name().toLowerCase())
                .put("value", i.identityValue)
                .put("label", i.label)
                .put("undeliverable", i.undeliverable)
                .put("createdAt", i.createdAt.toString()));
        ArrayNode notes = json.putArray("notes");
        ContactNote.<ContactNote>find("contactId = ?1 order by id", contactId).stream().forEach(n -> notes.addObject()
                .put("author", n.author).put("text", n.text).put("createdAt", n.createdAt.toString()));
        ArrayNode edits = json.putArray("edits");
        ContactEdit.<ContactEdit>find("contactId = ?1 order by id", contactId).stream().forEach(e -> edits.addObject()
                .put("actor", e.actor).put("fields", e.fields).put("createdAt", e.createdAt.toString()));
        return json;
    }

    @Override
    public int erase(long contactId) {
        Contact contact = Contact.findById(contactId);
        contact.name = null;
        contact.company = null;
        return 1 + (int) ContactIdentity.delete("contactId", contactId) + (int) ContactNote.delete("contactId", contactId)
                + (int) ContactEdit.delete("contactId", contactId);
    }
}
