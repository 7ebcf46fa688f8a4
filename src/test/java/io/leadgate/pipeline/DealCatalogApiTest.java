package io.leadgate.pipeline;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.leadgate.pipeline.PipelineTesting.pipeline;
import static io.leadgate.pipeline.PipelineTesting.stage;
import static io.leadgate.pipeline.PipelineTesting.unique;
import static io.leadgate.pipeline.SalesTesting.contact;
import static io.leadgate.pipeline.SalesTesting.deal;
import static io.leadgate.pipeline.SalesTesting.items;
import static io.leadgate.pipeline.SalesTesting.money;
import static io.leadgate.pipeline.SalesTesting.product;
import static io.leadgate.pipeline.SalesTesting.same;
import static io.leadgate.testing.Api.api;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deal titles, products from the catalogue, amounts that follow them, expected close dates, stage probabilities. */
@QuarkusTest
class DealCatalogApiTest {

    @Test
    void catalogueKeepsProductsWithPriceAndCurrency() {
        String id = product("Boiler", "1500.5", "eur");
        money().get("/api/products/" + id).then().statusCode(200).body("currency", equalTo("EUR"))
                .body("active", equalTo(true));
        same("1500.50", money().get("/api/products/" + id).then().extract().path("price"));
        String name = api().get("/api/products/" + id).then().extract().path("name");
        api().contentType(ContentType.JSON).body(Map.of("name", name, "price", 1, "currency", "EUR"))
                .post("/api/products").then().statusCode(409);
        api().contentType(ContentType.JSON).body(Map.of("name", "Free", "price", -1)).post("/api/products").then()
                .statusCode(400).body("error", equalTo("price must not be negative"));
        api().contentType(ContentType.JSON).body(Map.of("name", "Odd", "price", 5, "currency", "EURO"))
                .post("/api/products").then().statusCode(400).body("error", startsWith("currency must be an ISO 4217 code"));
        api().contentType(ContentType.JSON).body(Map.of("price", 5)).post("/api/products").then().statusCode(400)
                .body("error", equalTo("name is required"));

        api().contentType(ContentType.JSON).body(Map.of("active", false)).patch("/api/products/" + id).then()
                .statusCode(200).body("active", equalTo(false));
        api().get("/api/products").then().body("id", not(hasItem(id)));
        api().queryParam("archived", true).get("/api/products").then().body("id", hasItem(id));
        api().get("/api/products/999999999").then().statusCode(404);
    }

    @Test
    void amountFollowsTheProductsUnlessSetByHand() {
        JsonPath p = pipeline(unique("Products"), "New", "Won:won", "Lost:lost");
        String boiler = product("Boiler", "1500.00", "RUB");
        String hours = product("Installation hour", "33.33", "RUB");
        String dealId = deal(contact("Ivan Petrov"), p.getString("id"), "anna");

        JsonPath answer = items(dealId, boiler, 2, hours, "1.5");
        same("3050.00", answer.get("amount")); // 3000.00 + 49.995 rounded per line to 50.00
        assertEquals("RUB", answer.getString("currency"));
        assertEquals(List.of("3000.00", "50.00"), answer.getList("items.total").stream().map(Object::toString).toList());
        same("1.5", answer.getList("items.quantity").get(1));

        // the catalogue price changes; the deal keeps what it was sold at
        api().contentType(ContentType.JSON).body(Map.of("price", 2000)).patch("/api/products/" + boiler).then()
                .statusCode(200);
        same("3050.00", money().get("/api/deals/" + dealId).then().extract().path("amount"));

        // set by hand: no longer follows; null: follows again
        api().contentType(ContentType.JSON).body("{\"amount\": 2500}").patch("/api/deals/" + dealId).then()
                .statusCode(200).body("amountManual", equalTo(true));
        money().contentType(ContentType.JSON).body(Map.of("productId", hours, "quantity", 1))
                .post("/api/deals/" + dealId + "/items").then().statusCode(201).body("items.size()", equalTo(3));
        same("2500.00", money().get("/api/deals/" + dealId).then().extract().path("amount"));
        api().contentType(ContentType.JSON).body("{\"amount\": null}").patch("/api/deals/" + dealId).then()
                .statusCode(200).body("amountManual", equalTo(false));
        same("3083.33", money().get("/api/deals/" + dealId).then().extract().path("amount"));

        String first = api().get("/api/deals/" + dealId + "/items").then().extract().path("items[0].id");
        money().delete("/api/deals/" + dealId + "/items/" + first).then().statusCode(200).body("items.size()", equalTo(2));
        same("83.33", money().get("/api/deals/" + dealId).then().extract().path("amount"));
        items(dealId);
        api().get("/api/deals/" + dealId).then().body("amount", nullValue());
    }

    @Test
    void productsOfAnotherCurrencyAreRefused() {
        JsonPath p = pipeline(unique("Currencies"), "New", "Won:won", "Lost:lost");
        String rub = product("Boiler", "100", "RUB");
        String eur = product("Pump", "10", "EUR");
        String dealId = deal(contact("Olga"), p.getString("id"), "anna");
        items(dealId, rub, 1);
        api().contentType(ContentType.JSON).body(List.of(Map.of("productId", rub, "quantity", 1),
                        Map.of("productId", eur, "quantity", 1))).put("/api/deals/" + dealId + "/items").then()
                .statusCode(400).body("error", startsWith("product prices are in EUR but deal " + dealId + " is in RUB"));
        api().contentType(ContentType.JSON).body(Map.of("productId", eur)).post("/api/deals/" + dealId + "/items")
                .then().statusCode(400);
        api().contentType(ContentType.JSON).body("{\"currency\": \"EUR\"}").patch("/api/deals/" + dealId).then()
                .statusCode(400);
        // a deal without products and without an amount of its own takes its first product's currency
        items(dealId, eur, 3);
        api().get("/api/deals/" + dealId).then().body("currency", equalTo("EUR"));
        api().contentType(ContentType.JSON).body(List.of(Map.of("productId", eur, "quantity", 0)))
                .put("/api/deals/" + dealId + "/items").then().statusCode(400).body("error", equalTo("quantity must be positive"));
        api().contentType(ContentType.JSON).body(List.of(Map.of("productId", eur, "quantity", "0.0001")))
                .put("/api/deals/" + dealId + "/items").then().statusCode(400);
        api().contentType(ContentType.JSON).body(List.of(Map.of("productId", "424242424"))).put("/api/deals/" + dealId + "/items")
                .then().statusCode(400).body("error", equalTo("no product 424242424"));
    }

    @Test
    void titleDefaultsToClientAndSourceAndCanBeEdited() {
        JsonPath p = pipeline(unique("Titles"), "New", "Won:won", "Lost:lost");
        String contactId = contact("Maria Ivanova");
        String byHand = deal(contactId, p.getString("id"), "anna");
        api().get("/api/deals/" + byHand).then().body("title", equalTo("Maria Ivanova"));
        String fromForm = PipelineTesting.convert(PipelineTesting.lead("form"), p.getString("id"));
        api().get("/api/deals/" + fromForm).then().body("title", equalTo("Client — website"));

        api().contentType(ContentType.JSON).body(Map.of("title", "  Boiler for the dacha ")).patch("/api/deals/" + byHand)
                .then().statusCode(200).body("title", equalTo("Boiler for the dacha"));
        api().contentType(ContentType.JSON).body(Map.of("title", "x".repeat(501))).patch("/api/deals/" + byHand)
                .then().statusCode(400);
        api().contentType(ContentType.JSON).body("{\"title\": null}").patch("/api/deals/" + byHand).then()
                .statusCode(200).body("title", equalTo("Maria Ivanova"));
        String titled = deal(contactId, p.getString("id"), "anna", "title", "Second boiler",
                "expectedCloseDate", "2027-03-31");
        api().get("/api/deals/" + titled).then().body("title", equalTo("Second boiler"))
                .body("expectedCloseDate", equalTo("2027-03-31"));
    }

    @Test
    void expectedCloseDateIsADate() {
        JsonPath p = pipeline(unique("Close"), "New", "Won:won", "Lost:lost");
        String dealId = deal(contact("Petr"), p.getString("id"), "anna");
        api().contentType(ContentType.JSON).body(Map.of("expectedCloseDate", "2027-02-28")).patch("/api/deals/" + dealId)
                .then().statusCode(200).body("expectedCloseDate", equalTo("2027-02-28"));
        api().contentType(ContentType.JSON).body(Map.of("expectedCloseDate", "2027-02-30")).patch("/api/deals/" + dealId)
                .then().statusCode(400).body("error", startsWith("expectedCloseDate must be a date such as 2026-03-31"));
        api().contentType(ContentType.JSON).body("{\"expectedCloseDate\": null}").patch("/api/deals/" + dealId)
                .then().statusCode(200).body("expectedCloseDate", nullValue());
    }

    @Test
    void stagesCarryAProbability() {
        JsonPath p = pipeline(unique("Chances"), "New", "Proposal", "Won:won", "Lost:lost");
        String path = "/api/pipelines/" + p.getString("id") + "/stages/";
        api().get("/api/pipelines/" + p.getString("id")).then()
                .body("stages.probability", equalTo(List.of(0, 0, 100, 0)));
        api().contentType(ContentType.JSON).body(Map.of("probability", 40)).patch(path + stage(p, "Proposal")).then()
                .statusCode(200).body("stages.find { it.name == 'Proposal' }.probability", equalTo(40));
        api().contentType(ContentType.JSON).body(Map.of("probability", 101)).patch(path + stage(p, "Proposal")).then()
                .statusCode(400).body("error", equalTo("probability must be between 0 and 100"));
        api().contentType(ContentType.JSON).body(Map.of("probability", 50)).patch(path + stage(p, "Won")).then()
                .statusCode(400).body("error", equalTo("a won stage's probability is always 100"));
        api().contentType(ContentType.JSON).body(Map.of("probability", 0)).patch(path + stage(p, "Lost")).then()
                .statusCode(200);
        String other = pipeline(unique("Other"), "New", "Won:won", "Lost:lost").getString("id");
        api().contentType(ContentType.JSON).body(Map.of("probability", 10)).patch("/api/pipelines/" + other + "/stages/"
                + stage(p, "New")).then().statusCode(404);
        assertTrue(api().get("/q/openapi").then().extract().asString().contains("/api/products"));
        assertFalse(api().get("/api/deals/" + deal(contact("X"), p.getString("id"), "anna")).then().extract()
                .jsonPath().getBoolean("amountManual"));
    }
}
