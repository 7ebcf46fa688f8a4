package io.leadgate.privacy;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One table (or family of tables) that holds personal data about a contact. The privacy service finds every bean
 * implementing this, so adding a table to export and erasure is one step: one {@code @ApplicationScoped} class.
 *
 * <p>Both methods run inside the privacy service's transaction, with the contact card locked, in ascending
 * {@link #order()}. Erasure never deletes rows that anonymous counts rely on (inquiries, leads, calls, envelopes,
 * events): it scrubs their personal columns and keeps channel, provider, kind, status and timestamps.
 */
public interface PersonalData {

    /** The key of this part in the export document ({@code inquiries}, {@code calls}, …). */
    String section();

    /** Where this part runs among the others; lower first. Parts depend on no other part's erasure. */
    default int order() {
        return 100;
    }

    /** Everything this part holds about the contact, as JSON (usually an array of rows, oldest first). */
    JsonNode export(long contactId);

    /** Erases the contact's personal data in this part; returns how many rows were scrubbed or deleted. */
    int erase(long contactId);
}
