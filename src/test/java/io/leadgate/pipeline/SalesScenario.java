package io.leadgate.pipeline;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.util.List;
import java.util.Map;

import static io.leadgate.pipeline.PipelineTesting.convert;
import static io.leadgate.pipeline.PipelineTesting.lead;
import static io.leadgate.pipeline.PipelineTesting.move;
import static io.leadgate.pipeline.PipelineTesting.pipeline;
import static io.leadgate.pipeline.PipelineTesting.stage;
import static io.leadgate.pipeline.PipelineTesting.unique;
import static io.leadgate.testing.Api.api;

/**
 * The sales part of {@link FunnelScenarioTest}'s script, for other tests (the analytics page): five deals from three
 * channels in a new pipeline New → Qualified → Proposal → Negotiation → Contract → Won / Lost, one won through every
 * stage, one won skipping two, two lost (price, competitor), one left in New; one more lead junked for spam.
 * Funnel counts 5, 4, 3, 2, 2, 2, 2.
 */
public final class SalesScenario {

    public static final List<Long> COUNTS = List.of(5L, 4L, 3L, 2L, 2L, 2L, 2L);

    private SalesScenario() {
    }

    /** Runs the script; the pipeline's id and name. */
    public static String[] run() {
        JsonPath sales = pipeline(unique("Sales"), "New", "Qualified", "Proposal", "Negotiation", "Contract",
                "Won:won", "Lost:lost");
        String id = sales.getString("id");
        String d1 = convert(lead("form"), id);
        String d2 = convert(lead("form"), id);
        String d3 = convert(lead("form"), id);
        String d4 = convert(lead("form-de"), id);
        convert(lead("tilda"), id);
        api().contentType(ContentType.JSON).body(Map.of("reason", "spam")).post("/api/leads/" + lead("form-de")
                + "/junk").then().statusCode(200);
        for (String s : List.of("Qualified", "Proposal", "Negotiation", "Contract", "Won")) {
            move(d1, stage(sales, s));
        }
        move(d2, stage(sales, "Qualified"));
        move(d2, stage(sales, "Lost"), "price");
        move(d3, stage(sales, "Proposal"));
        move(d3, stage(sales, "Lost"), "competitor");
        move(d4, stage(sales, "Qualified"));
        move(d4, stage(sales, "Proposal"));
        move(d4, stage(sales, "Won"));
        return new String[]{id, sales.getString("name")};
    }
}
