package io.leadgate.pipeline;

import io.leadgate.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.leadgate.testing.Api.api;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Round robin skips managers who are absent or outside their working hours, on the test clock. */
@QuarkusTest
class AvailabilityTest {

    /** A Monday, noon UTC. */
    private static final Instant MONDAY_NOON = Instant.parse("2031-03-03T12:00:00Z");

    @Inject
    TestClock clock;

    @AfterEach
    void stop() {
        clock.reset();
    }

    /** A deal by hand for a new client without a manager of their own; its manager. */
    private static String dealManager(String pipelineId) {
        String contactId = api().contentType(ContentType.JSON).body(Map.of("text", "hello", "phones",
                        List.of("+7" + io.leadgate.testing.Api.newMobileDigits()))).post("/api/leads").then().statusCode(201)
                .extract().path("contactId");
        api().contentType(ContentType.JSON).body("{\"responsible\": null}").post("/api/contacts/" + contactId + "/assign")
                .then().statusCode(200);
        return api().contentType(ContentType.JSON).body(Map.of("contactId", contactId, "pipelineId", pipelineId))
                .post("/api/deals").then().statusCode(201).extract().path("responsible");
    }

    @Test
    void roundRobinSkipsAbsentManagersAndThoseOffDuty() {
        String m1 = DeskTest.manager();
        String m2 = DeskTest.manager();
        String m3 = DeskTest.manager();
        String pipelineId = api().contentType(ContentType.JSON).body(Map.of("name", PipelineTesting.unique("Duty"),
                        "managers", List.of(m1, m2, m3), "stages", List.of(
                                Map.of("name", "New", "color", "#336699", "semantics", "in-progress"),
                                Map.of("name", "Won", "color", "#339966", "semantics", "won"),
                                Map.of("name", "Lost", "color", "#993333", "semantics", "lost"))))
                .post("/api/pipelines").then().statusCode(201).extract().path("id");
        clock.set(MONDAY_NOON);
        String absence = api().contentType(ContentType.JSON).body(Map.of("startsAt", "2031-03-01T00:00:00Z",
                        "endsAt", "2031-03-10T00:00:00Z", "reason", "holiday"))
                .post("/api/managers/" + m2 + "/absences").then().statusCode(201).extract().path("id");
        api().contentType(ContentType.JSON).body(Map.of("timeZone", "Europe/Moscow",
                        "days", Map.of("mon", List.of("08:00-14:00"))))
                .put("/api/managers/" + m3 + "/hours").then().statusCode(200)
                .body("days.mon", equalTo(List.of("08:00-14:00"))); // 11:00 UTC is 14:00 in Moscow: off at noon

        assertEquals(List.of(m1, m1, m1), List.of(dealManager(pipelineId), dealManager(pipelineId), dealManager(pipelineId)));

        api().delete("/api/managers/" + m2 + "/absences/" + absence).then().statusCode(204);
        assertEquals(Set.of(m1, m2), Set.of(dealManager(pipelineId), dealManager(pipelineId)), "back from holiday");

        clock.set(Instant.parse("2031-03-03T07:00:00Z")); // 10:00 in Moscow: m3 works
        assertEquals(Set.of(m1, m2, m3), Set.of(dealManager(pipelineId), dealManager(pipelineId), dealManager(pipelineId)));
    }

    @Test
    void unclearHoursAndAbsencesAreRefused() {
        String m = DeskTest.manager();
        api().contentType(ContentType.JSON).body(Map.of("timeZone", "Nowhere/Land", "days", Map.of()))
                .put("/api/managers/" + m + "/hours").then().statusCode(400).body("error", containsString("timeZone"));
        api().contentType(ContentType.JSON).body(Map.of("timeZone", "UTC", "days", Map.of("mon", List.of("late"))))
                .put("/api/managers/" + m + "/hours").then().statusCode(400).body("error", containsString("HH:mm-HH:mm"));
        api().contentType(ContentType.JSON).body(Map.of("startsAt", "2031-03-10T00:00:00Z", "endsAt", "2031-03-01T00:00:00Z"))
                .post("/api/managers/" + m + "/absences").then().statusCode(400)
                .body("error", containsString("endsAt after startsAt"));
        api().get("/api/managers/" + m + "/hours").then().statusCode(404);
        api().get("/api/managers/nobody-at-all-here/absences").then().statusCode(404);
    }
}
