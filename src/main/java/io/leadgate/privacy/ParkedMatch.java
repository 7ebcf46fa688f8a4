package io.leadgate.privacy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a parked raw body names a person: it holds one of their E.164 numbers or one of their (lower-cased)
 * emails. The body is read as UTF-8, as is and URL-decoded. A number matches when a run of phone characters (digits,
 * spaces, {@code + ( ) - .}) has exactly the number's digits, or both have at least ten digits and end in the same
 * ten (a national form with a trunk prefix, {@code 8 916 …} for {@code +7916…}); runs of more than 15 digits are
 * ids or timestamps, never numbers.
 */
final class ParkedMatch {

    private static final Pattern PHONE_RUN = Pattern.compile("[+\\d][\\d\\s().+-]{5,}\\d");
    private static final int NATIONAL_DIGITS = 10;
    private static final int MAX_DIGITS = 15;

    private ParkedMatch() {
    }

    static boolean names(byte[] body, Collection<String> e164Phones, Collection<String> emails) {
        if (body == null || body.length == 0) {
            return false;
        }
        String raw = new String(body, StandardCharsets.UTF_8);
        String decoded;
        try {
            decoded = URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = raw;
        }
        String text = (raw + "\n" + decoded).toLowerCase(Locale.ROOT);
        for (String email : emails) {
            if (!email.isBlank() && text.contains(email.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        if (e164Phones.isEmpty()) {
            return false;
        }
        Matcher m = PHONE_RUN.matcher(text);
        while (m.find()) {
            String digits = m.group().replaceAll("\\D", "");
            if (digits.length() > MAX_DIGITS) {
                continue; // longer than any phone number (E.164 has at most 15 digits): an id or a timestamp
            }
            for (String phone : e164Phones) {
                String wanted = phone.replaceAll("\\D", "");
                if (!wanted.isEmpty() && (digits.equals(wanted) || digits.length() >= NATIONAL_DIGITS
                        && wanted.length() >= NATIONAL_DIGITS && lastDigits(digits).equals(lastDigits(wanted)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String lastDigits(String digits) {
        return digits.substring(digits.length() - NATIONAL_DIGITS);
    }
}
