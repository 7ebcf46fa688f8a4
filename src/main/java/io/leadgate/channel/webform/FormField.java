package io.leadgate.channel.webform;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a form field means. Field names are recognised by built-in synonyms in English and Russian, compared after
 * folding case, separators and a leading "your"/"ваш" ({@code your-name}, {@code Ваше имя}, {@code E-mail},
 * {@code Телефон}); a channel's {@code fields} mapping names others.
 */
public enum FormField {
    NAME("name", "name", "fio", "fullname", "contactname", "clientname", "customername", "имя", "фио", "имяфамилия",
            "контактноелицо"),
    FIRST_NAME("first-name", "firstname", "fname", "givenname", "first"),
    LAST_NAME("last-name", "lastname", "lname", "surname", "familyname", "last", "фамилия"),
    MIDDLE_NAME("middle-name", "middlename", "secondname", "patronymic", "отчество"),
    PHONE("phone", "phone", "tel", "telephone", "phonenumber", "phoneno", "mobile", "mobilephone", "cellphone",
            "cell", "телефон", "тел", "номертелефона", "мобильный", "мобильныйтелефон", "контактныйтелефон"),
    EMAIL("email", "email", "mail", "emailaddress", "почта", "электроннаяпочта", "емейл", "имейл", "емайл"),
    MESSAGE("message", "message", "comment", "comments", "text", "question", "body", "enquiry", "inquiry", "note",
            "notes", "description", "details", "request", "сообщение", "комментарий", "вопрос", "текст", "описание",
            "заявка", "примечание"),
    COMPANY("company", "company", "companyname", "organization", "organisation", "org", "компания", "организация",
            "названиекомпании"),
    SUBJECT("subject", "subject", "topic", "тема"),
    REFERRER("referrer", "referrer", "referer", "httpreferer", "documentreferrer"),
    LANDING_PAGE("landing-page", "landingpage", "landing", "page", "pageurl", "url", "sourceurl", "formurl",
            "currenturl", "страница"),
    /** Dropped: neither contact data nor extra data. */
    IGNORE("ignore");

    private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-.:*]+");
    private static final Pattern YOUR = Pattern.compile("^(your|ваш[аеи]?)(?=.)");
    private static final Pattern BRACKETED = Pattern.compile("^[^\\[]*\\[([^\\[\\]]+)]$");
    private static final Map<String, FormField> BY_SYNONYM = new HashMap<>();

    static {
        for (FormField f : values()) {
            for (String s : f.synonyms) {
                BY_SYNONYM.put(s, f);
            }
        }
    }

    private final String code;
    private final String[] synonyms;

    FormField(String code, String... synonyms) {
        this.code = code;
        this.synonyms = synonyms;
    }

    /** The name used in a channel's {@code fields} mapping. */
    public String code() {
        return code;
    }

    /** The meaning of a field by its name, when the name is a known synonym. */
    public static Optional<FormField> recognise(String fieldName) {
        return Optional.ofNullable(BY_SYNONYM.get(fold(fieldName)));
    }

    /** The meaning named in a channel's {@code fields} mapping ({@code phone}, {@code first-name}, …). */
    public static Optional<FormField> byCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equalsIgnoreCase(code.strip())).findFirst();
    }

    /** Folds a field name for synonym lookup: {@code "Your E-mail"} → {@code "email"}, {@code "form[Phone]"} → {@code "phone"}. */
    static String fold(String fieldName) {
        String s = fieldName.strip().toLowerCase(Locale.ROOT);
        var bracketed = BRACKETED.matcher(s);
        if (bracketed.matches()) {
            s = bracketed.group(1);
        }
        int dot = s.lastIndexOf('.');
        if (dot >= 0 && dot < s.length() - 1) { // a flattened JSON key: contact.phone -> phone
            s = s.substring(dot + 1);
        }
        s = SEPARATORS.matcher(s).replaceAll("").replace('ё', 'е');
        return YOUR.matcher(s).replaceFirst("");
    }
}
