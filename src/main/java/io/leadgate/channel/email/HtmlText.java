package io.leadgate.channel.email;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML mail bodies as readable text, without an HTML library: scripts, styles, the head and comments dropped; block
 * elements and {@code <br>} as line breaks, table cells separated by tabs (so {@code <td>Имя</td><td>Иван</td>} still
 * reads as a field line), list items as {@code - }, {@code <blockquote>} lines prefixed with {@code > } (so quoted
 * replies can be trimmed like plain text ones); white space collapsed as a browser does; entities decoded.
 */
final class HtmlText {

    private static final Pattern DROPPED = Pattern.compile("<!--.*?(?:-->|$)|<!\\[CDATA\\[.*?(?:]]>|$)|<![^>]*>|<\\?[^>]*>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    /** Elements whose content is not text; skipped up to their end tag (or to the end when it is missing). */
    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "title", "noscript", "template", "xml");
    /** A tag's start; its end is found by {@link #tagEnd} (a regex over the attributes recursed per character). */
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9:-]*)");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});?");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0]+");
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
            "ul", "ol", "dl", "dt", "dd", "hr", "pre", "section", "article", "header", "footer", "nav", "aside", "main",
            "form", "address", "center", "fieldset", "figure", "figcaption", "tbody", "thead", "tfoot", "caption",
            "body", "html");
    private static final Map<String, String> ENTITIES = Map.ofEntries(Map.entry("nbsp", " "), Map.entry("amp", "&"),
            Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""), Map.entry("apos", "'"),
            Map.entry("copy", "©"), Map.entry("reg", "®"), Map.entry("trade", "™"), Map.entry("mdash", "—"),
            Map.entry("ndash", "–"), Map.entry("hellip", "…"), Map.entry("laquo", "«"), Map.entry("raquo", "»"),
            Map.entry("ldquo", "“"), Map.entry("rdquo", "”"), Map.entry("bdquo", "„"), Map.entry("lsquo", "‘"),
            Map.entry("rsquo", "’"), Map.entry("sbquo", "‚"), Map.entry("bull", "•"), Map.entry("middot", "·"),
            Map.entry("euro", "€"), Map.entry("pound", "£"), Map.entry("yen", "¥"), Map.entry("cent", "¢"),
            Map.entry("times", "×"), Map.entry("divide", "÷"), Map.entry("deg", "°"), Map.entry("plusmn", "±"),
            Map.entry("sect", "§"), Map.entry("para", "¶"), Map.entry("shy", ""), Map.entry("zwnj", ""),
            Map.entry("zwj", "\u200D"), Map.entry("ensp", " "), Map.entry("emsp", " "), Map.entry("thinsp", " "),
            Map.entry("numero", "№"), Map.entry("rarr", "→"), Map.entry("larr", "←"), Map.entry("iexcl", "¡"),
            Map.entry("iquest", "¿"), Map.entry("auml", "ä"), Map.entry("ouml", "ö"), Map.entry("uuml", "ü"),
            Map.entry("Auml", "Ä"), Map.entry("Ouml", "Ö"), Map.entry("Uuml", "Ü"), Map.entry("szlig", "ß"),
            Map.entry("eacute", "é"), Map.entry("egrave", "è"), Map.entry("agrave", "à"), Map.entry("ccedil", "ç"));

    private HtmlText() {
    }

    static String toText(String html) {
        String h = DROPPED.matcher(html).replaceAll(" ");
        Out out = new Out();
        Matcher tag = TAG.matcher(h);
        int last = 0;
        int from = 0;
        while (last < h.length() && tag.find(from)) {
            int close = tagEnd(h, tag.end());
            if (close < 0) {
                from = tag.start() + 1; // not a tag: an unclosed quote or no '>'
                continue;
            }
            out.text(h.substring(last, tag.start()));
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            boolean closing = !tag.group(1).isEmpty();
            last = close;
            from = close;
            if (!closing && SKIPPED.contains(name)) {
                int end = endTag(h, name, last);
                int gt = end < 0 ? -1 : h.indexOf('>', end);
                last = gt < 0 ? h.length() : gt + 1;
                from = last;
                continue;
            }
            out.tag(name, closing);
        }
        out.text(h.substring(Math.min(last, h.length())));
        return out.result();
    }

    /** The index after the {@code >} that ends a tag whose attributes start at {@code from} (quoted values may hold
     * {@code >}), or -1 when a quote is not closed or no {@code >} follows. */
    static int tagEnd(String h, int from) {
        int i = from;
        while (i < h.length()) {
            char c = h.charAt(i);
            if (c == '>') {
                return i + 1;
            }
            if (c == '"' || c == '\'') {
                int close = h.indexOf(c, i + 1);
                if (close < 0) {
                    return -1;
                }
                i = close + 1;
            } else {
                i++;
            }
        }
        return -1;
    }

    /** Where {@code </name} starts at or after {@code from}, in any case, or -1. */
    private static int endTag(String h, String name, int from) {
        for (int i = h.indexOf("</", from); i >= 0; i = h.indexOf("</", i + 2)) {
            if (h.regionMatches(true, i + 2, name, 0, name.length())) {
                return i;
            }
        }
        return -1;
    }

    static String decodeEntities(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = ENTITY.matcher(s);
        StringBuilder sb = new StringBuilder(s.length());
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(entity(m.group(1), m.group())));
        }
        return m.appendTail(sb).toString();
    }

    private static String entity(String name, String whole) {
        if (name.charAt(0) != '#') {
            return ENTITIES.getOrDefault(name, whole);
        }
        int cp = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
        if (cp == 0xA0) {
            return " ";
        }
        return Character.isValidCodePoint(cp) && cp != 0 && !(cp >= 0xD800 && cp <= 0xDFFF)
                ? new String(Character.toChars(cp)) : "\uFFFD";
    }

    /** The text being written: lines with their blockquote depth. */
    private static final class Out {
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder line = new StringBuilder();
        private int quoteDepth;
        private int lineDepth;
        private int pre;
        private boolean cellStarted;

        void text(String raw) {
            if (raw.isEmpty()) {
                return;
            }
            String t = decodeEntities(raw);
            if (pre > 0) {
                String[] parts = t.split("\r?\n", -1);
                for (int i = 0; i < parts.length; i++) {
                    if (i > 0) {
                        newline();
                    }
                    append(parts[i]);
                }
                return;
            }
            t = SPACES.matcher(t).replaceAll(" ");
            if (line.isEmpty() || line.charAt(line.length() - 1) == ' ' || line.charAt(line.length() - 1) == '\t') {
                t = t.stripLeading();
            }
            append(t);
        }

        void tag(String name, boolean closing) {
            switch (name) {
                case "br" -> newline();
                case "li" -> {
                    softBreak();
                    if (!closing) {
                        append("- ");
                    }
                }
                case "td", "th" -> {
                    if (!closing && cellStarted && !line.isEmpty()) {
                        append("\t");
                    }
                    cellStarted = true;
                }
                case "blockquote" -> {
                    softBreak();
                    quoteDepth = Math.max(0, quoteDepth + (closing ? -1 : 1));
                }
                default -> {
                    if (BLOCKS.contains(name)) {
                        softBreak();
                        pre = name.equals("pre") ? Math.max(0, pre + (closing ? -1 : 1)) : pre;
                        cellStarted = !name.equals("tr") && cellStarted;
                        if (closing && (name.equals("p") || (name.length() == 2 && name.charAt(0) == 'h'))) {
                            newline();
                        }
                    }
                }
            }
        }

        private void append(String s) {
            if (line.isEmpty()) {
                lineDepth = quoteDepth;
            }
            line.append(s);
        }

        /** Ends the current line unless it is empty. */
        private void softBreak() {
            if (line.toString().isBlank()) {
                line.setLength(0);
            } else {
                newline();
            }
        }

        private void newline() {
            String l = line.toString().strip();
            if (!l.isEmpty() && lineDepth > 0) {
                l = "> ".repeat(lineDepth) + l;
            }
            text.append(l).append('\n');
            line.setLength(0);
            lineDepth = quoteDepth;
        }

        String result() {
            newline();
            return text.toString().replaceAll("\n{3,}", "\n\n").strip();
        }
    }
}
