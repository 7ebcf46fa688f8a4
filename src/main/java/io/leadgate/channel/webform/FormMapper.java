package io.leadgate.channel.webform;

import io.leadgate.inquiry.Attribution;
import io.leadgate.inquiry.AttributionExtractor;
import io.leadgate.inquiry.ChannelFamily;
import io.leadgate.inquiry.ContactInfoBuilder;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.Reason;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns form fields into an inquiry: contact fields by synonym or by the channel's mapping, UTM and click ids into
 * attribution, everything else kept as extra data. Pure.
 */
public final class FormMapper {

    /** Where the post came from, besides its fields. */
    public record Context(String provider, String defaultRegion, Map<String, String> mapping, String honeypot,
                          String hookQuery, String refererHeader) {
    }

    /** Field name prefixes of the website snippet's first- and last-touch visits. */
    public static final String FIRST_TOUCH = "lg_first_";
    public static final String LAST_TOUCH = "lg_last_";
    private static final String SNIPPET_PREFIX = "lg_";

    private FormMapper() {
    }

    public static Inquiry map(FormFields form, Context ctx) {
        Inquiry.Builder inquiry = Inquiry.builder(ChannelFamily.WEBFORM, ctx.provider());
        if (ctx.honeypot() != null && form.first(ctx.honeypot()).isPresent()) {
            return inquiry.kind(Kind.IGNORED, Reason.HONEYPOT).build();
        }
        ContactInfoBuilder contact = new ContactInfoBuilder(ctx.defaultRegion());
        List<String> fullNames = new ArrayList<>();
        List<String> nameParts = new ArrayList<>(); // first, middle, last, joined as one name
        String[] split = new String[3];
        List<String> messages = new ArrayList<>();
        String subject = null;
        String referrer = null;
        String landing = null;
        for (FormFields.Field field : form.fields()) {
            String value = field.value() == null ? "" : field.value().strip();
            if (field.name().equalsIgnoreCase(ctx.honeypot() == null ? "" : ctx.honeypot()) || isSnippetField(field.name())) {
                continue;
            }
            Optional<FormField> meaning = meaning(field.name(), ctx.mapping());
            if (meaning.isEmpty()) {
                if (!isAttributionKey(field.name()) && !value.isEmpty()) {
                    inquiry.extra(field.name(), value);
                }
                continue;
            }
            if (value.isEmpty()) {
                continue;
            }
            switch (meaning.get()) {
                case NAME -> fullNames.add(value);
                case FIRST_NAME -> split[0] = value;
                case MIDDLE_NAME -> split[1] = value;
                case LAST_NAME -> split[2] = value;
                case PHONE -> contact.phone(value);
                case EMAIL -> contact.email(value);
                case MESSAGE -> messages.add(value);
                case COMPANY -> contact.company(value);
                case SUBJECT -> subject = subject == null ? value : subject;
                case REFERRER -> referrer = referrer == null ? value : referrer;
                case LANDING_PAGE -> landing = landing == null ? value : landing;
                case IGNORE -> { }
            }
        }
        for (String part : split) {
            if (part != null) {
                nameParts.add(part);
            }
        }
        if (!nameParts.isEmpty()) {
            fullNames.add(String.join(" ", nameParts));
        }
        fullNames.forEach(contact::name);
        String landingPage = landing != null ? landing : ctx.refererHeader();
        Attribution attribution = withTouches(AttributionExtractor.extract(mappedAttribution(form, ctx.mapping()),
                ctx.hookQuery(), referrer, landingPage), form.firstValues());
        form.files().forEach(inquiry::attachment);
        return inquiry.kind(Kind.LEAD, null)
                .contact(contact.build())
                .subject(subject)
                .text(messages.isEmpty() ? null : String.join("\n", messages))
                .attribution(attribution)
                .build();
    }

    /**
     * Adds the first- and last-touch visits the website snippet sends ({@code lg_first_*}, {@code lg_last_*}); the
     * submission's own campaign fields stay on top and the last touch fills their gaps.
     */
    private static Attribution withTouches(Attribution own, Map<String, String> fields) {
        Optional<Attribution.Touch> first = AttributionExtractor.touch(fields, FIRST_TOUCH);
        Optional<Attribution.Touch> last = AttributionExtractor.touch(fields, LAST_TOUCH);
        if (first.isEmpty() && last.isEmpty()) {
            return own;
        }
        Attribution.Touch f = first.orElseGet(last::get);
        Attribution.Touch l = last.orElse(f);
        return own.orElse(l.asAttribution()).withTouches(f, l);
    }

    /** Fields the website snippet adds ({@code lg_first_utm_source}, {@code lg_rendered_at}, …): never extra data. */
    public static boolean isSnippetField(String name) {
        return name.regionMatches(true, 0, SNIPPET_PREFIX, 0, SNIPPET_PREFIX.length());
    }

    private static Optional<FormField> meaning(String name, Map<String, String> mapping) {
        for (Map.Entry<String, String> m : mapping.entrySet()) {
            if (m.getKey().equalsIgnoreCase(name)) {
                return m.getValue().toLowerCase(Locale.ROOT).startsWith("utm_")
                        ? Optional.of(FormField.IGNORE) // attribution fields are read by mappedAttribution
                        : FormField.byCode(m.getValue());
            }
        }
        return FormField.recognise(name);
    }

    /** The fields as attribution sees them: names mapped to {@code utm_*} in the channel mapping renamed. */
    private static Map<String, String> mappedAttribution(FormFields form, Map<String, String> mapping) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (FormFields.Field f : form.fields()) {
            String target = mapping.entrySet().stream().filter(m -> m.getKey().equalsIgnoreCase(f.name()))
                    .map(Map.Entry::getValue).findFirst().orElse(f.name());
            values.putIfAbsent(target, f.value());
        }
        return values;
    }

    private static boolean isAttributionKey(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.startsWith("utm_") || AttributionExtractor.CLICK_IDS.contains(n);
    }
}
