package io.leadgate.delivery.crm;

import java.util.HashMap;
import java.util.Map;

/** {@link CrmConnectorsProfile} with amoCRM reached through an OAuth 2 integration started from a refresh token. */
public class CrmOAuthProfile extends CrmConnectorsProfile {

    public static final String INITIAL_REFRESH = "amo-initial-refresh";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> c = new HashMap<>(super.getConfigOverrides());
        c.put("leadgate.crm.oauth-every", "off");
        c.put("leadgate.crm.inbound-every", "off");
        c.put("leadgate.crm.amocrm.oauth.client-id", "2f3c6c0e-0000-4000-8000-leadgatetest");
        c.put("leadgate.crm.amocrm.oauth.client-secret", "amo-client-s3cret");
        c.put("leadgate.crm.amocrm.oauth.redirect-uri", "https://leadgate.example/crm/amocrm/oauth");
        c.put("leadgate.crm.amocrm.oauth.refresh-token", INITIAL_REFRESH);
        return c;
    }
}
