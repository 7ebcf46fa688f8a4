package io.leadgate.policy;

import io.leadgate.inquiry.EmailNormalizer;
import io.leadgate.inquiry.PhoneNormalizer;
import io.leadgate.inquiry.PhoneResult;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Numbers and addresses that never become identities: E.164 phones, normalised email addresses and whole mail
 * domains ({@code *@domain}). Immutable.
 */
public record ExclusionList(Set<String> phones, Set<String> emails, Set<String> domains) {

    public static final ExclusionList NONE = new ExclusionList(Set.of(), Set.of(), Set.of());

    /** An entry that is neither a phone nor an email; names the entry by its position (1-based), never its value. */
    public static final class InvalidEntryException extends IllegalArgumentException {
        private final int position;

        InvalidEntryException(int position) {
            super("entry " + position + " is neither a phone nor an email");
            this.position = position;
        }

        public int position() {
            return position;
        }
    }

    public ExclusionList {
        phones = Set.copyOf(phones);
        emails = Set.copyOf(emails);
        domains = Set.copyOf(domains);
    }

    /**
     * Reads entries: phones (national numbers in {@code region}), addresses, or {@code *@domain}.
     *
     * @throws InvalidEntryException at the first entry that is none of these
     */
    public static ExclusionList parse(List<String> entries, String region) {
        Set<String> phones = new HashSet<>();
        Set<String> emails = new HashSet<>();
        Set<String> domains = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String e = entries.get(i).strip();
            int position = i + 1;
            if (e.startsWith("*@") && e.length() > 2) {
                domains.add(e.substring(2).toLowerCase(Locale.ROOT));
            } else if (e.contains("@")) {
                emails.add(EmailNormalizer.normalize(e).orElseThrow(() -> new InvalidEntryException(position)));
            } else if (PhoneNormalizer.normalize(e, region) instanceof PhoneResult.Normalized n) {
                phones.add(n.e164());
            } else {
                throw new InvalidEntryException(position);
            }
        }
        return phones.isEmpty() && emails.isEmpty() && domains.isEmpty() ? NONE : new ExclusionList(phones, emails, domains);
    }

    public boolean isEmpty() {
        return phones.isEmpty() && emails.isEmpty() && domains.isEmpty();
    }

    public boolean excludesPhone(String e164) {
        return phones.contains(e164);
    }

    public boolean excludesEmail(String email) {
        return emails.contains(email) || domains.contains(email.substring(email.lastIndexOf('@') + 1));
    }
}
