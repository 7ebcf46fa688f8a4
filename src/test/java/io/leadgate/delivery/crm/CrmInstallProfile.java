package io.leadgate.delivery.crm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link CrmConnectorsProfile} with both CRMs reached through OAuth applications that have no grant yet: they are
 * installed from the CRM side (amoCRM's redirect, Bitrix24's installation post). Bitrix24's token endpoint is the
 * WireMock server ({@link InstallWireMock}).
 */
public class CrmInstallProfile extends CrmConnectorsProfile {

    public static final String AMO_CLIENT_ID = "2f3c6c0e-0000-4000-8000-leadgateinst";
    public static final String AMO_SECRET = "amo-install-s3cret";
    public static final String AMO_REDIRECT = "https://leadgate.example/crm/amocrm/oauth";
    public static final String B24_CLIENT_ID = "local.6667fc928a50a9.70414732";
    public static final String B24_SECRET = "b24-install-s3cret";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> c = new HashMap<>(super.getConfigOverrides());
        c.put("leadgate.crm.oauth-every", "off");
        c.put("leadgate.crm.inbound-every", "off");
        c.put("leadgate.crm.amocrm.oauth.client-id", AMO_CLIENT_ID);
        c.put("leadgate.crm.amocrm.oauth.client-secret", AMO_SECRET);
        c.put("leadgate.crm.amocrm.oauth.redirect-uri", AMO_REDIRECT);
        c.put("leadgate.crm.bitrix24.oauth.client-id", B24_CLIENT_ID);
        c.put("leadgate.crm.bitrix24.oauth.client-secret", B24_SECRET);
        return c;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(InstallWireMock.class));
    }

    /** {@link CrmWireMock}, with Bitrix24's token endpoint on it too. */
    public static class InstallWireMock extends CrmWireMock {
        @Override
        public Map<String, String> start() {
            Map<String, String> c = new HashMap<>(super.start());
            c.put("leadgate.crm.bitrix24.oauth.token-url", server.baseUrl() + "/oauth/token/");
            return c;
        }
    }
}
