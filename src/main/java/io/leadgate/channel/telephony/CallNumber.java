package io.leadgate.channel.telephony;

import io.leadgate.inquiry.ContactInfoBuilder;
import io.leadgate.inquiry.PhoneNormalizer;
import io.leadgate.inquiry.PhoneResult;

import java.util.Locale;
import java.util.Set;

/**
 * A party's number as the provider wrote it, with how to read it: {@code international} when the provider sends
 * international digits without {@code +} (sipgate, Mango Office, Zadarma), otherwise as written in the channel's
 * default region (Placetel's German national numbers, Twilio's E.164).
 */
public record CallNumber(String written, boolean international) implements Comparable<CallNumber> {

    /** Words for a withheld number, and Twilio's keypad spellings of them (+266696687 = "ANONYMOUS", …). */
    private static final Set<String> HIDDEN = Set.of("anonymous", "unknown", "restricted", "private", "unavailable",
            "withheld", "+266696687", "+7378742833", "+8656696", "+2562533");

    public CallNumber {
        written = written == null ? null : written.strip();
    }

    /** Digits the provider sends internationally without '+'; null when blank. */
    public static CallNumber international(String digits) {
        return digits == null || digits.isBlank() ? null : new CallNumber(digits, true);
    }

    /** A number as written, national numbers in the channel region; null when blank. */
    public static CallNumber asWritten(String number) {
        return number == null || number.isBlank() ? null : new CallNumber(number, false);
    }

    /** True for SIP URIs, Twilio clients and SIP user ids ({@code sip:…}, {@code client:…}, {@code user@host}). */
    public boolean isUri() {
        String w = written.toLowerCase(Locale.ROOT);
        return w.startsWith("sip:") || w.startsWith("sips:") || w.startsWith("client:") || w.contains("@");
    }

    /** True when the caller withheld the number ({@code anonymous}, {@code restricted}, …). */
    public boolean hidden() {
        return HIDDEN.contains(written.toLowerCase(Locale.ROOT)) || written.chars().noneMatch(Character::isDigit);
    }

    /** True when this is a telephone number at all (not a URI, not withheld). */
    public boolean dialable() {
        return !isUri() && !hidden();
    }

    public PhoneResult normalize(String region) {
        return international ? PhoneNormalizer.normalizeInternational(written)
                : PhoneNormalizer.normalize(written, region);
    }

    /** E.164 when the number normalises, else as written. */
    public String e164OrWritten(String region) {
        return dialable() && normalize(region) instanceof PhoneResult.Normalized n ? n.e164() : written;
    }

    /** Adds the number to a contact when it is a telephone number; URIs and withheld numbers are left out. */
    public void addTo(ContactInfoBuilder contact) {
        if (!dialable()) {
            return;
        }
        if (international) {
            contact.internationalPhone(written);
        } else {
            contact.phone(written);
        }
    }

    @Override
    public int compareTo(CallNumber other) {
        int c = written.compareTo(other.written);
        return c != 0 ? c : Boolean.compare(international, other.international);
    }
}
