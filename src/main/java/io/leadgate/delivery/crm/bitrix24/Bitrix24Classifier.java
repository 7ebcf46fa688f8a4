package io.leadgate.delivery.crm.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadgate.delivery.crm.CrmAnswer;
import io.leadgate.delivery.crm.CrmFailure;
import io.leadgate.delivery.crm.CrmFailure.Kind;

import java.util.Locale;
import java.util.Set;

/**
 * What a Bitrix24 error answer means (https://apidocs.bitrix24.com/error-codes.html): {@code QUERY_LIMIT_EXCEEDED}
 * (503) and other 5xx are retryable; refused or insufficient credentials ({@code expired_token}, {@code
 * invalid_token}, {@code NO_AUTH_FOUND}, {@code INVALID_CREDENTIALS}, 401, 403, "Access denied.") stop the connector;
 * otherwise the status decides as for every CRM ({@link CrmAnswer#kind}: a redirect or 404 stops the connector as
 * misconfigured, other 4xx reject the one request). Pure; messages carry the code and description, never the webhook URL.
 */
public final class Bitrix24Classifier {

    static final Set<String> AUTH_CODES = Set.of("EXPIRED_TOKEN", "INVALID_TOKEN", "NO_AUTH_FOUND", "INVALID_CREDENTIALS",
            "ACCESS_DENIED", "INSUFFICIENT_SCOPE", "WRONG_AUTH_TYPE", "USER_ACCESS_ERROR", "ALLOWED_ONLY_INTRANET_USER",
            "AUTHORIZATION_ERROR", "PAYMENT_REQUIRED");

    private Bitrix24Classifier() {
    }

    public static CrmFailure classify(int status, JsonNode body, String what) {
        String error = body.path("error").asText("");
        String description = body.path("error_description").asText("");
        String code = error.isEmpty() ? "http_" + status : error;
        String message = "Bitrix24 " + what + " answered " + status + (error.isEmpty() ? "" : " " + error)
                + (description.isEmpty() ? "" : ": " + (description.length() <= 120 ? description : description.substring(0, 120)));
        String upper = error.toUpperCase(Locale.ROOT);
        if ("QUERY_LIMIT_EXCEEDED".equals(upper)) {
            return new CrmFailure(Kind.RETRYABLE, code, message);
        }
        if (AUTH_CODES.contains(upper) || description.toLowerCase(Locale.ROOT).contains("access denied")) {
            return new CrmFailure(Kind.AUTH, code, message);
        }
        // the status alone, read as for every CRM (redirect or 404: misconfigured; 401/403: auth; 5xx: retry)
        return new CrmFailure(CrmAnswer.kind(status), code, message);
    }
}
