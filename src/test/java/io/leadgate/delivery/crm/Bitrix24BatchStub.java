package io.leadgate.delivery.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers a Bitrix24 {@code batch} as a portal would, command by command (batch.html): duplicate search finds
 * nothing, lists are empty, adds return new ids. Optionally holds the portal's limit as Bitrix24 describes it (a
 * leaky bucket: each request fills one, 2 drain away per second, over 50 the request is refused with {@code 503
 * QUERY_LIMIT_EXCEEDED}), counting refusals — for the batch test and the benchmark.
 */
public class Bitrix24BatchStub implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "b24-batch";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong IDS = new AtomicLong(100_000);

    /** Refused requests since the last {@link #limit}. */
    public static final AtomicInteger REFUSED = new AtomicInteger();
    /** Requests admitted since the last {@link #limit}. */
    public static final AtomicInteger REQUESTS = new AtomicInteger();
    /** Commands answered since the last {@link #limit}. */
    public static final AtomicInteger COMMANDS = new AtomicInteger();
    /** Admitted requests that create (hold {@code .add} commands) since the last {@link #limit}, and those of them full (50). */
    public static final AtomicInteger CREATES = new AtomicInteger();
    public static final AtomicInteger FULL = new AtomicInteger();
    /** {@code crm.lead.add} commands answered since the last {@link #limit}: leads created. */
    public static final AtomicInteger LEADS = new AtomicInteger();
    private static volatile double burst;
    private static volatile double rate;
    private static double level;
    private static long last;

    /** Holds the limit from now on (0: none) and zeroes the counters. */
    public static synchronized void limit(double burstLimit, double perSecond) {
        burst = burstLimit;
        rate = perSecond;
        level = 0;
        last = System.nanoTime();
        REFUSED.set(0);
        COMMANDS.set(0);
        REQUESTS.set(0);
        LEADS.set(0);
        CREATES.set(0);
        FULL.set(0);
    }

    private static synchronized boolean admit() {
        if (burst <= 0) {
            return true;
        }
        long now = System.nanoTime();
        level = Math.max(0, level - (now - last) / 1e9 * rate);
        last = now;
        if (level + 1 > burst) {
            return false;
        }
        level += 1;
        return true;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        if (!admit()) {
            REFUSED.incrementAndGet();
            return com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":\"QUERY_LIMIT_EXCEEDED\",\"error_description\":\"Too many requests\"}").build();
        }
        REQUESTS.incrementAndGet();
        ObjectNode results = JSON.createObjectNode();
        try {
            JsonNode cmd = JSON.readTree(serveEvent.getRequest().getBodyAsString()).path("cmd");
            int adds = 0;
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) cmd::fields) {
                String method = e.getValue().asText().replaceAll("\\?.*", "");
                COMMANDS.incrementAndGet();
                if (method.equals("crm.lead.add")) {
                    LEADS.incrementAndGet();
                }
                if (method.endsWith(".add")) {
                    adds++;
                    results.put(e.getKey(), IDS.incrementAndGet());
                } else {
                    results.putArray(e.getKey()); // findbycomm and lists: nothing (PHP's empty array)
                }
            }
            if (adds > 0) {
                CREATES.incrementAndGet();
                if (cmd.size() == 50) {
                    FULL.incrementAndGet();
                }
            }
        } catch (Exception e) {
            return com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(400).build();
        }
        return com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(CrmWireMock.batch(results.toString())).build();
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
