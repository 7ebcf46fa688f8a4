package io.leadgate.channel.email;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks the MIME tree of one message with Jakarta Mail doing the splitting: collects the body text
 * (multipart/alternative → the plain part when it has text, mixed → the text parts joined, report → its first part),
 * attachment facts, and the machine parts of delivery and read reports. A part that cannot be split or decoded is
 * read as text instead; nesting and part counts are bounded.
 */
final class MimeWalker {

    private static final int MAX_DEPTH = 12;
    private static final int MAX_PARTS = 1000;
    private static final Pattern META_CHARSET = Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([\\w.:-]+)");
    private static final Pattern CONTROLS = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");

    /** The text of a part and whether it came from HTML. */
    record Body(String text, boolean html) {
        static final Body NONE = new Body("", false);

        boolean blank() {
            return text.isBlank();
        }
    }

    private final int[] partsLeft;
    final List<ParsedMail.MailAttachment> attachments = new ArrayList<>();
    final List<ParsedMail.DeliveryStatus> deliveryStatus = new ArrayList<>();
    String reportType;
    String originalMessageId;
    /** The From address of the message a report returns (its headers part or whole copy), or null. */
    String originalFrom;
    String firstCharset;
    String inlineText;
    Body forwarded;

    MimeWalker() {
        this(new int[]{MAX_PARTS});
    }

    private MimeWalker(int[] partsLeft) {
        this.partsLeft = partsLeft;
    }

    Body walk(MimePart part, int depth, boolean inReport) {
        if (--partsLeft[0] < 0) {
            return Body.NONE;
        }
        MimeParams type = MimeParams.parse(header(part, "Content-Type"));
        String mediaType = type.value().contains("/") ? type.value() : "text/plain";
        String encoding = header(part, "Content-Transfer-Encoding");
        byte[] raw = raw(part);
        if (mediaType.startsWith("multipart/") && depth < MAX_DEPTH) {
            return multipart(mediaType, type, raw, encoding, depth, inReport);
        }
        MimeParams disposition = MimeParams.parse(header(part, "Content-Disposition"));
        byte[] data = TransferDecoding.decode(raw, encoding);
        switch (mediaType) {
            case "message/rfc822", "message/global" -> {
                message(part, type, disposition, data, depth, inReport);
                return Body.NONE;
            }
            case "message/delivery-status", "message/global-delivery-status" -> {
                deliveryStatus.addAll(DeliveryReports.deliveryStatus(MailCharsets.decode(data, null)));
                return Body.NONE;
            }
            case "message/disposition-notification", "message/global-disposition-notification" -> {
                String original = DeliveryReports.fields(MailCharsets.decode(data, null)).get("original-message-id");
                originalMessageId = originalMessageId != null ? originalMessageId : MessageIds.first(original);
                return Body.NONE;
            }
            case "text/rfc822-headers", "message/global-headers" -> {
                java.util.Map<String, String> returned = DeliveryReports.fields(MailCharsets.decode(data, null));
                originalMessageId = originalMessageId != null ? originalMessageId : MessageIds.first(returned.get("message-id"));
                originalFrom = originalFrom != null ? originalFrom : firstAddress(returned.get("from"));
                return Body.NONE;
            }
            default -> {
                return leaf(part, mediaType, type, disposition, data, inReport);
            }
        }
    }

    private Body leaf(MimePart part, String mediaType, MimeParams type, MimeParams disposition, byte[] data,
                      boolean inReport) {
        boolean text = mediaType.equals("text/plain") || mediaType.equals("text/html");
        Charset fallback = MailCharsets.lookup(type.param("charset")).orElse(StandardCharsets.ISO_8859_1);
        String name = fileName(type, disposition, fallback);
        boolean attached = disposition.is("attachment");
        if (text && name == null && !attached) {
            firstCharset = firstCharset != null ? firstCharset : type.param("charset");
            return body(mediaType, type, data);
        }
        if (inReport) {
            return Body.NONE;
        }
        attachments.add(new ParsedMail.MailAttachment(name, mediaType, data.length, contentId(part), data));
        if (mediaType.equals("text/plain") && !attached && inlineText == null) {
            inlineText = body(mediaType, type, data).text();
        }
        return Body.NONE;
    }

    private Body multipart(String mediaType, MimeParams type, byte[] raw, String encoding, int depth,
                           boolean inReport) {
        MimeMultipart multipart = split(mediaType, type.param("boundary"), raw, encoding);
        if (multipart == null) { // unsplittable: keep what is there as text
            return new Body(plain(MailCharsets.decode(raw, type.param("charset")), false, false), false);
        }
        boolean report = mediaType.equals("multipart/report");
        if (report && reportType == null) {
            String rt = type.param("report-type");
            reportType = rt == null ? "" : rt.strip().toLowerCase(Locale.ROOT);
        }
        List<Body> bodies = new ArrayList<>();
        try {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                if (child instanceof MimeBodyPart mime) {
                    bodies.add(walk(mime, depth + 1, inReport || (report && i > 0)));
                }
            }
        } catch (MessagingException | RuntimeException e) {
            // keep the parts read so far
        }
        if (report) {
            return bodies.isEmpty() ? Body.NONE : bodies.get(0);
        }
        if (mediaType.equals("multipart/alternative")) {
            return bodies.stream().filter(b -> !b.blank() && !b.html()).findFirst()
                    .orElseGet(() -> bodies.stream().filter(b -> !b.blank()).findFirst().orElse(Body.NONE));
        }
        List<Body> texts = bodies.stream().filter(b -> !b.blank()).toList();
        return new Body(String.join("\n\n", texts.stream().map(Body::text).toList()),
                texts.stream().anyMatch(Body::html));
    }

    /** Splits a multipart; a transfer encoding on it is ignored, unless only the decoded bytes can be split. */
    private static MimeMultipart split(String mediaType, String boundary, byte[] raw, String encoding) {
        String contentType = mediaType + (boundary == null ? ""
                : "; boundary=\"" + boundary.strip().replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        MimeMultipart parts = trySplit(contentType, raw);
        byte[] decoded = TransferDecoding.decode(raw, encoding);
        return parts != null || decoded == raw ? parts : trySplit(contentType, decoded);
    }

    private static MimeMultipart trySplit(String contentType, byte[] bytes) {
        try {
            MimeMultipart multipart = MimeReading.multipart(bytes, contentType);
            return multipart.getCount() > 0 ? multipart : null;
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private void message(MimePart part, MimeParams type, MimeParams disposition, byte[] data, int depth,
                         boolean inReport) {
        MimeMessage nested = MimeReading.message(data);
        String id = MessageIds.first(header(nested, "Message-ID"));
        originalMessageId = originalMessageId != null ? originalMessageId : id;
        if (inReport) {
            originalFrom = originalFrom != null ? originalFrom : firstAddress(header(nested, "From"));
            return;
        }
        attachments.add(new ParsedMail.MailAttachment(fileName(type, disposition, StandardCharsets.ISO_8859_1),
                "message/rfc822", data.length, contentId(part), data));
        if (forwarded == null && depth < MAX_DEPTH) {
            forwarded = new MimeWalker(partsLeft).walk(nested, depth + 1, false);
        }
    }

    private Body body(String mediaType, MimeParams type, byte[] data) {
        String charset = type.param("charset");
        if (mediaType.equals("text/html")) {
            if (charset == null) {
                Matcher meta = META_CHARSET.matcher(new String(data, 0, Math.min(data.length, 2048),
                        StandardCharsets.ISO_8859_1));
                charset = meta.find() ? meta.group(1) : null;
            }
            return new Body(HtmlText.toText(CONTROLS.matcher(MailCharsets.decode(data, charset)).replaceAll("")), true);
        }
        boolean flowed = "flowed".equalsIgnoreCase(stripped(type.param("format")));
        boolean delSp = "yes".equalsIgnoreCase(stripped(type.param("delsp")));
        return new Body(plain(MailCharsets.decode(data, charset), flowed, delSp), false);
    }

    /** Line ends as {@code \n}, control characters dropped, format=flowed joined (RFC 3676), trailing space cut. */
    static String plain(String text, boolean flowed, boolean delSp) {
        String t = CONTROLS.matcher(text.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
        String[] lines = t.split("\n", -1);
        StringBuilder out = new StringBuilder(t.length());
        StringBuilder paragraph = new StringBuilder();
        int paragraphDepth = -1;
        for (String line : lines) {
            if (!flowed) {
                out.append(line.stripTrailing()).append('\n');
                continue;
            }
            int depth = 0;
            while (depth < line.length() && line.charAt(depth) == '>') {
                depth++;
            }
            String content = line.substring(depth);
            content = content.startsWith(" ") ? content.substring(1) : content;
            boolean soft = content.endsWith(" ") && !content.equals("-- ");
            if (paragraphDepth >= 0 && depth != paragraphDepth) {
                out.append(paragraph.toString().stripTrailing()).append('\n');
                paragraph.setLength(0);
                paragraphDepth = -1;
            }
            if (paragraphDepth < 0) {
                paragraph.append(depth > 0 ? ">".repeat(depth) + " " : "");
                paragraphDepth = depth;
            }
            paragraph.append(soft && delSp ? content.substring(0, content.length() - 1) : content);
            if (!soft) {
                out.append(paragraph.toString().stripTrailing()).append('\n');
                paragraph.setLength(0);
                paragraphDepth = -1;
            }
        }
        out.append(paragraph);
        return out.toString().strip();
    }

    private static String fileName(MimeParams type, MimeParams disposition, Charset fallback) {
        String name = disposition.text("filename", fallback);
        return io.leadgate.inquiry.SafeFileName.clean(name != null ? name : type.text("name", fallback));
    }

    private static String contentId(MimePart part) {
        String id = header(part, "Content-ID");
        if (id == null) {
            return null;
        }
        String clean = HeaderText.unfold(id).strip().replaceAll("^<|>$", "");
        return clean.isEmpty() || clean.matches(".*[\\s<>\\p{Cc}].*") ? null : clean;
    }

    private static String stripped(String v) {
        return v == null ? "" : v.strip();
    }

    private static String firstAddress(String header) {
        List<ParsedMail.Mailbox> from = header == null ? List.of() : MailAddresses.parse(header);
        return from.isEmpty() ? null : from.get(0).address();
    }

    static String header(MimePart part, String name) {
        try {
            return part.getHeader(name, null);
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static byte[] raw(MimePart part) {
        try (InputStream in = part instanceof MimeMessage m ? m.getRawInputStream()
                : ((MimeBodyPart) part).getRawInputStream()) {
            return in.readAllBytes();
        } catch (MessagingException | IOException | RuntimeException e) {
            return new byte[0];
        }
    }
}
