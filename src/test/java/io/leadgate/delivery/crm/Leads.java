package io.leadgate.delivery.crm;

import io.leadgate.lead.Lead;
import io.leadgate.lead.LeadStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import static io.restassured.RestAssured.given;

/** Creates leads the way a site does: a web form posted to {@code /hooks/form}. */
final class Leads {

    private Leads() {
    }

    /** Posts a form with this phone ({@code +7} and ten digits); returns the hook's answer (leadId, contactId). */
    static JsonPath post(String digits, String name) {
        return post(digits, name, "Need a quote");
    }

    /** The same with another message (the same form posted twice is one inquiry). */
    static JsonPath post(String digits, String name, String message) {
        return given().contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"phone\":\"+7" + digits + "\",\"message\":\"" + message + "\","
                        + "\"utm_source\":\"google\"}")
                .post("/hooks/form")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Closes a lead, so the client's next inquiry opens a new one. */
    static void close(String leadId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Lead lead = Lead.findById(Long.valueOf(leadId));
            lead.status = LeadStatus.CONVERTED;
        });
    }
}
