package io.leadgate.delivery.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadgate.delivery.crm.CrmFailure.Kind;
import io.leadgate.delivery.crm.bitrix24.Bitrix24Classifier;
import io.leadgate.testing.Conformance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** What each documented Bitrix24 error answer means for the connector. */
class ErrorClassificationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void documentedAccessDeniedSampleIsAnAuthErrorWhateverTheStatus() throws Exception {
        JsonNode sample = JSON.readTree(Conformance.bytes("webforms/bitrix24/b24restdocs__crm.lead.add.error_response.json"));
        assertEquals(Kind.AUTH, Bitrix24Classifier.classify(200, sample, "crm.lead.add").kind());
        assertEquals(Kind.AUTH, Bitrix24Classifier.classify(403, sample, "crm.lead.add").kind());
    }

    @ParameterizedTest
    @CsvSource({
            "503, QUERY_LIMIT_EXCEEDED, RETRYABLE",
            "401, expired_token, AUTH",
            "401, invalid_token, AUTH",
            "401, NO_AUTH_FOUND, AUTH",
            "401, INVALID_CREDENTIALS, AUTH",
            "403, INSUFFICIENT_SCOPE, AUTH",
            "500, INTERNAL_SERVER_ERROR, RETRYABLE",
            "400, ERROR_CORE, REJECTED",
            "400, '', REJECTED"})
    void errorCodesAreClassified(int status, String code, Kind expected) {
        JsonNode body = JSON.createObjectNode().put("error", code).put("error_description", "text");
        assertEquals(expected, Bitrix24Classifier.classify(status, body, "crm.lead.add").kind());
    }

    @Test
    void messagesNeverHoldTheWebhookPath() {
        JsonNode body = JSON.createObjectNode().put("error", "expired_token").put("error_description", "The access token provided has expired.");
        String message = Bitrix24Classifier.classify(401, body, "batch").getMessage();
        assertFalse(message.contains("/rest/"), message);
        assertEquals("Bitrix24 batch answered 401 expired_token: The access token provided has expired.", message);
    }
}
