package io.leadgate.channel.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Message ids from Message-ID, In-Reply-To and References, without angle brackets, in order, each once. */
final class MessageIds {

    private static final Pattern BRACKETED = Pattern.compile("<([^<>]+)>");
    private static final Pattern COMMENT = Pattern.compile("\\([^()]*\\)");

    private MessageIds() {
    }

    static List<String> parse(String header) {
        List<String> ids = new ArrayList<>();
        if (header == null) {
            return ids;
        }
        String h = HeaderText.unfold(header);
        Matcher m = BRACKETED.matcher(h);
        while (m.find()) {
            add(ids, m.group(1));
        }
        if (ids.isEmpty()) { // ids written without brackets
            for (String token : COMMENT.matcher(h).replaceAll(" ").split("[\\s,]+")) {
                if (token.indexOf('@') > 0) {
                    add(ids, token);
                }
            }
        }
        return ids;
    }

    static String first(String header) {
        List<String> ids = parse(header);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private static void add(List<String> ids, String id) {
        String clean = id.replaceAll("[\\s\\p{Cc}]+", "");
        if (!clean.isEmpty() && !ids.contains(clean)) {
            ids.add(clean);
        }
    }
}
