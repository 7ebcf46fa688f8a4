package io.leadgate.pipeline;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TunnelGraphTest {

    // Sales: 1 new, 2 won. Installation: 11 new, 12 done, 13 failed. Maintenance: 21 active.
    private static final TunnelGraph.Edge SALES_WON_TO_INSTALLATION = new TunnelGraph.Edge(2, 11);
    private static final TunnelGraph.Edge INSTALLED_TO_MAINTENANCE = new TunnelGraph.Edge(12, 21);
    private static final TunnelGraph.Edge FAILED_BACK_TO_SALES = new TunnelGraph.Edge(13, 1);

    @Test
    void chainsAndReturnsToAnEarlierStageAreNoLoop() {
        assertEquals(Optional.empty(), TunnelGraph.loopWith(List.of(), SALES_WON_TO_INSTALLATION));
        assertEquals(Optional.empty(), TunnelGraph.loopWith(List.of(SALES_WON_TO_INSTALLATION), INSTALLED_TO_MAINTENANCE));
        assertEquals(Optional.empty(), TunnelGraph.loopWith(List.of(SALES_WON_TO_INSTALLATION, INSTALLED_TO_MAINTENANCE),
                FAILED_BACK_TO_SALES));
    }

    @Test
    void edgeBackToTheStageThatStartedTheChainIsALoop() {
        List<TunnelGraph.Edge> chain = List.of(SALES_WON_TO_INSTALLATION, new TunnelGraph.Edge(11, 21));
        assertEquals(Optional.of(List.of(21L, 2L, 11L, 21L)), TunnelGraph.loopWith(chain, new TunnelGraph.Edge(21, 2)));
        assertEquals(Optional.of(List.of(11L, 2L, 11L)), TunnelGraph.loopWith(chain, new TunnelGraph.Edge(11, 2)));
    }

    @Test
    void edgeIntoItselfIsALoop() {
        assertEquals(Optional.of(List.of(5L, 5L)), TunnelGraph.loopWith(List.of(), new TunnelGraph.Edge(5, 5)));
    }

    @Test
    void branchesThatMeetAgainAreNoLoop() {
        List<TunnelGraph.Edge> diamond = List.of(new TunnelGraph.Edge(1, 2), new TunnelGraph.Edge(1, 3),
                new TunnelGraph.Edge(2, 4));
        assertEquals(Optional.empty(), TunnelGraph.loopWith(diamond, new TunnelGraph.Edge(3, 4)));
    }
}
