package io.leadgate.channel.email;

import io.leadgate.inquiry.EmailNormalizer;
import io.leadgate.inquiry.NameNormalizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Address lists read leniently ({@code From}, {@code Reply-To}, {@code To}): quoted and encoded display names,
 * comments ({@code MAILER-DAEMON@host (Mail Delivery System)}), groups, empty items and missing brackets. Display
 * names are decoded after the list is split, so an encoded comma cannot split a name. Addresses are lower-cased
 * addr-specs with Unicode kept; what does not look like one is dropped.
 */
final class MailAddresses {

    private MailAddresses() {
    }

    /** @param header the header text with raw bytes already decoded but encoded words still in place */
    static List<ParsedMail.Mailbox> parse(String header) {
        List<ParsedMail.Mailbox> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        for (String item : split(HeaderText.unfold(header))) {
            ParsedMail.Mailbox mailbox = mailbox(item);
            if (mailbox != null) {
                out.add(mailbox);
            }
        }
        return out;
    }

    /** Splits at commas and group ends outside quotes, brackets and comments; drops group names. */
    private static List<String> split(String h) {
        List<String> items = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        int angle = 0;
        int comment = 0;
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (c == '\\' && (quoted || comment > 0) && i + 1 < h.length()) {
                cur.append(c).append(h.charAt(++i));
                continue;
            }
            if (c == '"' && comment == 0) {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                comment++;
            } else if (!quoted && c == ')' && comment > 0) {
                comment--;
            } else if (!quoted && comment == 0 && c == '<') {
                angle++;
            } else if (!quoted && comment == 0 && c == '>' && angle > 0) {
                angle--;
            } else if (!quoted && comment == 0 && angle == 0 && (c == ',' || c == ';')) {
                items.add(cur.toString());
                cur.setLength(0);
                continue;
            } else if (!quoted && comment == 0 && angle == 0 && c == ':' && cur.indexOf("@") < 0) {
                cur.setLength(0); // "Group name:" – the members follow
                continue;
            }
            cur.append(c);
        }
        items.add(cur.toString());
        return items;
    }

    private static ParsedMail.Mailbox mailbox(String item) {
        StringBuilder outside = new StringBuilder();
        StringBuilder comment = new StringBuilder();
        boolean quoted = false;
        int depth = 0;
        for (int i = 0; i < item.length(); i++) {
            char c = item.charAt(i);
            if (c == '"' && depth == 0) {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
                continue;
            } else if (!quoted && c == ')' && depth > 0) {
                depth--;
                continue;
            }
            (depth > 0 ? comment : outside).append(c);
        }
        String text = outside.toString().strip();
        String address;
        String name;
        int lt = lastUnquoted(text, '<');
        if (lt >= 0) {
            int gt = text.indexOf('>', lt);
            address = text.substring(lt + 1, gt < 0 ? text.length() : gt);
            name = text.substring(0, lt);
        } else {
            address = text;
            name = comment.toString();
        }
        address = address.replaceAll("\\s+", "");
        String email = EmailNormalizer.normalize(address).orElse(null);
        String display = displayName(name, email);
        if (email == null && display == null) {
            return null;
        }
        return new ParsedMail.Mailbox(display, email);
    }

    private static int lastUnquoted(String s, char target) {
        boolean quoted = false;
        int found = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == target && !quoted) {
                found = i;
            }
        }
        return found;
    }

    private static String displayName(String written, String email) {
        String s = written.strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1).replaceAll("\\\\(.)", "$1");
        } else {
            s = s.replace("\"", "");
        }
        String name = NameNormalizer.clean(HeaderText.clean(HeaderText.decodeWords(s)));
        if (name == null || (email != null && name.replace("'", "").toLowerCase(Locale.ROOT).equals(email))) {
            return null;
        }
        return name;
    }
}
