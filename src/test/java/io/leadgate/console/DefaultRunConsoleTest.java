package io.leadgate.console;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console of the default run with the demo data set ({@code ./mvnw quarkus:dev -Dleadgate.console.demo-data=true},
 * README): the dev profile on an in-memory H2 in PostgreSQL mode, signed in with the documented dev credentials. Every
 * page answers with its content, the analytics count the demo set exactly, and a lead accepted into the pipeline and a
 * deal moved on the board change the counts, all on H2 (every other console test runs on PostgreSQL).
 */
@QuarkusTest
@TestProfile(DefaultRunConsoleTest.DevOnH2WithDemoData.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DefaultRunConsoleTest {

    /** The dev profile as {@code io.leadgate.ops.DefaultRunTest} runs it, with a database of its own and the demo data. */
    public static class DevOnH2WithDemoData implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "dev";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // the dev profile's locations, said again so that the test's build scans them too
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:leadgate-demo-run;DB_CLOSE_DELAY=-1;"
                            + "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                    "quarkus.flyway.locations", "db/migration,db/h2",
                    "leadgate.console.demo-data", "true");
        }
    }

    private static final String DEV_KEY = "dev-key";
    /** The README's development credentials. */
    private static final String ADMIN = "admin";

    @Test
    @Order(1)
    void everyConsolePageAnswersWithTheDemoData() {
        ConsoleSession admin = ConsoleSession.signIn(ADMIN, ADMIN);
        long olga = contactId("+79161234501");
        page(admin, "/console/inbox", "Dmitry Volkov", "Ольга Кузнецова", "katya_shop");
        admin.request().queryParam("q", "+79161234503").get("/console/inbox").then().statusCode(200)
                .body(containsString("Мария Иванова"));
        page(admin, "/console/inbox/rows", "lead-");
        page(admin, "/console/contacts/" + olga, "Ольга Кузнецова", "site-form", "whatsapp",
                "Добрый день, я уже оставляла заявку");
        page(admin, "/console/board", "Qualification", "Negotiation", "Dmitry Volkov");
        page(admin, "/console/board?mine=true", "Pipeline");
        page(admin, "/console/analytics", "Qualification", "Won");
        page(admin, "/console/analytics?by=manager&compare=previous", "anna", "ivan");
        page(admin, "/console/analytics?by=week", "Qualification");
        page(admin, "/console/analytics/leads", "site-form", "telegram-bot");
        page(admin, "/console/analytics/leads?bucket=month", "office-phone");
        page(admin, "/console/analytics/csv/funnel-stages", "Qualification");
        page(admin, "/console/analytics/csv/won-manager", "anna");
        page(admin, "/console/duplicates", "Duplicates");
        page(admin, "/console/channels", "demo-form");
        page(admin, "/console/deliveries", "Webhook subscriptions");
        page(admin, "/console/settings", "Sales", "Negotiation");
        page(admin, "/console/settings/lists", "spam", "competitor");
        page(admin, "/console/settings/analytics", "UTC");
        page(admin, "/console/users", "anna", "Ivan Petrov");
        page(admin, "/console/leads/new", "demo-form");
        ConsoleSession.signIn("anna", DemoData.PASSWORD).get("/console/board?mine=true").then().statusCode(200)
                .body(containsString("Ольга Кузнецова"));
    }

    /**
     * The demo set: sixteen leads (twelve people on forms and mail, three chats, a missed call; the returning client
     * extends her lead), one of them junk; ten deals of the default pipeline, eight open, one won (anna, 75 000 RUB),
     * one lost for its price.
     */
    @Test
    @Order(2)
    void theAnalyticsCountTheDemoSetOnH2() {
        JsonPath funnel = analytics("funnel?compare=previous");
        assertEquals(10, funnel.getLong("deals"), funnel.prettify());
        assertEquals(1, funnel.getLong("won"));
        assertEquals(Map.of("price", 1), funnel.getMap("lost"));
        assertEquals(10, funnel.getLong("stages[0].count"), "every deal entered the first stage");
        JsonPath byManager = analytics("funnel?by=manager");
        assertEquals(5, byManager.getLong("groups.anna.deals"));
        assertEquals(5, byManager.getLong("groups.ivan.deals"));
        assertEquals(1, byManager.getLong("groups.anna.won"));
        for (String by : List.of("source", "channel", "campaign", "day", "week", "month")) {
            assertEquals(10, analytics("funnel?by=" + by).getLong("deals"), by);
        }
        JsonPath leads = analytics("leads?by=junk-reason");
        assertEquals(16, leads.getLong("total"), leads.prettify());
        assertEquals(1, leads.getLong("junk"));
        assertEquals(10, leads.getLong("converted"));
        for (String by : List.of("source", "channel", "status", "campaign", "day", "week", "month")) {
            assertEquals(16, analytics("leads?by=" + by).getLong("total"), by);
        }
        for (String bucket : List.of("day", "week", "month")) {
            List<Integer> counts = analytics("leads/series?bucket=" + bucket).getList("rows.count", Integer.class);
            assertEquals(16, counts.stream().mapToInt(Integer::intValue).sum(), bucket);
        }
        JsonPath won = analytics("won?by=manager");
        assertEquals("anna", won.getString("rows[0].key"), won.prettify());
        assertEquals(1, won.getLong("rows[0].deals"));
        assertEquals(0, new java.math.BigDecimal("75000").compareTo(won.getObject("rows[0].amount",
                java.math.BigDecimal.class)));
        for (String by : List.of("source", "channel", "campaign")) {
            assertEquals(1, analytics("won?by=" + by).getLong("rows[0].deals"), by);
        }
        for (String by : List.of("stage", "manager", "source", "campaign", "client", "month")) {
            assertEquals(1, analytics("revenue?by=" + by).getLong("deals"), by);
            assertEquals(8, analytics("forecast?by=" + by).getLong("deals"), by);
        }
        assertEquals(8, analytics("forecast?by=temperature").getLong("deals"));
        analytics("contribution");
        JsonPath temperature = analytics("temperature");
        assertEquals(8, temperature.getList("deals").size(), temperature.prettify());
        analytics("lead-temperature");
    }

    /** A console user accepts a lead into the pipeline and moves its deal: the board and the funnel follow, on H2. */
    @Test
    @Order(3)
    void acceptingALeadAndMovingItsDealWorkOnH2() {
        ConsoleSession admin = ConsoleSession.signIn(ADMIN, ADMIN);
        JsonPath pipelines = api().get("/api/pipelines").then().statusCode(200).extract().jsonPath();
        String first = pipelines.getString("find { it['default'] }.stages[0].id");
        String second = pipelines.getString("find { it['default'] }.stages[1].id");
        String leadId = api().queryParam("contactId", contactId("+79161234511")).get("/api/leads").then()
                .statusCode(200).extract().jsonPath().getString("[0].id");

        admin.request().formParam("stageId", first).post("/console/leads/" + leadId + "/convert").then()
                .statusCode(403); // no CSRF token
        admin.post("/console/leads/" + leadId + "/convert", Map.of("stageId", first)).then().statusCode(200);
        String dealId = api().queryParam("limit", "1000").get("/api/deals").then().statusCode(200).extract()
                .jsonPath().getString("find { it.leadId == '" + leadId + "' }.id");
        admin.post("/console/deals/" + dealId + "/move", Map.of("stageId", second)).then().statusCode(200);

        assertEquals(second, api().get("/api/deals/" + dealId).then().statusCode(200).extract().jsonPath()
                .getString("stageId"));
        admin.get("/console/board").then().statusCode(200).body(containsString("Татьяна Егорова"));
        JsonPath funnel = analytics("funnel");
        assertEquals(11, funnel.getLong("deals"), funnel.prettify());
        assertEquals(11, funnel.getLong("stages[0].count"));
        assertEquals(11, analytics("leads").getLong("converted"));
    }

    private static void page(ConsoleSession session, String path, String... texts) {
        session.get(path).then().statusCode(200)
                .body(allOf(java.util.Arrays.stream(texts).map(t -> containsString(t)).toList()
                        .toArray(new org.hamcrest.Matcher[0])));
    }

    private static JsonPath analytics(String query) {
        return api().get("/api/analytics/" + query).then().statusCode(200).extract().jsonPath();
    }

    private static long contactId(String phone) {
        String id = api().queryParam("phone", phone).get("/api/contacts").then().statusCode(200).extract().jsonPath()
                .getString("[0].id");
        assertTrue(id != null, "a contact with " + phone);
        return Long.parseLong(id);
    }

    private static io.restassured.specification.RequestSpecification api() {
        return RestAssured.given().header("X-Api-Key", DEV_KEY);
    }
}
