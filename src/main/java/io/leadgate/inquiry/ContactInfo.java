package io.leadgate.inquiry;

import java.util.List;

/**
 * Who wrote: the normalised contact details found in one inquiry.
 *
 * @param phones    E.164 numbers
 * @param rawPhones numbers that could not be normalised, as written
 * @param emails    lower-cased addr-specs
 * @param writtenPhones normalised numbers as written, where the written digits do not end in the E.164 number's
 *                      (a national number under an overlapping country code): matching also reads their digits.
 *                      Never serialised, never an identity.
 */
public record ContactInfo(String name, List<String> phones, List<String> rawPhones, List<String> emails,
                          List<Handle> handles, String company, List<String> writtenPhones) {

    public static final ContactInfo EMPTY = new ContactInfo(null, List.of(), List.of(), List.of(), List.of(), null);

    /** Names clipped, numbers and addresses bounded as identifiers ({@link Limits}). */
    public ContactInfo {
        name = Limits.clip(name, Limits.NAME);
        company = Limits.clip(company, Limits.NAME);
        phones = List.copyOf(Limits.identifiers(phones));
        rawPhones = List.copyOf(Limits.identifiers(rawPhones));
        emails = List.copyOf(Limits.identifiers(emails));
        handles = List.copyOf(handles);
        writtenPhones = List.copyOf(writtenPhones);
    }

    /** Contact details without written forms of their phones. */
    public ContactInfo(String name, List<String> phones, List<String> rawPhones, List<String> emails,
                       List<Handle> handles, String company) {
        this(name, phones, rawPhones, emails, handles, company, List.of());
    }

    /** True when the inquiry carries something that identifies a person: a phone, an email or a handle. */
    public boolean identifiable() {
        return !phones.isEmpty() || !emails.isEmpty() || !handles.isEmpty();
    }
}
