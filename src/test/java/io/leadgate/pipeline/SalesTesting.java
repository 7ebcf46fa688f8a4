package io.leadgate.pipeline;

import io.leadgate.testing.Api;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.leadgate.testing.Api.api;

/** Test helpers for deals with products and sales analytics, all through the API. */
final class SalesTesting {

    private SalesTesting() {
    }

    /** The API with JSON numbers read as BigDecimal, so money compares exactly. */
    static RequestSpecification money() {
        return api().config(RestAssuredConfig.config().jsonConfig(JsonConfig.jsonConfig()
                .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)));
    }

    static BigDecimal dec(String v) {
        return new BigDecimal(v);
    }

    /** Equal as numbers (2.50 = 2.5). */
    static void same(String expected, Object actual) {
        org.junit.jupiter.api.Assertions.assertNotNull(actual, "expected " + expected);
        org.junit.jupiter.api.Assertions.assertEquals(0, dec(expected).compareTo(new BigDecimal(actual.toString())),
                "expected " + expected + ", got " + actual);
    }

    /** A client entered by hand; their contact id. */
    static String contact(String name) {
        return api().contentType(ContentType.JSON).body(Map.of("name", name, "phones", List.of("+7" + Api.newMobileDigits()),
                "text", "hello " + UUID.randomUUID())).post("/api/leads").then().statusCode(201).extract().path("contactId");
    }

    static String product(String name, String price, String currency) {
        return api().contentType(ContentType.JSON).body(Map.of("name", name + " " + UUID.randomUUID().toString()
                        .substring(0, 6), "price", price, "currency", currency))
                .post("/api/products").then().statusCode(201).extract().path("id");
    }

    /** A deal created by hand; extra body keys (amount, title, expectedCloseDate, …) as given. */
    static String deal(String contactId, String pipelineId, String responsible, Object... extra) {
        Map<String, Object> body = new HashMap<>(Map.of("contactId", contactId, "pipelineId", pipelineId,
                "responsible", responsible));
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return api().contentType(ContentType.JSON).body(body).post("/api/deals").then().statusCode(201).extract()
                .path("id");
    }

    /** Replaces the deal's products: productId, quantity, productId, quantity, … */
    static JsonPath items(String dealId, Object... pairs) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            lines.add(Map.of("productId", pairs[i], "quantity", pairs[i + 1]));
        }
        return money().contentType(ContentType.JSON).body(lines).put("/api/deals/" + dealId + "/items").then()
                .statusCode(200).extract().jsonPath();
    }

    static void probability(JsonPath pipeline, String stage, int percent) {
        api().contentType(ContentType.JSON).body(Map.of("probability", percent))
                .patch("/api/pipelines/" + pipeline.getString("id") + "/stages/" + PipelineTesting.stage(pipeline, stage))
                .then().statusCode(200);
    }
}
