package io.leadgate.channel.webform.typeform;

import io.leadgate.channel.webform.FormField;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a Typeform text question asks for, read from its {@code ref} or title: the whole text as a field name
 * ({@code first_name}, {@code Ваше имя}) or a run of up to three of its words ({@code What is your first name?}).
 * Only contact meanings are looked for; single words that are often something else ({@code first}, {@code last})
 * do not count on their own.
 */
final class QuestionMeaning {

    static final Set<FormField> CONTACT = EnumSet.of(FormField.NAME, FormField.FIRST_NAME, FormField.LAST_NAME,
            FormField.MIDDLE_NAME, FormField.EMAIL, FormField.PHONE, FormField.COMPANY);
    private static final Set<String> AMBIGUOUS_WORDS = Set.of("first", "last", "cell", "org", "mail", "tel");
    /** Words {@link FormField#recognise} drops in front of a field name. */
    private static final Set<String> POSSESSIVES = Set.of("your", "ваш", "ваша", "ваше", "ваши");
    /** Russian "как вас зовут" ("what are you called") has no name noun. */
    private static final String CALLED_RU = "зовут";

    private QuestionMeaning() {
    }

    /** The contact meaning of a question, first by its ref, then by its title. */
    static Optional<FormField> of(String ref, String title) {
        return byText(ref).or(() -> byText(title));
    }

    private static Optional<FormField> byText(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Optional<FormField> whole = FormField.recognise(text).filter(CONTACT::contains);
        if (whole.isPresent()) {
            return whole;
        }
        List<String> words = Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty()).toList();
        if (words.contains(CALLED_RU)) {
            return Optional.of(FormField.NAME);
        }
        List<FormField> found = new ArrayList<>();
        for (int size = Math.min(3, words.size()); size >= 1; size--) {
            for (int from = 0; from + size <= words.size(); from++) {
                List<String> run = words.subList(from, from + size);
                List<String> content = run.stream().filter(w -> !POSSESSIVES.contains(w)).toList();
                if (content.isEmpty() || (content.size() == 1 && AMBIGUOUS_WORDS.contains(content.get(0)))) {
                    continue; // "your last" is no last name
                }
                FormField.recognise(String.join("", run)).filter(CONTACT::contains).ifPresent(found::add);
            }
        }
        // "the name of your company" names a company, not a person
        return found.contains(FormField.COMPANY) ? Optional.of(FormField.COMPANY) : found.stream().findFirst();
    }
}
