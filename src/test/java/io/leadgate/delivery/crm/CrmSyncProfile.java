package io.leadgate.delivery.crm;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link CrmConnectorsProfile} plus what changes coming back from the CRMs need: the events' secrets, the stage and
 * status mapping of the seeded "Sales" pipeline, a user mapping; no schedule, tests apply stored events themselves.
 */
public class CrmSyncProfile extends CrmConnectorsProfile {

    public static final String B24_APP_TOKEN = "b24-app-t0ken-51856fef";
    public static final String AMO_SECRET = "amo-h00k-s3cret";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> c = new HashMap<>(super.getConfigOverrides());
        c.put("leadgate.crm.inbound-every", "off");
        c.put("leadgate.crm.bitrix24.event-secret", B24_APP_TOKEN);
        c.put("leadgate.crm.bitrix24.lead-statuses.in-progress", "IN_PROCESS");
        c.put("leadgate.crm.bitrix24.lead-statuses.junk", "JUNK");
        c.put("leadgate.crm.bitrix24.stages.Sales.Qualification", "PREPARATION");
        c.put("leadgate.crm.bitrix24.stages.Sales.Won", "WON");
        c.put("leadgate.crm.bitrix24.stages.Sales.Lost", "LOSE");
        // a second pipeline "Resale" kept in Bitrix24 deal category 3 (CrmEventsTest), and pipelines mapped by id to
        // categories 0 and 3 (Bitrix24CategoryMoveTest: ids no test database hands out)
        c.put("leadgate.crm.bitrix24.stages.Resale.Signing", "C3:EXECUTING");
        c.put("leadgate.connectors.bitrix24.pipelines.\"990001\".id", "0");
        c.put("leadgate.connectors.bitrix24.pipelines.\"990002\".id", "3");
        c.put("leadgate.connectors.bitrix24.pipelines.\"990002\".stages.\"990012\"", "C3:EXECUTING");
        c.put("leadgate.crm.amocrm.event-secret", AMO_SECRET);
        c.put("leadgate.crm.amocrm.lead-statuses.in-progress", "7000:30001");
        c.put("leadgate.crm.amocrm.stages.Sales.Proposal", "7000:30002");
        c.put("leadgate.crm.amocrm.stages.Sales.Won", "142");
        c.put("leadgate.crm.amocrm.stages.Sales.Lost", "143");
        c.put("leadgate.crm.amocrm.users.8000002", "admin");
        return c;
    }
}
