package io.leadgate.channel.webform.typeform;

import io.leadgate.channel.webform.FormField;
import io.leadgate.channel.webform.typeform.TypeformEvent.Answer;
import io.leadgate.channel.webform.typeform.TypeformEvent.Field;
import io.leadgate.channel.webform.typeform.TypeformEvent.FormResponse;
import io.leadgate.inquiry.AttributionExtractor;
import io.leadgate.inquiry.ChannelFamily;
import io.leadgate.inquiry.ContactInfoBuilder;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.Reason;
import io.leadgate.inquiry.Timestamps;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Typeform {@code form_response} as an inquiry. Answers are read by type: {@code email} and
 * {@code phone_number} answers and {@code contact_info} sub-fields are contact data; a {@code long_text} answer is
 * the text; a short text whose ref or title names a contact field ({@link QuestionMeaning}) is contact data too;
 * every other answer is kept as extra under its question's title. Hidden fields give the attribution. Pure.
 */
public final class TypeformMapper {

    static final String PROVIDER = "typeform";

    private TypeformMapper() {
    }

    public static Inquiry map(TypeformEvent event, String defaultRegion) {
        Inquiry.Builder inquiry = Inquiry.builder(ChannelFamily.WEBFORM, PROVIDER).externalId(event.eventId());
        if (!"form_response".equals(event.eventType())) {
            return inquiry.kind(Kind.IGNORED, "form_response_partial".equals(event.eventType())
                    ? Reason.PARTIAL_RESPONSE : Reason.SERVICE_EVENT).build();
        }
        FormResponse response = event.formResponse();
        inquiry.occurredAt(instant(response.submittedAt()))
                .extra("formId", response.formId())
                .extra("formTitle", response.definition() == null ? null : response.definition().title());
        if (response.calculated() != null && response.calculated().score() != null) {
            inquiry.extra("score", response.calculated().score().toPlainString());
        }
        ContactInfoBuilder contact = new ContactInfoBuilder(defaultRegion);
        Names names = new Names();
        List<String> texts = new ArrayList<>();
        Map<String, Field> questions = questions(response);
        for (Answer answer : response.answers() == null ? List.<Answer>of() : response.answers()) {
            Field question = question(questions, answer.field());
            String value = TypeformAnswers.value(answer);
            if (value == null || value.isBlank()) {
                continue;
            }
            Optional<FormField> meaning = meaning(answer, question);
            if (meaning.isEmpty()) {
                inquiry.extra(label(question), value);
            } else if (meaning.get() == FormField.MESSAGE) {
                texts.add(value.strip());
            } else {
                names.add(contact, meaning.get(), value);
            }
        }
        Map<String, String> hidden = TypeformAnswers.hidden(response.hidden());
        HiddenFacts facts = hiddenFacts(hidden, contact, names, inquiry);
        String metadataReferer = response.metadata() == null ? null : response.metadata().referer();
        names.addTo(contact);
        return inquiry.kind(Kind.LEAD, null)
                .contact(contact.build())
                .text(texts.isEmpty() ? null : String.join("\n", texts))
                .attribution(AttributionExtractor.extract(hidden, null, facts.referrer(),
                        facts.landing() != null ? facts.landing() : metadataReferer))
                .build();
    }

    private record HiddenFacts(String referrer, String landing) {
    }

    /** Hidden fields: contact fields fill the contact, referrer and landing page the attribution, others are extra. */
    private static HiddenFacts hiddenFacts(Map<String, String> hidden, ContactInfoBuilder contact, Names names,
                                           Inquiry.Builder inquiry) {
        String referrer = null;
        String landing = null;
        for (Map.Entry<String, String> e : hidden.entrySet()) {
            String key = e.getKey();
            String value = e.getValue();
            Optional<FormField> meaning = FormField.recognise(key);
            if (value.isBlank() || isAttributionKey(key)) {
                continue;
            }
            if (meaning.filter(QuestionMeaning.CONTACT::contains).isPresent()) {
                names.add(contact, meaning.get(), value);
            } else if (meaning.filter(FormField.REFERRER::equals).isPresent()) {
                referrer = referrer == null ? value.strip() : referrer;
            } else if (meaning.filter(FormField.LANDING_PAGE::equals).isPresent()) {
                landing = landing == null ? value.strip() : landing;
            } else {
                inquiry.extra(key, value);
            }
        }
        return new HiddenFacts(referrer, landing);
    }

    private static Optional<FormField> meaning(Answer answer, Field question) {
        if (question.subfieldKey() != null) {
            return switch (question.subfieldKey()) {
                case "first_name" -> Optional.of(FormField.FIRST_NAME);
                case "last_name" -> Optional.of(FormField.LAST_NAME);
                case "email" -> Optional.of(FormField.EMAIL);
                case "phone_number" -> Optional.of(FormField.PHONE);
                case "company" -> Optional.of(FormField.COMPANY);
                default -> Optional.empty();
            };
        }
        if ("email".equals(answer.type())) {
            return Optional.of(FormField.EMAIL);
        }
        if ("phone_number".equals(answer.type())) {
            return Optional.of(FormField.PHONE);
        }
        if ("long_text".equals(question.type())) {
            return Optional.of(FormField.MESSAGE);
        }
        return "text".equals(answer.type()) ? QuestionMeaning.of(question.ref(), question.title()) : Optional.empty();
    }

    /** The questions by id, with the sub-fields of {@code contact_info} and question groups. */
    private static Map<String, Field> questions(FormResponse response) {
        Map<String, Field> byId = new LinkedHashMap<>();
        if (response.definition() != null && response.definition().fields() != null) {
            response.definition().fields().forEach(f -> index(f, byId));
        }
        return byId;
    }

    private static void index(Field field, Map<String, Field> byId) {
        if (field == null) {
            return;
        }
        if (field.id() != null) {
            byId.putIfAbsent(field.id(), field);
        }
        if (field.properties() != null && field.properties().fields() != null) {
            field.properties().fields().forEach(f -> index(f, byId));
        }
    }

    /** The answer's question: the definition's entry (it has the title) completed by what the answer says. */
    private static Field question(Map<String, Field> questions, Field answered) {
        Field a = answered == null ? new Field(null, null, null, null, null, null) : answered;
        Field d = a.id() == null ? null : questions.get(a.id());
        if (d == null) {
            return a;
        }
        return new Field(a.id(), d.title() != null ? d.title() : a.title(), a.type() != null ? a.type() : d.type(),
                d.ref() != null ? d.ref() : a.ref(), d.subfieldKey() != null ? d.subfieldKey() : a.subfieldKey(), null);
    }

    private static String label(Field question) {
        if (question.title() != null && !question.title().isBlank()) {
            return question.title().strip();
        }
        return question.ref() != null ? question.ref() : String.valueOf(question.id());
    }

    private static boolean isAttributionKey(String key) {
        String k = key.toLowerCase(java.util.Locale.ROOT);
        return k.startsWith("utm_") || AttributionExtractor.CLICK_IDS.contains(k);
    }

    private static Instant instant(String text) {
        return Timestamps.iso(text);
    }

    /** A person's name from whole-name and first / middle / last answers; the first answer of each part wins. */
    private static final class Names {
        private final List<String> full = new ArrayList<>();
        private final String[] parts = new String[3];

        /** Adds a contact value: name parts are collected, the rest goes to the contact builder. */
        void add(ContactInfoBuilder contact, FormField meaning, String value) {
            String v = value.strip();
            switch (meaning) {
                case NAME -> full.add(v);
                case FIRST_NAME -> parts[0] = parts[0] == null ? v : parts[0];
                case MIDDLE_NAME -> parts[1] = parts[1] == null ? v : parts[1];
                case LAST_NAME -> parts[2] = parts[2] == null ? v : parts[2];
                case EMAIL -> contact.email(v);
                case PHONE -> contact.phone(v);
                case COMPANY -> contact.company(v);
                default -> { }
            }
        }

        void addTo(ContactInfoBuilder contact) {
            List<String> split = new ArrayList<>();
            for (String p : parts) {
                if (p != null) {
                    split.add(p);
                }
            }
            full.forEach(contact::name);
            if (!split.isEmpty()) {
                contact.name(String.join(" ", split));
            }
        }
    }
}
