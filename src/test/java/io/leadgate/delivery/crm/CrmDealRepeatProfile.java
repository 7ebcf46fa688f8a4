package io.leadgate.delivery.crm;

import java.util.HashMap;
import java.util.Map;

/** {@link CrmConnectorsProfile} with repeat-lead mode {@code deal}: a returning client's inquiry joins their open deal. */
public class CrmDealRepeatProfile extends CrmConnectorsProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> c = new HashMap<>(super.getConfigOverrides());
        c.put("leadgate.repeat-lead", "deal");
        return c;
    }
}
