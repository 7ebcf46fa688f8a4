package io.leadgate.delivery.crm;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadgate.delivery.crm.CrmFailure.Kind;
import io.leadgate.delivery.crm.amocrm.AmoCrmPayload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How every connector reads a CRM's answer: the status's meaning, and a 2xx that is not the expected answer. */
class CrmAnswerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({"301,MISCONFIGURED", "302,MISCONFIGURED", "307,MISCONFIGURED", "404,MISCONFIGURED",
            "401,AUTH", "402,AUTH", "403,AUTH",
            "408,RETRYABLE", "429,RETRYABLE", "500,RETRYABLE", "502,RETRYABLE", "503,RETRYABLE",
            "400,REJECTED", "409,REJECTED", "422,REJECTED"})
    void statusMeansTheSameForEveryCrm(int status, Kind kind) {
        assertEquals(kind, CrmAnswer.kind(status));
        assertEquals(kind, CrmAnswer.of(status, "", JSON).failure("amoCRM", "leads/complex", null).kind());
    }

    @Test
    void aSuccessStatusWithoutTheExpectedBodyIsNotASuccess() throws Exception {
        CrmAnswer html = CrmAnswer.of(200, "<html>login</html>", JSON);
        assertTrue(html.success());
        CrmFailure failure = assertThrows(CrmFailure.class, () -> html.require("amoCRM", "leads/complex", "/0/id"));
        assertEquals(Kind.RETRYABLE, failure.kind());
        assertEquals("invalid_answer", failure.code());
        assertTrue(failure.getMessage().contains("not JSON"), failure.getMessage());

        assertThrows(CrmFailure.class, () -> CrmAnswer.of(200, "[]", JSON).require("amoCRM", "leads/complex", "/0/id"));
        assertThrows(CrmFailure.class, () -> CrmAnswer.of(200, "{\"result\":", JSON).require("Bitrix24", "batch", "/result"));
        assertThrows(CrmFailure.class, () -> CrmAnswer.of(200, "", JSON).require("Bitrix24", "crm.lead.add", "/result"));
        assertEquals(18415, CrmAnswer.of(200, "[{\"id\":18415}]", JSON).require("amoCRM", "leads/complex", "/0/id").asInt());
    }

    @Test
    void messagesAreShortAndNameTheCall() {
        String detail = "x".repeat(500);
        String message = CrmAnswer.of(422, "", JSON).failure("amoCRM", "leads/complex", detail).getMessage();
        assertTrue(message.startsWith("amoCRM leads/complex answered 422: "), message);
        assertTrue(message.length() < 200);
    }

    @Test
    void amoCrmMarkerMatchesExactlyItsLead() throws Exception {
        String marker = AmoCrmPayload.marker(12);
        assertEquals("leadgate-12", marker);
        assertTrue(AmoCrmPayload.carries(JSON.readTree("{\"name\":\"Olga — website [leadgate-12]\"}"), marker));
        assertFalse(AmoCrmPayload.carries(JSON.readTree("{\"name\":\"Olga — website [leadgate-123]\"}"), marker));
        assertFalse(AmoCrmPayload.carries(JSON.readTree("{\"name\":\"Olga — website\"}"), marker));
    }
}
