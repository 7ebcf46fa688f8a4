package io.leadgate.channel.email;

import io.leadgate.channel.webform.FormField;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A site's form notification sent by mail: a robot sender ({@code noreply@}, {@code wordpress@}) with the visitor in
 * Reply-To, or a body with field lines ({@code Name: … / Phone: … / Email: …}, {@code Имя: … / Телефон: …}, also
 * tab-separated table cells) naming a person and a phone or email. Field names are recognised by the web-form
 * synonyms ({@link FormField#recognise}). The visitor, not the sender, is the contact.
 *
 * @param visitor the Reply-To mailbox when it differs from a robot sender, or null
 */
record WebFormNotice(List<String> names, List<String> phones, List<String> emails, String company,
                     ParsedMail.Mailbox visitor) {

    private static final Pattern FIELD_LINE = Pattern.compile(
            "^\\s*\\**([\\p{L}][\\p{L}\\p{M}\\p{N} ._'’()\\-]{0,40}?)\\**\\s*(?:[:：]|\\t)(.*)$");

    static Optional<WebFormNotice> detect(ParsedMail mail) {
        List<String> first = new ArrayList<>(); // first, middle, last name fields, joined as one name
        List<String> names = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        String company = null;
        String[] lines = mail.body() == null ? new String[0] : mail.body().split("\n");
        for (int i = 0; i < lines.length; i++) {
            Matcher m = FIELD_LINE.matcher(lines[i]);
            if (lines[i].stripLeading().startsWith(">") || !m.matches()) {
                continue;
            }
            Optional<FormField> field = FormField.recognise(m.group(1));
            if (field.isEmpty()) {
                continue;
            }
            String value = m.group(2).strip().replaceAll("^\\*+|\\*+$", "").strip();
            if (value.isEmpty() && i + 1 < lines.length && !FIELD_LINE.matcher(lines[i + 1]).matches()) {
                value = lines[++i].strip(); // "Имя:" with the value on the next line
            }
            if (value.isEmpty() || value.length() > 200) {
                continue;
            }
            switch (field.get()) {
                case NAME -> names.add(value);
                case FIRST_NAME, MIDDLE_NAME, LAST_NAME -> first.add(value);
                case PHONE -> phones.add(value);
                case EMAIL -> emails.add(value);
                case COMPANY -> company = company == null ? value : company;
                default -> { }
            }
        }
        if (!first.isEmpty()) {
            names.add(String.join(" ", first));
        }
        ParsedMail.Mailbox visitor = visitor(mail);
        boolean fieldsNamePerson = !names.isEmpty() && (!phones.isEmpty() || !emails.isEmpty());
        if (!fieldsNamePerson && visitor == null) {
            return Optional.empty();
        }
        return Optional.of(new WebFormNotice(names, phones, emails, company, visitor));
    }

    /** The Reply-To of a robot sender, when it names someone else. */
    private static ParsedMail.Mailbox visitor(ParsedMail mail) {
        if (!MailSenders.isRobot(mail.from())) {
            return null;
        }
        return mail.replyTo().stream()
                .filter(r -> r.address() != null && !r.address().equals(mail.from().address()) && !MailSenders.isRobot(r))
                .findFirst().orElse(null);
    }
}
