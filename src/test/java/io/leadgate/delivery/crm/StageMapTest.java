package io.leadgate.delivery.crm;

import io.leadgate.config.LeadgateConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One stage mapping serves both directions: the connectors' outbound mapping also maps CRM statuses back. */
class StageMapTest {

    @Test
    void anOutboundMappingMapsBackAndTheInboundOneComesFirst() {
        var outbound = Map.of("3", pipeline(Optional.of("7012345"), Map.of("11", "61234567", "12", "61234568")));
        StageMap map = StageMap.of(inbound(Map.of("3", Map.of("12", "7012345:99"))), outbound, true);

        assertEquals(Optional.of(new StageMap.StageTarget("3", "11")), map.stage(List.of("7012345:61234567", "61234567")));
        assertEquals(Optional.of(new StageMap.StageTarget("3", "12")), map.stage(List.of("7012345:99")));
        assertEquals(Optional.of("7012345:99"), map.crmStatusOfStage(3, "Sales", 12, "Proposal"));
        assertEquals(Optional.empty(), map.stage(List.of("61234568")), "an unqualified id of a qualified pipeline");
    }

    @Test
    void bitrix24StageIdsAreTakenAsWritten() {
        var outbound = Map.of("3", pipeline(Optional.of("1"), Map.of("11", "C1:PREPARATION")));
        StageMap map = StageMap.of(inbound(Map.of()), outbound, false);
        assertEquals(Optional.of(new StageMap.StageTarget("3", "11")), map.stage(List.of("C1:PREPARATION")));
    }

    private static LeadgateConfig.Connectors.Pipeline pipeline(Optional<String> id, Map<String, String> stages) {
        return new LeadgateConfig.Connectors.Pipeline() {
            @Override
            public Optional<String> id() {
                return id;
            }

            @Override
            public Map<String, String> stages() {
                return stages;
            }
        };
    }

    private static CrmSyncConfig.Crm inbound(Map<String, Map<String, String>> stages) {
        return new CrmSyncConfig.Crm() {
            @Override
            public Map<String, Map<String, String>> stages() {
                return stages;
            }

            @Override
            public Map<String, String> leadStatuses() {
                return Map.of();
            }

            @Override
            public Map<String, String> users() {
                return Map.of();
            }

            @Override
            public String junkReason() {
                return "other";
            }

            @Override
            public String lossReason() {
                return "other";
            }

            @Override
            public Optional<String> eventSecret() {
                return Optional.empty();
            }

            @Override
            public CrmSyncConfig.OAuth oauth() {
                return null;
            }
        };
    }
}
