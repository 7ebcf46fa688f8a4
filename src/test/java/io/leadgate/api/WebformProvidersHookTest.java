package io.leadgate.api;

import io.leadgate.testing.Api;
import io.leadgate.testing.Conformance;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

import static io.leadgate.testing.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/** Tilda, Typeform and the Bitrix24 drop-in through their real hooks. */
@QuarkusTest
class WebformProvidersHookTest {

    @Test
    void tildaProbeIsAnsweredOkAndStoresNothing() {
        given().contentType("application/x-www-form-urlencoded").formParam("test", "test")
                .post("/hooks/tilda/tilda-token-1").then().statusCode(200).body(equalTo("ok"));
    }

    @Test
    void tildaSubmissionIsStoredOnceByTranid() {
        String d = Api.newMobileDigits();
        String tranid = "1234567:" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        for (int i = 0; i < 2; i++) {
            given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("Name", "Tilda Client")
                    .formParam("Phone", "+7 (" + d.substring(0, 3) + ") " + d.substring(3)).formParam("formid", "form1")
                    .formParam("tranid", tranid).formParam("utm_source", "yandex")
                    .post("/hooks/tilda/tilda-token-1").then().statusCode(200).body(equalTo("ok"));
        }
        given().contentType("application/x-www-form-urlencoded").formParam("Phone", "+7" + d)
                .post("/hooks/tilda/bad-token").then().statusCode(401);
        api().queryParam("channelId", "tilda").queryParam("externalId", tranid).get("/api/inquiries").then()
                .body("", hasSize(1)).body("[0].attribution.utm_source", equalTo("yandex"));
    }

    @Test
    void typeformSignedDeliveryIsStoredAndATamperedOneRefused() throws Exception {
        byte[] body = Conformance.bytes("webforms/typeform/typeform-docs-2018-example__form_response.json");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("tf-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "sha256=" + Base64.getEncoder().encodeToString(mac.doFinal(body));
        byte[] changed = body.clone();
        changed[40] ^= 1;
        given().contentType(ContentType.JSON).header("Typeform-Signature", signature).body(changed)
                .post("/hooks/typeform").then().statusCode(401);
        given().contentType(ContentType.JSON).header("Typeform-Signature", signature).body(body)
                .post("/hooks/typeform").then().statusCode(200);
        api().queryParam("email", "laura@example.com").get("/api/contacts").then().body("", hasSize(1))
                .body("[0].name", equalTo("Laura"));
        api().queryParam("channelId", "typeform").queryParam("externalId", "LtWXD3crgy").get("/api/inquiries").then()
                .body("", hasSize(1));
    }

    @Test
    void bitrixLeadAddIsAnsweredInBitrixShape() {
        String d = Api.newMobileDigits();
        String body = "{\"fields\":{\"TITLE\":\"Site order\",\"NAME\":\"Gleb\",\"LAST_NAME\":\"Titov\","
                + "\"PHONE\":[{\"VALUE\":\"+7" + d + "\",\"VALUE_TYPE\":\"WORK\"}],\"UTM_SOURCE\":\"google\"}}";
        String leadId = given().contentType(ContentType.JSON).body(body).post("/hooks/b24/b24token/crm.lead.add.json")
                .then().statusCode(200).body("result", notNullValue()).body("time.start", notNullValue())
                .extract().path("result").toString();
        api().get("/api/leads/" + leadId).then().statusCode(200).body("attribution.utm_source", equalTo("google"));
        given().contentType(ContentType.JSON).body(body).post("/hooks/b24/wrong/crm.lead.add.json")
                .then().statusCode(401).body("error", equalTo("INVALID_CREDENTIALS"));
    }
}
