package io.leadgate.delivery.crm;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** The Bitrix24 connector exactly as shipped (limits, leads per step, linger), for the benchmark; no schedule. */
public class CrmBenchProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "leadgate.connectors.poll-every", "off",
                "leadgate.connectors.bitrix24.enabled", "true");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(CrmWireMock.class));
    }
}
