package io.leadgate.delivery.crm.bitrix24;

import io.leadgate.config.LeadgateConfig;
import io.leadgate.delivery.crm.CrmChange;
import io.leadgate.delivery.crm.CrmChange.DealChange;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The per-pipeline stage mapping, without a portal. */
class Bitrix24StagesTest {

    private static LeadgateConfig.Connectors.Pipeline pipeline(String category, Map<String, String> stages) {
        return new LeadgateConfig.Connectors.Pipeline() {
            @Override
            public Optional<String> id() {
                return Optional.ofNullable(category);
            }

            @Override
            public Map<String, String> stages() {
                return stages;
            }
        };
    }

    private static DealChange moved(String pipeline, String stage, String semantics) {
        return new DealChange(1, DealChange.Kind.MOVED, 9, null, null, "t", pipeline, stage, semantics, null, null,
                null, null);
    }

    private final Map<String, LeadgateConfig.Connectors.Pipeline> pipelines = Map.of(
            "3", pipeline("1", Map.of("11", "C1:PREPARATION")),
            "4", pipeline(null, Map.of()));

    @Test
    void aMappedStageTakesItsBitrix24Stage() {
        assertEquals(Optional.of("C1:PREPARATION"), Bitrix24Lifecycle.stage(pipelines, moved("3", "11", "open")));
    }

    @Test
    void unmappedWonAndLostGoToTheCategorysOwnFinalStages() {
        assertEquals(Optional.of("C1:WON"), Bitrix24Lifecycle.stage(pipelines, moved("3", "12", "won")));
        assertEquals(Optional.of("C1:LOSE"), Bitrix24Lifecycle.stage(pipelines, moved("3", "13", "lost")));
        assertEquals(Optional.of("WON"), Bitrix24Lifecycle.stage(pipelines, moved("4", "20", "won")),
                "the general category has no prefix");
        assertEquals(Optional.of("LOSE"), Bitrix24Lifecycle.stage(pipelines, moved("99", "1", "lost")), "no mapping at all");
    }

    @Test
    void anUnmappedStageInProgressMovesNothing() {
        assertEquals(Optional.empty(), Bitrix24Lifecycle.stage(pipelines, moved("3", "12", "open")));
        assertEquals(Optional.empty(), Bitrix24Lifecycle.stage(pipelines, moved("99", "1", "open")));
    }

    @Test
    void theChangeKnowsWonAndLost() {
        CrmChange won = moved("3", "1", "won");
        assertEquals(true, ((DealChange) won).won());
    }
}
