package io.leadgate.contact;

import io.leadgate.refusal.RefusedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Changes people make to a card by hand: name and company (recorded with who made them), notes. */
@ApplicationScoped
public class ContactEdits {

    static final int MAX_NAME = 500;
    static final int MAX_NOTE = 5000;

    /** A note as the API and console show it. */
    public record NoteView(String id, String contactId, String author, String text, Instant createdAt) {
        static NoteView of(ContactNote n) {
            return new NoteView(String.valueOf(n.id), String.valueOf(n.contactId), n.author, n.text, n.createdAt);
        }
    }

    /** A refused edit: unknown card (or erased, or merged away) or a bad value. */
    public static class EditException extends RefusedException {
        private final boolean notFound;

        EditException(boolean notFound, ContactRefusal refusal, String message, Object... args) {
            super(refusal, message, args);
            this.notFound = notFound;
        }

        public boolean notFound() {
            return notFound;
        }
    }

    /** Who changed which fields of a card, and when, as the console's timeline shows it. */
    public record EditView(String actor, List<String> fields, Instant createdAt) {
    }

    /**
     * Sets the name and/or company; null leaves a field as it is, a blank value clears it. A change is recorded with
     * its {@code actor} (the fields that changed, not their values).
     *
     * @return the card's name and company afterwards
     */
    @Transactional
    public Contact update(long contactId, String name, String company, String actor) {
        Contact c = live(contactId);
        List<String> changed = new ArrayList<>(2);
        if (name != null) {
            String v = bounded("name", name);
            if (!Objects.equals(v, c.name)) {
                changed.add("name");
            }
            c.name = v;
        }
        if (company != null) {
            String v = bounded("company", company);
            if (!Objects.equals(v, c.company)) {
                changed.add("company");
            }
            c.company = v;
        }
        c.updatedAt = Instant.now();
        if (!changed.isEmpty()) {
            ContactEdit e = new ContactEdit();
            e.contactId = contactId;
            e.actor = actor;
            e.fields = String.join(",", changed);
            e.createdAt = c.updatedAt;
            e.persist();
        }
        return c;
    }

    /** The recorded changes of a card's name and company, oldest first. */
    @Transactional
    public List<EditView> edits(long contactId) {
        return ContactEdit.<ContactEdit>list("contactId = ?1 order by id", contactId).stream()
                .map(e -> new EditView(e.actor, List.of(e.fields.split(",")), e.createdAt)).toList();
    }

    @Transactional
    public NoteView addNote(long contactId, String text, String author) {
        live(contactId);
        if (text == null || text.isBlank()) {
            throw new EditException(false, ContactRefusal.NOTE_REQUIRED, "text is required");
        }
        if (text.length() > MAX_NOTE) {
            throw new EditException(false, ContactRefusal.NOTE_TOO_LONG,
                    "text is longer than " + MAX_NOTE + " characters", MAX_NOTE);
        }
        ContactNote n = new ContactNote();
        n.contactId = contactId;
        n.author = author;
        n.text = text.strip();
        n.createdAt = Instant.now();
        n.persist();
        return NoteView.of(n);
    }

    @Transactional
    public List<NoteView> notes(long contactId) {
        return ContactNote.<ContactNote>list("contactId = ?1 order by id", contactId).stream().map(NoteView::of).toList();
    }

    private static Contact live(long contactId) {
        Contact c = Contact.findById(contactId);
        if (c == null || c.erasedAt != null) {
            throw new EditException(true, ContactRefusal.CONTACT_NOT_FOUND, "no contact " + contactId, contactId);
        }
        if (c.mergedInto != null) {
            throw new EditException(false, ContactRefusal.CONTACT_MERGED_INTO,
                    "contact " + contactId + " was merged into " + c.mergedInto, contactId, c.mergedInto);
        }
        return c;
    }

    private static String bounded(String field, String value) {
        String v = value.strip();
        if (v.length() > MAX_NAME) {
            throw new EditException(false, field.equals("company") ? ContactRefusal.CONTACT_COMPANY_TOO_LONG
                    : ContactRefusal.CONTACT_NAME_TOO_LONG, field + " is longer than " + MAX_NAME + " characters",
                    MAX_NAME);
        }
        return v.isEmpty() ? null : v;
    }
}
