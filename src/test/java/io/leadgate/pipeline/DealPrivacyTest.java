package io.leadgate.pipeline;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.leadgate.pipeline.PipelineTesting.pipeline;
import static io.leadgate.pipeline.PipelineTesting.unique;
import static io.leadgate.pipeline.SalesTesting.contact;
import static io.leadgate.pipeline.SalesTesting.deal;
import static io.leadgate.testing.Api.api;
import static org.hamcrest.Matchers.equalTo;

/** A deal's own title and custom fields are the person's data: exported with them, cleared on erasure. */
@QuarkusTest
class DealPrivacyTest {

    @Test
    void erasureClearsTheDealsTitleAndFieldsAndKeepsTheAmount() {
        JsonPath p = pipeline(unique("Private"), "New", "Won:won", "Lost:lost");
        String contactId = contact("Erika Mustermann");
        String dealId = deal(contactId, p.getString("id"), "anna", "title", "Boiler for Erika Mustermann",
                "amount", "100");
        api().contentType(ContentType.JSON).body(Map.of("fields", Map.of("address", "Hauptstr. 1")))
                .patch("/api/deals/" + dealId).then().statusCode(200);
        api().get("/api/contacts/" + contactId + "/export").then().statusCode(200)
                .body("deals[0].title", equalTo("Boiler for Erika Mustermann"))
                .body("deals[0].fields.address", equalTo("Hauptstr. 1"));

        api().delete("/api/contacts/" + contactId).then().statusCode(204);
        api().get("/api/deals/" + dealId).then().statusCode(200).body("title", equalTo("Client " + contactId))
                .body("fields", equalTo(Map.of())).body("amount", equalTo(100.0f));
    }
}
