package io.leadgate.channel.webform.typeform;

import io.leadgate.channel.webform.FormField;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How a Typeform question's ref or title is read as a contact field. */
class QuestionMeaningTest {

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "readable_ref_short_text | What is your first name?              | FIRST_NAME",
            "-                       | Your First Name:                      | FIRST_NAME",
            "contact_last_name       | Anything                              | LAST_NAME",
            "-                       | What's your name?                     | NAME",
            "-                       | Как вас зовут?                        | NAME",
            "-                       | Ваше имя                              | NAME",
            "-                       | Your Email Address:                   | EMAIL",
            "-                       | What is the name of your company?     | COMPANY",
            "-                       | Название компании                     | COMPANY",
            "-                       | Which phone number should we call?    | PHONE",
            "-                       | What was your last trip?              | -",
            "-                       | Which city do you like first?         | -",
            "0c5a7e2e-uuid-like-ref  | Their favourite colour                | -",
    })
    void readsContactMeaningFromRefOrTitle(String ref, String title, String expected) {
        assertEquals(Optional.ofNullable(expected).map(FormField::valueOf), QuestionMeaning.of(ref, title));
    }
}
