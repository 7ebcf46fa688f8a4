package io.leadgate.delivery.crm;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * Both CRM connectors on, pointed at {@link CrmWireMock}; no schedule, so each test drives the connectors itself and
 * sees exactly what they sent. Bitrix24's bucket is smaller than the real one (burst 10, 5/s) so a burst test is short,
 * new leads go one by one (Bitrix24BatchTest pushes them together), and every new client gets a Bitrix24 contact
 * ({@code contacts=always}: these tests follow a lead's life with its contact; Bitrix24BatchTest covers the default).
 */
public class CrmConnectorsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "leadgate.connectors.poll-every", "off",
                "leadgate.connectors.bitrix24.enabled", "true",
                "leadgate.connectors.bitrix24.burst", "10",
                "leadgate.connectors.bitrix24.rate", "5",
                "leadgate.connectors.bitrix24.leads-per-batch", "1",
                "leadgate.connectors.bitrix24.contacts", "always",
                "leadgate.connectors.amocrm.enabled", "true",
                "leadgate.connectors.amocrm.timeout", "2s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(CrmWireMock.class));
    }
}
