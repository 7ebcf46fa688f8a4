package io.leadgate.channel.webform;

import io.leadgate.channel.Headers;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.UnparseableException;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormMapperTest {

    private static final FormMapper.Context RU = new FormMapper.Context("webform", "RU", Map.of(), "hp", null, null);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "name=Ivan&phone=8 916 123 45 67&email=IVAN@mail.ru&message=Call me&company=ACME",
            "Имя=Ivan&Телефон=8 916 123 45 67&E-mail=IVAN@mail.ru&Сообщение=Call me&Компания=ACME",
            "your-name=Ivan&your-phone=8 916 123 45 67&your-email=IVAN@mail.ru&your-message=Call me&org=ACME",
            "fio=Ivan&tel=8 916 123 45 67&почта=IVAN@mail.ru&Комментарий=Call me&Организация=ACME",
            "ФИО=Ivan&Ваш телефон=8 916 123 45 67&Email=IVAN@mail.ru&comment=Call me&company_name=ACME",
    })
    void recognisesFieldsBySynonymInEnglishAndRussian(String body) {
        Inquiry i = FormMapper.map(FormFields.of(io.leadgate.inquiry.UrlQuery.parse(body)), RU);
        assertEquals(Kind.LEAD, i.kind());
        assertEquals("Ivan", i.contact().name());
        assertEquals(List.of("+79161234567"), i.contact().phones());
        assertEquals(List.of("ivan@mail.ru"), i.contact().emails());
        assertEquals("Call me", i.text());
        assertEquals("ACME", i.contact().company());
        assertTrue(i.extra().isEmpty(), i.extra().toString());
    }

    @Test
    void channelMappingNamesOtherFieldsAndUnknownFieldsStayAsExtra() {
        var ctx = new FormMapper.Context("webform", "RU", Map.of("tel2", "phone", "city", "ignore", "campaign", "utm_campaign"),
                null, "utm_source=hook", "https://shop.example/landing?gclid=G1&utm_medium=cpc");
        FormFields form = FormFields.of(io.leadgate.inquiry.UrlQuery.parse(
                "first_name=Test&last_name=Lastname&tel2=%2B7 (495) 123-45-67&city=Moscow&campaign=spring&plan=pro&utm_term=sofa"));
        Inquiry i = FormMapper.map(form, ctx);
        assertEquals("Test Lastname", i.contact().name());
        assertEquals(List.of("+74951234567"), i.contact().phones());
        assertEquals(Map.of("plan", "pro"), i.extra());
        assertEquals("spring", i.attribution().utm().get("utm_campaign"));
        assertEquals("hook", i.attribution().utm().get("utm_source"));
        assertEquals("cpc", i.attribution().utm().get("utm_medium"));
        assertEquals("sofa", i.attribution().utm().get("utm_term"));
        assertEquals("G1", i.attribution().clickIds().get("gclid"));
        assertEquals("https://shop.example/landing?gclid=G1&utm_medium=cpc", i.attribution().landingPage());
    }

    @Test
    void snippetTouchesAreKeptApartAndTheLastTouchFillsTheSubmissionsGaps() {
        Inquiry i = FormMapper.map(FormFields.of(io.leadgate.inquiry.UrlQuery.parse(
                "phone=+79161234567&utm_source=form-own&lg_first_utm_source=google&lg_first_gclid=G1"
                        + "&lg_first_landing_page=https://s.example/%3Futm_campaign%3Dspring"
                        + "&lg_last_utm_source=mail&lg_last_utm_medium=email&lg_last_referrer=https://mail.example/"
                        + "&lg_rendered_at=1&lg_submitted_at=5000")), RU);
        assertEquals("google", i.attribution().firstTouch().utm().get("utm_source"));
        assertEquals("spring", i.attribution().firstTouch().utm().get("utm_campaign"));
        assertEquals(Map.of("gclid", "G1"), i.attribution().firstTouch().clickIds());
        assertEquals(Map.of("utm_source", "mail", "utm_medium", "email"), i.attribution().lastTouch().utm());
        assertEquals("https://mail.example/", i.attribution().lastTouch().referrer());
        assertEquals("form-own", i.attribution().utm().get("utm_source"), "the submission's own field wins");
        assertEquals("email", i.attribution().utm().get("utm_medium"), "gaps filled from the last touch");
        assertTrue(i.attribution().clickIds().isEmpty(), "the first touch's click id stays with the first touch");
        assertTrue(i.extra().isEmpty(), i.extra().toString());
    }

    @Test
    void onlyOneTouchServesAsBothFirstAndLast() {
        Inquiry i = FormMapper.map(FormFields.of(io.leadgate.inquiry.UrlQuery.parse(
                "phone=+79161234567&lg_first_utm_source=google")), RU);
        assertEquals(i.attribution().firstTouch(), i.attribution().lastTouch());
        assertEquals("google", i.attribution().utm().get("utm_source"));
    }

    @Test
    void formWithoutSnippetFieldsHasNoTouches() {
        Inquiry i = FormMapper.map(FormFields.of(io.leadgate.inquiry.UrlQuery.parse("phone=+79161234567&utm_source=x")), RU);
        assertEquals(null, i.attribution().firstTouch());
        assertEquals(null, i.attribution().lastTouch());
    }

    @Test
    void filledHoneypotIsIgnored() {
        Inquiry i = FormMapper.map(FormFields.of(io.leadgate.inquiry.UrlQuery.parse("name=Bot&phone=+79161234567&hp=http://spam")), RU);
        assertEquals(Kind.IGNORED, i.kind());
        assertEquals(Reason.HONEYPOT, i.reason());
    }

    @Test
    void unnormalisablePhoneIsKeptRaw() {
        Inquiry i = FormMapper.map(FormFields.of(io.leadgate.inquiry.UrlQuery.parse("phone=555888")), RU);
        assertEquals(List.of(), i.contact().phones());
        assertEquals(List.of("555888"), i.contact().rawPhones());
    }

    @Test
    void jsonBodiesAreFlattened() throws UnparseableException {
        FormFields form = FormBodyParser.json("""
                {"contact": {"name": "Anna", "phone": 79161234567}, "message": "Hi", "tags": ["a", "b"],
                 "items": [{"sku": "X1"}], "empty": null}""".getBytes(StandardCharsets.UTF_8));
        Inquiry i = FormMapper.map(form, RU);
        assertEquals("Anna", i.contact().name());
        assertEquals(List.of("+79161234567"), i.contact().phones());
        assertEquals("a, b", i.extra().get("tags"));
        assertEquals("X1", i.extra().get("items[0].sku"));
    }

    @Test
    void jsonThatIsNotAnObjectIsUnparseable() {
        assertThrows(UnparseableException.class, () -> FormBodyParser.json("[1,2]".getBytes(StandardCharsets.UTF_8)));
        assertThrows(UnparseableException.class, () -> FormBodyParser.json("{\"name\": ".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void multipartFieldsAndFiles() throws UnparseableException {
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"Имя\"\r\n\r\nОльга\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"phone\"\r\n\r\n+7 916 765-43-21\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"cv\"; filename=\"cv.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 tiny\r\n"
                + "--XyZ--\r\n";
        HookRequest request = new HookRequest("POST", "", Headers.of(Map.of("Content-Type",
                List.of("multipart/form-data; boundary=XyZ"))), null, body.getBytes(StandardCharsets.UTF_8), null,
                "127.0.0.1", Instant.now());
        Inquiry i = FormMapper.map(FormBodyParser.parse(request), RU);
        assertEquals("Ольга", i.contact().name());
        assertEquals(List.of("+79167654321"), i.contact().phones());
        assertEquals(1, i.attachments().size());
        assertEquals("cv.pdf", i.attachments().get(0).name());
        assertEquals("application/pdf", i.attachments().get(0).contentType());
        assertEquals(13L, i.attachments().get(0).size());
    }

    @Test
    void foldsFieldNames() {
        assertEquals("email", FormField.fold("Your E-mail"));
        assertEquals("phone", FormField.fold("form[Phone]"));
        assertEquals("телефон", FormField.fold("Ваш телефон"));
    }
}
