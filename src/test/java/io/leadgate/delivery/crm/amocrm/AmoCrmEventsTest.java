package io.leadgate.delivery.crm.amocrm;

import io.leadgate.delivery.crm.StageMap;
import io.leadgate.delivery.crm.inbound.CrmChange;
import io.leadgate.delivery.crm.inbound.CrmEvents.Verification;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** amoCRM webhook bodies (fixtures/crm/amocrm) read into changes, and the mapping read back; pure. */
class AmoCrmEventsTest {

    private final AmoCrmEvents events = new AmoCrmEvents(Optional.of("s3cret"));

    @Test
    void statusChangeCarriesPipelineAndStatusInBothForms() throws IOException {
        List<CrmChange> changes = events.changes(fixture("leads-status.form", "25399013", "142"));
        assertEquals(List.of(new CrmChange("lead", "25399013", List.of("7000:142", "142"), null, CrmChange.Kind.STATUS)),
                changes);
    }

    @Test
    void responsibleAndUnsortedDeclineAreRead() throws IOException {
        assertEquals(List.of(new CrmChange("lead", "11", List.of(), "8000002", CrmChange.Kind.RESPONSIBLE)),
                events.changes(fixture("leads-responsible.form", "11", "8000002")));
        assertEquals(List.of(new CrmChange("lead", "12", List.of(), null, CrmChange.Kind.DECLINED)),
                events.changes(fixture("unsorted-decline.form", "12", null)));
    }

    @Test
    void anAcceptedIncomingLeadNamesItsLeadInTheAcceptResult() throws IOException {
        assertEquals(List.of(new CrmChange("lead", "25399014", List.of(), null, CrmChange.Kind.ACCEPTED)),
                events.changes(fixture("unsorted-accept.form", "25399014", null)));
        // a lead id under the other result, a non-numeric one, or an unknown action changes nothing
        assertEquals(List.of(), events.changes("unsorted%5Bdelete%5D%5B0%5D%5Baction%5D=accept"
                + "&unsorted%5Bdelete%5D%5B0%5D%5Bdecline_result%5D%5Bleads%5D%5B0%5D=5"));
        assertEquals(List.of(), events.changes("unsorted%5Bdelete%5D%5B0%5D%5Baction%5D=accept"
                + "&unsorted%5Bdelete%5D%5B0%5D%5Baccept_result%5D%5Bleads%5D%5B0%5D=5x"));
        assertEquals(List.of(), events.changes("unsorted%5Bdelete%5D%5B0%5D%5Baction%5D=link"
                + "&unsorted%5Bdelete%5D%5B0%5D%5Blink_result%5D%5Bleads%5D%5B0%5D=5"));
    }

    @Test
    void secretIsComparedAndBodyMustBeAmoCrms() throws IOException {
        String body = fixture("leads-status.form", "1", "142");
        assertEquals(Verification.VALID, events.verify(body, "s3cret"));
        assertEquals(Verification.MISMATCH, events.verify(body, "s3cres"));
        assertEquals(Verification.MISSING, events.verify(body, null));
        assertEquals(Verification.MALFORMED, events.verify("a=b", "s3cret"));
        assertEquals(Verification.NOT_CONFIGURED, new AmoCrmEvents(Optional.empty()).verify(body, "s3cret"));
    }

    @Test
    void mappingIsReadBackwardsMostSpecificFirst() {
        StageMap map = new StageMap(Map.of("Sales", Map.of("Won", "142", "Proposal", "7000:30002")),
                Map.of("in-progress", "7000:30001"));
        assertEquals(Optional.of(new StageMap.StageTarget("Sales", "Won")), map.stage(List.of("9000:142", "142")));
        assertEquals(Optional.of(new StageMap.StageTarget("Sales", "Proposal")), map.stage(List.of("7000:30002", "30002")));
        assertTrue(map.stage(List.of("8000:30002", "30002")).isEmpty(), "another pipeline's status");
        assertEquals("in-progress", map.leadStatus(List.of("7000:30001")).orElseThrow().code());
        assertEquals(Optional.of("142"), map.crmStatusOfStage(5, "Sales", 9, "won"), "by name, case-insensitive");
    }

    private static String fixture(String name, String id, String status) throws IOException {
        try (InputStream in = AmoCrmEventsTest.class.getResourceAsStream("/fixtures/crm/amocrm/" + name)) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().replace("{ID}", id)
                    .replace("{TS}", "1764669600");
            return status == null ? body : body.replace("{STATUS}", status);
        }
    }
}
