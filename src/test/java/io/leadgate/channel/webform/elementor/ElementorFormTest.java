package io.leadgate.channel.webform.elementor;

import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.webform.FormBodyParser;
import io.leadgate.channel.webform.FormFields;
import io.leadgate.channel.webform.FormMapper;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.UrlQuery;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Elementor Pro webhook shapes and Contact Form 7 posts, through {@link ElementorForm} and then {@link FormMapper}. */
class ElementorFormTest {

    private static final FormMapper.Context RU = new FormMapper.Context("webform", "RU", Map.of(), "honeypot", null, null);

    private static FormFields form(String urlEncoded) {
        return FormFields.of(UrlQuery.parse(urlEncoded));
    }

    private static String text(String name) throws IOException {
        try (InputStream in = ElementorFormTest.class.getResourceAsStream("/fixtures/webform/elementor/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static FormFields fixture(String name) throws IOException {
        return form(text(name));
    }

    @Test
    void advancedDataBecomesPlainFields() throws IOException {
        FormFields plain = ElementorForm.normalise(fixture("advanced-data.txt"));
        assertEquals(List.of("Имя", "Email", "Телефон", "Сообщение", "Интересует", "honeypot", "landing_page",
                "user_agent", "remote_ip", "form_name", "form_id"), plain.fields().stream().map(FormFields.Field::name).toList());
        assertEquals("Олег", plain.first("Имя").orElseThrow());
    }

    @Test
    void advancedDataMapsToContactTextAndAttribution() throws IOException {
        Inquiry item = FormMapper.map(ElementorForm.normalise(fixture("advanced-data.txt")), RU);
        assertEquals("Олег", item.contact().name());
        assertEquals(List.of("oleg@example.ru"), item.contact().emails());
        assertEquals(List.of("+79160001122"), item.contact().phones());
        assertEquals("Хочу скидку на доставку", item.text());
        assertEquals("https://site.example/landing?utm_source=vk&utm_medium=social", item.attribution().landingPage());
        assertEquals(Map.of("utm_source", "vk", "utm_medium", "social"), item.attribution().utm());
        assertEquals("Форма обратной связи", item.extra().get("form_name"));
        assertEquals("a1b2c3d", item.extra().get("form_id"));
        assertEquals("Доставка", item.extra().get("Интересует"));
        assertEquals("203.0.113.7", item.extra().get("remote_ip"));
        assertTrue(item.extra().keySet().stream().noneMatch(k -> k.startsWith("fields[") || k.startsWith("meta[")),
                item.extra().toString());
    }

    @Test
    void filledHoneypotFieldIsCaughtByTheChannelHoneypot() throws IOException {
        String filled = text("advanced-data.txt").replace("fields%5Bfield_hp01%5D%5Bvalue%5D=&",
                "fields%5Bfield_hp01%5D%5Bvalue%5D=http%3A%2F%2Fspam.example&");
        FormFields spam = form(filled);
        assertEquals("http://spam.example", ElementorForm.normalise(spam).first("honeypot").orElseThrow());
        assertEquals(io.leadgate.inquiry.Kind.IGNORED, FormMapper.map(ElementorForm.normalise(spam), RU).kind());
    }

    @Test
    void advancedDataPostedAsJsonIsRecognisedToo() throws UnparseableException {
        FormFields json = FormBodyParser.json("""
                {"form": {"id": "f1", "name": "Quote"},
                 "fields": {"field_1": {"id": "field_1", "type": "text", "title": "Your Name", "value": "Bob"},
                            "phone": {"id": "phone", "type": "tel", "title": "How do we reach you?", "value": "+1 617 555 0199"}},
                 "meta": {"page_url": {"title": "Page URL", "value": "https://example.com/quote"}}}"""
                .getBytes(StandardCharsets.UTF_8));
        Inquiry item = FormMapper.map(ElementorForm.normalise(json), RU);
        assertEquals("Bob", item.contact().name());
        assertEquals(List.of("+16175550199"), item.contact().phones(), "title unknown, id 'phone' recognised");
        assertEquals("https://example.com/quote", item.attribution().landingPage());
        assertEquals("Quote", item.extra().get("form_name"));
    }

    @Test
    void simpleDataLosesOnlyTheCreditLine() throws IOException {
        FormFields simple = fixture("simple-data.txt");
        FormFields plain = ElementorForm.normalise(simple);
        assertEquals(simple.fields().size() - 1, plain.fields().size());
        Inquiry item = FormMapper.map(plain, RU);
        assertEquals("Olga", item.contact().name());
        assertEquals("Please call back", item.text());
        assertEquals("https://site.example/contact?gclid=TEST-GCLID", item.attribution().landingPage());
        assertEquals("TEST-GCLID", item.attribution().clickIds().get("gclid"));
        assertTrue(!item.extra().containsKey("Powered by"), item.extra().toString());
    }

    @Test
    void contactForm7FieldsAreRecognisedAndControlFieldsDropped() throws IOException {
        FormFields cf7 = fixture("contact-form-7.txt");
        Inquiry raw = FormMapper.map(cf7, RU);
        assertEquals("Пётр", raw.contact().name());
        assertEquals(List.of("petr@example.ru"), raw.contact().emails());
        assertEquals("Вопрос по заказу", raw.subject());
        assertEquals("Где мой заказ №1234?", raw.text());
        assertEquals("5.9.3", raw.extra().get("_wpcf7_version"), "without normalise the control fields are extra");
        Inquiry item = FormMapper.map(ElementorForm.normalise(cf7), RU);
        assertEquals("Пётр", item.contact().name());
        assertEquals("Вопрос по заказу", item.subject());
        assertEquals(Map.of(), item.extra());
    }

    @Test
    void otherFormsComeBackUnchanged() {
        FormFields plain = form("name=Ivan&phone=89161234567&message=Hi");
        assertSame(plain, ElementorForm.normalise(plain));
        FormFields nested = form("form%5Bname%5D=Ivan&form%5Bphone%5D=89161234567&meta%5Bsource%5D=ad");
        assertSame(nested, ElementorForm.normalise(nested));
    }
}
