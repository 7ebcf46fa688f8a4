package io.leadgate.contact;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.leadgate.contact.ArrivalSides.Side.SOURCE;
import static io.leadgate.contact.ArrivalSides.Side.TARGET;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which card an inquiry that arrived while merged belongs to on undo, by the identities it came with. */
class ArrivalSidesTest {

    private static final String A_PHONE = "PHONE:+79160000001";
    private static final String B_EMAIL = "EMAIL:b@mail.example";
    private static final String NEW_EMAIL = "EMAIL:new@mail.example";
    private static final String NEW_PHONE = "PHONE:+79160000002";

    private final ArrivalSides sides = new ArrivalSides(List.of(A_PHONE), List.of(B_EMAIL),
            List.of(NEW_EMAIL, NEW_PHONE));

    @Test
    void theSourcesIdentitiesAloneSendAnInquiryBack() {
        assertEquals(SOURCE, sides.decide(List.of(A_PHONE)));
        assertEquals(TARGET, sides.decide(List.of(B_EMAIL)));
    }

    @Test
    void bothOrNeitherStayOnTheTarget() {
        assertEquals(TARGET, sides.decide(List.of(A_PHONE, B_EMAIL)));
        assertEquals(TARGET, sides.decide(List.of("EMAIL:stranger@mail.example")));
        assertEquals(TARGET, sides.decide(List.of()));
    }

    @Test
    void anIdentityFirstSeenWhileMergedFollowsTheFirstInquiryThatBroughtIt() {
        assertEquals(SOURCE, sides.decide(List.of(A_PHONE, NEW_EMAIL)));
        assertEquals(SOURCE, sides.decide(List.of(NEW_EMAIL)), "later, the new address is the source's");
        assertEquals(TARGET, sides.decide(List.of(NEW_PHONE)), "first seen alone: it stays with the target");
        assertEquals(TARGET, sides.decide(List.of(NEW_PHONE, A_PHONE)), "then it is the target's: both cards");
        assertEquals(List.of(NEW_EMAIL), sides.freshToSource());
    }

    @Test
    void aNewIdentityBroughtWithBothCardsIdentitiesStaysOnTheTarget() {
        assertEquals(TARGET, sides.decide(List.of(A_PHONE, B_EMAIL, NEW_EMAIL)));
        assertEquals(TARGET, sides.decide(List.of(NEW_EMAIL)));
        assertEquals(List.of(), sides.freshToSource());
    }
}
