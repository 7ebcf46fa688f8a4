package io.leadgate.console;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.leadgate.testing.Api.api;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo data set goes through the real write path: channels, a returning client, deals across stages. */
@QuarkusTest
class DemoDataTest {

    @Inject
    DemoData demo;

    @Test
    void fillsLeadsAcrossChannelsAndDealsAcrossStages() {
        int made = demo.fill();
        assertTrue(made >= 16, "leads made: " + made);
        JsonPath returning = api().queryParam("phone", "+79161234501").get("/api/contacts").then().statusCode(200)
                .extract().jsonPath();
        String contactId = returning.getString("[0].id");
        api().queryParam("contactId", contactId).get("/api/inquiries").then()
                .body("channelId", equalTo(List.of("site-form", "whatsapp")));
        Set<String> stages = new HashSet<>(api().queryParam("limit", "1000").get("/api/deals").then().extract()
                .jsonPath().getList("findAll { it.responsible == 'anna' || it.responsible == 'ivan' }.stageId"));
        assertTrue(stages.size() >= 3, "deals in several stages: " + stages);
        api().get("/api/users").then().body("find { it.username == 'anna' }.role", equalTo("manager"));
        ConsoleSession.signIn("ivan", DemoData.PASSWORD).get("/console/board?mine=true").then().statusCode(200);
    }
}
