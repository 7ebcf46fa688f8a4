package io.leadgate.inquiry;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Emails as lower-cased addr-spec: display names, angle brackets and {@code mailto:} removed, Unicode kept
 * (RFC 6532). What does not look like {@code local@domain.tld} is not an email.
 */
public final class EmailNormalizer {

    private static final Pattern ADDR_SPEC =
            Pattern.compile("[^\\s@<>()\\[\\],;:\"\\\\]+@[^\\s@<>()\\[\\],;:\"\\\\.]+(\\.[^\\s@<>()\\[\\],;:\"\\\\.]+)+");

    private EmailNormalizer() {
    }

    public static Optional<String> normalize(String written) {
        if (written == null) {
            return Optional.empty();
        }
        String s = written.strip();
        int lt = s.lastIndexOf('<');
        int gt = s.lastIndexOf('>');
        if (lt >= 0 && gt > lt) {
            s = s.substring(lt + 1, gt).strip();
        }
        if (s.regionMatches(true, 0, "mailto:", 0, 7)) {
            s = s.substring(7);
        }
        int query = s.indexOf('?');
        if (query > 0 && s.indexOf('@') < query) {
            s = s.substring(0, query);
        }
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        s = s.toLowerCase(Locale.ROOT);
        return ADDR_SPEC.matcher(s).matches() ? Optional.of(s) : Optional.empty();
    }
}
