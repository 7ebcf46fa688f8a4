package io.leadgate.channel.email;

import io.leadgate.inquiry.EmailNormalizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The machine-readable parts of reports: {@code message/delivery-status} (RFC 3464: a per-message block, then one
 * block per recipient with {@code Final-Recipient} and {@code Action}) and {@code message/disposition-notification}
 * (RFC 8098: {@code Original-Message-ID}, {@code Disposition}).
 */
final class DeliveryReports {

    private DeliveryReports() {
    }

    static List<ParsedMail.DeliveryStatus> deliveryStatus(String text) {
        List<ParsedMail.DeliveryStatus> out = new ArrayList<>();
        for (String block : text.replace("\r\n", "\n").split("\n[ \t]*\n")) {
            Map<String, String> f = fields(block);
            String recipient = address(f.getOrDefault("final-recipient", f.get("original-recipient")));
            if (recipient != null) {
                String action = f.getOrDefault("action", "").strip().toLowerCase(Locale.ROOT);
                int space = action.indexOf(' ');
                out.add(new ParsedMail.DeliveryStatus(recipient, space > 0 ? action.substring(0, space) : action,
                        f.getOrDefault("status", "").strip()));
            }
        }
        return out;
    }

    /** Header-like fields of a block, names lower-cased, continuation lines joined, the first value of a name kept. */
    static Map<String, String> fields(String block) {
        Map<String, String> out = new LinkedHashMap<>();
        String unfolded = block.replace("\r\n", "\n").replaceAll("\n[ \t]+", " ");
        for (String line : unfolded.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                out.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
        return out;
    }

    /** {@code rfc822; <a@b.c>} → {@code a@b.c}. */
    static String address(String typed) {
        if (typed == null) {
            return null;
        }
        int semi = typed.indexOf(';');
        return EmailNormalizer.normalize(semi >= 0 ? typed.substring(semi + 1) : typed).orElse(null);
    }
}
