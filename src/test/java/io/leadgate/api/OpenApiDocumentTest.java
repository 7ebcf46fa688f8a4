package io.leadgate.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

/** The OpenAPI document describes the hook deliveries (a Vert.x route) beside the annotated resources. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void hookDeliveriesAndTheApiAreDescribed() {
        given().queryParam("format", "json")
                .when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/hooks/{id}'.post.summary", notNullValue())
                .body("paths.'/hooks/{id}'.post.responses.keySet()", hasItems("200", "401", "404", "413", "503"))
                .body("paths.'/api/leads'.get", notNullValue());
    }
}
