package io.leadgate.delivery.crm;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.leadgate.testing.Conformance;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * WireMock standing in for a Bitrix24 portal and an amoCRM account, started before the application, answering with
 * the documented shapes (the conformance samples where there are some). Tests add their own stubs above these.
 */
public class CrmWireMock implements QuarkusTestResourceLifecycleManager {

    /** The webhook's secret path part; it must never show in logs. */
    public static final String B24_HOOK = "/rest/1/s3cr3tw3bh00k/";
    public static final String AMO_TOKEN = "amo-long-lived-t0ken";
    public static final int B24_NEW_CONTACT = 501;
    public static final int B24_LEAD = 3465;
    public static final int AMO_LEAD = 18415;
    public static final int AMO_CONTACT = 18429;
    static final int DEFAULT_PRIORITY = 10;

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().extensions(new Bitrix24BatchStub()));
        server.start();
        defaults();
        lifecycle();
        return Map.of(
                "leadgate.connectors.bitrix24.url", server.baseUrl() + B24_HOOK,
                "leadgate.connectors.amocrm.base-url", server.baseUrl(),
                "leadgate.connectors.amocrm.token", AMO_TOKEN);
    }

    /** Nothing found by duplicate search; contact + lead created; lead added (the documented answer); amoCRM created. */
    static void defaults() {
        server.stubFor(post(urlEqualTo(B24_HOOK + "batch.json")).atPriority(DEFAULT_PRIORITY)
                .withRequestBody(containing("crm.duplicate.findbycomm"))
                .willReturn(json(batch("{\"phone\":[],\"email\":[]}"))));
        server.stubFor(post(urlEqualTo(B24_HOOK + "batch.json")).atPriority(DEFAULT_PRIORITY)
                .withRequestBody(containing("crm.contact.add"))
                .willReturn(json(batch("{\"contact\":" + B24_NEW_CONTACT + ",\"lead\":" + B24_LEAD + "}"))));
        server.stubFor(post(urlEqualTo(B24_HOOK + "batch.json")).atPriority(DEFAULT_PRIORITY + 1)
                .withRequestBody(containing("crm.lead.list"))
                .willReturn(json(batch("{\"sent\":[]}"))));
        server.stubFor(post(urlEqualTo(B24_HOOK + "crm.lead.add.json")).atPriority(DEFAULT_PRIORITY)
                .willReturn(json(sample("webforms/bitrix24/b24restdocs__crm.lead.add.response.json"))));
        // amoCRM's lead search answers 204 No Content when nothing matches
        server.stubFor(get(urlPathEqualTo("/api/v4/leads")).atPriority(DEFAULT_PRIORITY)
                .willReturn(aResponse().withStatus(204)));
        server.stubFor(post(urlEqualTo("/api/v4/leads/complex")).atPriority(DEFAULT_PRIORITY)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("[{\"id\":" + AMO_LEAD + ",\"contact_id\":" + AMO_CONTACT
                                + ",\"company_id\":null,\"request_id\":[\"0\"],\"merged\":false}]")));
    }

    /** The documented answers of the lifecycle calls (fixtures/crm/*, see their README). */
    static void lifecycle() {
        for (String method : List.of("crm.timeline.comment.add", "crm.contact.get", "crm.contact.update", "crm.lead.update",
                "crm.deal.add", "crm.deal.update", "crm.entity.mergeBatch", "crm.item.update", "crm.contact.add")) {
            server.stubFor(post(urlEqualTo(B24_HOOK + method + ".json")).atPriority(DEFAULT_PRIORITY)
                    .willReturn(json(fixture("bitrix24/" + method + ".response.json"))));
        }
        for (String method : List.of("crm.timeline.comment.list", "crm.deal.list")) {
            server.stubFor(post(urlEqualTo(B24_HOOK + method + ".json")).atPriority(DEFAULT_PRIORITY)
                    .willReturn(json(fixture("bitrix24/" + method + ".empty.response.json"))));
        }
        server.stubFor(post(urlPathMatching("/api/v4/(leads|contacts)/notes")).atPriority(DEFAULT_PRIORITY)
                .willReturn(json(fixture("amocrm/notes.add.response.json"))));
        server.stubFor(get(urlPathMatching("/api/v4/(leads|contacts)/[0-9]+/notes")).atPriority(DEFAULT_PRIORITY)
                .willReturn(aResponse().withStatus(204)));
        server.stubFor(get(urlPathMatching("/api/v4/contacts/[0-9]+")).atPriority(DEFAULT_PRIORITY)
                .willReturn(json(fixture("amocrm/contacts.get.response.json"))));
        server.stubFor(patch(urlPathMatching("/api/v4/contacts/[0-9]+")).atPriority(DEFAULT_PRIORITY)
                .willReturn(json(fixture("amocrm/contacts.update.response.json"))));
        server.stubFor(patch(urlPathMatching("/api/v4/leads/[0-9]+")).atPriority(DEFAULT_PRIORITY)
                .willReturn(json(fixture("amocrm/leads.update.response.json"))));
        server.stubFor(post(urlEqualTo("/api/v4/leads")).atPriority(DEFAULT_PRIORITY)
                .willReturn(json(fixture("amocrm/leads.add.response.json"))));
        server.stubFor(post(urlPathMatching("/api/v4/leads/unsorted/(forms|sip)")).atPriority(DEFAULT_PRIORITY)
                .willReturn(json(fixture("amocrm/unsorted.forms.response.json"))));
    }

    /** A project fixture under {@code fixtures/crm/}. */
    static String fixture(String relative) {
        try (var in = CrmWireMock.class.getResourceAsStream("/fixtures/crm/" + relative)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + relative);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A Bitrix24 batch answer with these results and no errors (empty PHP arrays come as {@code []}). */
    static String batch(String results) {
        return "{\"result\":{\"result\":" + results + ",\"result_error\":[],\"result_total\":[],\"result_next\":[],"
                + "\"result_time\":[]},\"time\":{\"start\":1705764932.99,\"finish\":1705764933.1,\"duration\":0.11,"
                + "\"processing\":0.1,\"date_start\":\"2024-01-20T18:35:32+01:00\",\"date_finish\":\"2024-01-20T18:35:33+01:00\"}}";
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    static String sample(String relative) {
        return new String(Conformance.bytes(relative), StandardCharsets.UTF_8);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    static WireMock client() {
        return new WireMock(server);
    }
}
