package io.leadgate.channel.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts the quoted history off a reply where it is clear: lines starting with {@code >}, and everything from an
 * attribution line ({@code On … wrote:}, {@code … писал(а):}, {@code … пишет:}, {@code 12.10.2017, 9:41, "Иван"
 * <a@b.c>:}) or an original-message separator ({@code -----Original Message-----}, an Outlook header block) on.
 * Interleaved answers between quotes are kept, forwards keep their forwarded part, and a text that would come out
 * empty is returned whole. The sender's signature stays (it carries phones).
 */
final class ReplyTrimmer {

    private static final Pattern QUOTED = Pattern.compile("^\\s*>.*");
    private static final String VERBS = "wrote|schrieb|a écrit|escribió|ha scritto|schreef|escreveu|skrev|kirjoitti"
            + "|napisał\\(a\\)|napisał|napisała|написал\\(а\\)|написал|написала|писал\\(а\\)|писал|писала|пишет"
            + "|написав|пише";
    /** A date, a time or an address in the line tells an attribution from a sentence that ends in "wrote:". */
    private static final Pattern ATTRIBUTION = Pattern.compile("(?iu)^(?=.*[\\d@]).{4,300}?\\s(?:" + VERBS + ")\\s*:$");
    private static final Pattern DATED_ADDRESS = Pattern.compile(
            "(?u)^\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}.{0,80}<[^<>@\\s]+@[^<>\\s]+>\\s*:$");
    private static final Pattern ATTRIBUTION_START = Pattern.compile("(?iu)^(on|am|le|el|il|op|em|w dniu|dnia)\\s.*");
    private static final Pattern SEPARATOR = Pattern.compile("(?iu)^-{2,}\\s*(original message|исходное сообщение"
            + "|ursprüngliche nachricht|message d'origine|mensaje original|wiadomość oryginalna"
            + "|oorspronkelijk bericht|messaggio originale|mensagem original)\\s*-{2,}$");
    private static final Pattern HEADER_FROM = Pattern.compile("(?iu)^\\*?(from|от|von|de|od|van|da)\\s?:\\*?\\s.*@.*");
    private static final Pattern HEADER_NEXT = Pattern.compile(
            "(?iu)^\\*?(sent|date|отправлено|дата|gesendet|datum|envoyé|enviado|wysłano|verzonden|inviato)\\s?:\\*?\\s.*");
    private static final Pattern OUTLOOK_RULE = Pattern.compile("^_{10,}$");

    private ReplyTrimmer() {
    }

    /** @param forwarded true for a forward (Fwd:, FW:), whose separator and header block are the content */
    static String trim(String text, boolean forwarded) {
        if (text == null || text.isBlank()) {
            return text;
        }
        String[] lines = text.split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int attribution = attributionLength(lines, i);
            if (attribution > 0) {
                if (!interleaved(lines, i + attribution)) {
                    break;
                }
                i += attribution - 1;
                continue;
            }
            if (!forwarded && separates(lines, i)) {
                break;
            }
            if (!QUOTED.matcher(line).matches()) {
                kept.add(lines[i]);
            }
        }
        String result = String.join("\n", kept).strip();
        return result.isEmpty() ? text : result;
    }

    /** How many lines (1 or 2) the attribution starting at {@code i} spans, or 0. */
    private static int attributionLength(String[] lines, int i) {
        String line = lines[i].strip();
        if (ATTRIBUTION.matcher(line).matches() || DATED_ADDRESS.matcher(line).matches()) {
            return 1;
        }
        if (i + 1 < lines.length && ATTRIBUTION_START.matcher(line).matches() && !line.endsWith(":")) {
            String joined = line + " " + lines[i + 1].strip();
            return ATTRIBUTION.matcher(joined).matches() ? 2 : 0;
        }
        return 0;
    }

    /** True when quoted lines after {@code from} are followed by the sender's own lines (bottom or inline posting). */
    private static boolean interleaved(String[] lines, int from) {
        boolean quoteSeen = false;
        for (int j = from; j < lines.length; j++) {
            if (lines[j].isBlank()) {
                continue;
            }
            boolean quoted = QUOTED.matcher(lines[j]).matches();
            if (quoted) {
                quoteSeen = true;
            } else if (quoteSeen) {
                return true;
            } else {
                return false; // the quote is not marked with '>': the rest is the history
            }
        }
        return false;
    }

    private static boolean separates(String[] lines, int i) {
        String line = lines[i].strip();
        if (SEPARATOR.matcher(line).matches()) {
            return true;
        }
        if (OUTLOOK_RULE.matcher(line).matches()) {
            int next = nextNonBlank(lines, i + 1);
            return next >= 0 && HEADER_FROM.matcher(lines[next].strip()).matches();
        }
        if (HEADER_FROM.matcher(line).matches()) {
            for (int j = i + 1; j < Math.min(lines.length, i + 4); j++) {
                if (HEADER_NEXT.matcher(lines[j].strip()).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int nextNonBlank(String[] lines, int from) {
        for (int j = from; j < lines.length; j++) {
            if (!lines[j].isBlank()) {
                return j;
            }
        }
        return -1;
    }
}
