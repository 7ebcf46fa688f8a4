package io.leadgate.delivery.crm;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * The Bitrix24 connector as shipped — Bitrix24's own limits (2 requests/s, burst 50), new leads pushed together — except
 * that pending new leads are pushed as soon as the test drains ({@code linger} 0), so each test sees its own run at once.
 */
public class CrmBatchProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "leadgate.connectors.poll-every", "off",
                "leadgate.connectors.bitrix24.enabled", "true",
                "leadgate.connectors.bitrix24.linger", "0s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(CrmWireMock.class));
    }
}
