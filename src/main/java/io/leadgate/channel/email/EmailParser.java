package io.leadgate.channel.email;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.leadgate.channel.Secrets;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a raw RFC 5322 / MIME message (bytes as received) into a {@link ParsedMail} with Jakarta Mail's parser and
 * lenient decoding around it. Pure and thread-safe; never throws: whatever cannot be read is kept as text.
 */
public final class EmailParser {

    private static final int MAX_PHONE_SEARCH = 20_000;
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final List<String> MAIL_HEADERS = List.of("From", "To", "Subject", "Date", "Message-ID",
            "Content-Type", "MIME-Version", "Received", "Return-Path", "Sender", "Reply-To");
    private static final Pattern FORWARD = Pattern.compile("(?iu)^\\s*(fwd?|fw|wg|tr|пересл|пересылка|переслано)\\s*:.*");

    private EmailParser() {
    }

    /** @param defaultRegion the channel's region for national phone numbers in the text (ISO 3166 alpha-2), or null */
    public static ParsedMail parse(byte[] raw, String defaultRegion) {
        byte[] bytes = raw == null ? new byte[0] : raw;
        String sha256 = Secrets.hex(Secrets.sha256(bytes));
        try {
            return read(bytes, sha256, defaultRegion);
        } catch (MessagingException | RuntimeException e) {
            String text = MimeWalker.plain(MailCharsets.decodeUnlabelled(bytes, StandardCharsets.ISO_8859_1), false, false);
            return new ParsedMail(null, sha256, null, List.of(), List.of(), List.of(), null, null, List.of(), List.of(),
                    text, text, false, List.of(), List.of(), new MailHeaders(Map.of(), StandardCharsets.ISO_8859_1),
                    "text/plain", null, List.of(), null, null);
        }
    }

    private static ParsedMail read(byte[] bytes, String sha256, String region) throws MessagingException {
        MimeMessage message = MimeReading.message(bytes);
        MimeWalker walker = new MimeWalker();
        MimeWalker.Body body = walker.walk(message, 0, false);
        MimeParams type = MimeParams.parse(MimeWalker.header(message, "Content-Type"));
        MailHeaders headers = new MailHeaders(headers(message), fallbackCharset(type.param("charset"), walker.firstCharset));

        String subject = headers.text("Subject");
        String full = body.text();
        boolean html = body.html();
        if (full.isBlank() && walker.inlineText != null && !walker.inlineText.isBlank()) {
            full = walker.inlineText;
            html = false;
        } else if (full.isBlank() && walker.forwarded != null) {
            full = walker.forwarded.text();
            html = walker.forwarded.html();
        } else if (full.isBlank() && MAIL_HEADERS.stream().noneMatch(headers::has)) { // not a mail: keep it as text
            full = MimeWalker.plain(MailCharsets.decodeUnlabelled(bytes, StandardCharsets.ISO_8859_1), false, false);
        }
        String text = ReplyTrimmer.trim(full, subject != null && FORWARD.matcher(subject).matches());
        List<ParsedMail.Mailbox> from = MailAddresses.parse(headers.bytesDecoded("From"));
        return new ParsedMail(MessageIds.first(headers.raw("Message-ID")), sha256, from.isEmpty() ? null : from.get(0),
                MailAddresses.parse(headers.bytesDecoded("Reply-To")), MailAddresses.parse(headers.bytesDecoded("To")),
                MailAddresses.parse(headers.bytesDecoded("Cc")), subject, MailDates.parse(headers.raw("Date")),
                MessageIds.parse(headers.raw("In-Reply-To")), MessageIds.parse(headers.raw("References")),
                full, text, html, walker.attachments, phones(subject, text, region), headers,
                type.value().contains("/") ? type.value() : "text/plain", walker.reportType, walker.deliveryStatus,
                walker.originalMessageId, walker.originalFrom);
    }

    private static Map<String, List<String>> headers(MimeMessage message) throws MessagingException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Enumeration<Header> all = message.getAllHeaders();
        while (all.hasMoreElements()) {
            Header h = all.nextElement();
            if (h.getValue() != null) {
                out.computeIfAbsent(h.getName().strip(), k -> new ArrayList<>()).add(h.getValue());
            }
        }
        return out;
    }

    /** Raw 8-bit header bytes that are not UTF-8 are read in the body's charset, else as ISO-8859-1. */
    private static Charset fallbackCharset(String topLevel, String firstText) {
        for (String label : new String[]{topLevel, firstText}) {
            Charset cs = MailCharsets.lookup(label).orElse(null);
            if (cs != null && !cs.equals(StandardCharsets.UTF_8) && !cs.equals(StandardCharsets.US_ASCII)) {
                return cs;
            }
        }
        return StandardCharsets.ISO_8859_1;
    }

    /** Phone numbers libphonenumber finds valid in the subject and the reply text (its start), as written. */
    private static List<String> phones(String subject, String text, String region) {
        String haystack = (subject == null ? "" : subject + "\n") + (text == null ? "" : text);
        haystack = haystack.length() > MAX_PHONE_SEARCH ? haystack.substring(0, MAX_PHONE_SEARCH) : haystack;
        String r = region == null || region.isBlank() ? "ZZ" : region.toUpperCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (PhoneNumberMatch match : PHONES.findNumbers(haystack, r, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
            if (!out.contains(match.rawString())) {
                out.add(match.rawString());
            }
        }
        return out;
    }
}
