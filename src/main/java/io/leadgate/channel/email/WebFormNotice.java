package io.leadgate.channel.email;

import io.leadgate.channel.webform.FormField;
import io.leadgate.inquiry.EmailNormalizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A site's form notification sent by mail, recognised by its structure in any language, never by words:
 * <ul>
 *   <li>the sender is the site's robot: a role mailbox ({@code no-reply@}, {@code wordpress@}, {@code www-data@}, …) or
 *       an address of the recipient's own domain (the site mails its owner, {@code info@shop.example} →
 *       {@code sales@shop.example}), and</li>
 *   <li>Reply-To names someone else (the visitor), or the body lists form fields — at least two {@code Label: value}
 *       lines (also tab-separated table cells), one of whose values is an email address or a phone number.</li>
 * </ul>
 * Values are read by their shape: an email address, a phone number (one libphonenumber found in the text), a name
 * (the first word-only values before the contact fields). Labels the web-form synonyms know ({@link FormField}) are
 * used where they help (a name, a company), never needed. The visitor, not the sender, is the contact.
 *
 * @param visitor the Reply-To mailbox when it differs from the robot sender, or null
 */
record WebFormNotice(List<String> names, List<String> phones, List<String> emails, String company,
                     ParsedMail.Mailbox visitor) {

    private static final Pattern FIELD_LINE = Pattern.compile(
            "^\\s*\\**([\\p{L}][\\p{L}\\p{M}\\p{N} ._'’()\\-]{0,40}?)\\**\\s*(?:[:：]|\\t)(.*)$");
    /** Letters of any script, with spaces, hyphens, apostrophes and dots between: a person's name by shape. */
    private static final Pattern NAME_SHAPE = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M}'’.\\-]*"
            + "(?:\\s+[\\p{L}\\p{M}][\\p{L}\\p{M}'’.\\-]*){0,4}");
    private static final int MAX_VALUE = 200;
    private static final int MAX_NAME = 80;

    /** One {@code Label: value} line of the body. */
    private record Field(String label, String value) {
    }

    static Optional<WebFormNotice> detect(ParsedMail mail) {
        if (!siteSender(mail)) {
            return Optional.empty();
        }
        List<Field> fields = fields(mail.body());
        ParsedMail.Mailbox visitor = visitor(mail);
        List<String> names = new ArrayList<>();
        List<String> first = new ArrayList<>(); // first, middle, last name fields, joined as one name
        List<String> shapedNames = new ArrayList<>(); // word-only values before the first contact field
        List<String> phones = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        String company = null;
        boolean contactSeen = false;
        for (Field f : fields) {
            FormField meaning = FormField.recognise(f.label()).orElse(null);
            if (isEmail(f.value())) {
                emails.add(f.value());
                contactSeen = true;
            } else if (meaning == FormField.PHONE || isPhone(f.value(), mail.phones())) {
                phones.add(f.value());
                contactSeen = true;
            } else if (meaning == FormField.NAME) {
                names.add(f.value());
            } else if (meaning == FormField.FIRST_NAME || meaning == FormField.MIDDLE_NAME || meaning == FormField.LAST_NAME) {
                first.add(f.value());
            } else if (meaning == FormField.COMPANY) {
                company = company == null ? f.value() : company;
            } else if (meaning == null && !contactSeen && shapedNames.size() < 2 && f.value().length() <= MAX_NAME
                    && NAME_SHAPE.matcher(f.value()).matches()) {
                shapedNames.add(f.value());
            }
        }
        if (!first.isEmpty()) {
            names.add(String.join(" ", first));
        }
        boolean form = fields.size() >= 2 && (!phones.isEmpty() || !emails.isEmpty());
        if (!form && visitor == null) {
            return Optional.empty();
        }
        if (names.isEmpty() && (visitor == null || visitor.name() == null) && !shapedNames.isEmpty()) {
            names.add(String.join(" ", shapedNames));
        }
        return Optional.of(new WebFormNotice(names, form ? phones : List.of(), form ? emails : List.of(),
                form ? company : null, visitor));
    }

    /**
     * The site's own robot: a role mailbox ({@link MailSenders#isRobot}), or an address of a domain the mail was sent
     * to (a site mailing its owner from its own domain; also the owner's own address with the visitor in Reply-To).
     */
    static boolean siteSender(ParsedMail mail) {
        if (mail.from() == null || mail.from().address() == null) {
            return false;
        }
        if (MailSenders.isRobot(mail.from())) {
            return true;
        }
        String domain = domain(mail.from().address());
        return !domain.isEmpty() && mail.to().stream().map(ParsedMail.Mailbox::address)
                .anyMatch(to -> to != null && domain.equals(domain(to)));
    }

    /** The {@code Label: value} lines of the body, quoted lines left out; a value may stand on the next line. */
    private static List<Field> fields(String body) {
        List<Field> out = new ArrayList<>();
        String[] lines = body == null ? new String[0] : body.split("\n");
        for (int i = 0; i < lines.length; i++) {
            Matcher m = FIELD_LINE.matcher(lines[i]);
            if (lines[i].stripLeading().startsWith(">") || !m.matches()) {
                continue;
            }
            String value = m.group(2).strip().replaceAll("^\\*+|\\*+$", "").strip();
            if (value.isEmpty() && i + 1 < lines.length && !lines[i + 1].isBlank()
                    && !FIELD_LINE.matcher(lines[i + 1]).matches()) {
                value = lines[++i].strip(); // "Name:" with the value on the next line
            }
            if (!value.isEmpty() && value.length() <= MAX_VALUE) {
                out.add(new Field(m.group(1).strip(), value));
            }
        }
        return out;
    }

    /**
     * The Reply-To of the robot sender, when it names someone else: not the sender, not a role mailbox, and not of the
     * sender's own domain ({@code noreply@shop.example} answering to {@code support@shop.example} is the shop).
     */
    private static ParsedMail.Mailbox visitor(ParsedMail mail) {
        String senderDomain = domain(mail.from().address());
        return mail.replyTo().stream()
                .filter(r -> r.address() != null && !r.address().equals(mail.from().address()) && !MailSenders.isRobot(r)
                        && !domain(r.address()).equals(senderDomain))
                .findFirst().orElse(null);
    }

    private static boolean isEmail(String value) {
        return value.indexOf('@') > 0 && !value.contains(" ") && EmailNormalizer.normalize(value).isPresent();
    }

    /** A value that is one of the phone numbers found in the mail's text (so a date or an order number is not). */
    private static boolean isPhone(String value, List<String> found) {
        return found.stream().anyMatch(value::contains);
    }

    private static String domain(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
