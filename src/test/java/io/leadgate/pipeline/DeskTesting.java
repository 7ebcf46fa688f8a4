package io.leadgate.pipeline;

import io.leadgate.delivery.OutboxSequencer;
import io.restassured.http.ContentType;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.leadgate.testing.Api.api;

/**
 * Drives the desk's asynchronous parts in tests, in the order production runs them: the outbox positions events, the
 * desk reads the feed (inquiry robots, call-back tasks, speed to lead), the executor runs due robot jobs. Rules made
 * through {@link #rule} are deleted by {@link #deleteRules()}, so they never act on other tests' leads.
 */
@ApplicationScoped
class DeskTesting {

    private final OutboxSequencer sequencer;
    private final DeskFeed feed;
    private final AutomationExecutor executor;
    private final List<String> rules = new ArrayList<>();

    DeskTesting(OutboxSequencer sequencer, DeskFeed feed, AutomationExecutor executor) {
        this.sequencer = sequencer;
        this.feed = feed;
        this.executor = executor;
    }

    /** Everything committed so far read by the desk and every job due by the clock run; twice, for jobs that
     *  schedule jobs (a reopened lead's status rules). Returns how many jobs ran. */
    int drain() {
        int ran = 0;
        for (int i = 0; i < 2; i++) {
            sequencer.sequence();
            feed.run();
            ran += executor.runDue();
        }
        return ran;
    }

    /** Creates a rule through the API; its id. */
    String rule(Map<String, Object> body) {
        String id = api().contentType(ContentType.JSON).body(body).post("/api/automations").then().statusCode(201)
                .extract().path("id");
        rules.add(id);
        return id;
    }

    void deleteRules() {
        for (String id : rules) {
            api().delete("/api/automations/" + id).then().statusCode(204);
        }
        rules.clear();
    }
}
