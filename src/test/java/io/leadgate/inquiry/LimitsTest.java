package io.leadgate.inquiry;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LimitsTest {

    @Test
    void textThatFitsIsKeptAsItIs() {
        String s = "Здравствуйте";
        assertSame(s, Limits.clip(s, 12));
        assertNull(Limits.clip(null, 5));
    }

    @Test
    void longTextIsClippedWithAMarkerToExactlyTheLimit() {
        String clipped = Limits.clip("a".repeat(1000), 100);
        assertEquals(100, clipped.length());
        assertTrue(clipped.endsWith(Limits.CLIP_MARKER));
        assertEquals("a".repeat(100 - Limits.CLIP_MARKER.length()), clipped.substring(0, 100 - Limits.CLIP_MARKER.length()));
    }

    @Test
    void clippingCountsCodePointsAndNeverSplitsASurrogatePair() {
        String emoji = "😀".repeat(50); // 50 code points, 100 chars
        assertSame(emoji, Limits.clip(emoji, 50));
        String clipped = Limits.clip(emoji, 20);
        assertEquals(20, clipped.codePointCount(0, clipped.length()));
        assertTrue(clipped.startsWith("😀".repeat(20 - Limits.CLIP_MARKER.length())));
    }

    @Test
    void clippingIsIdempotent() {
        String once = Limits.clip("x".repeat(5000), Limits.NAME);
        assertSame(once, Limits.clip(once, Limits.NAME));
    }

    @Test
    void shortIdentifiersAreKeptAsTheyAre() {
        String id = "<CAF=abc@mail.gmail.com>";
        assertSame(id, Limits.identifier(id));
        String exactly = "i".repeat(Limits.IDENTIFIER);
        assertSame(exactly, Limits.identifier(exactly));
        assertNull(Limits.identifier(null));
    }

    @Test
    void longIdentifiersKeepAPrefixAndADigestOfTheWhole() {
        String id = "m".repeat(3000) + "@example.com";
        String bounded = Limits.identifier(id);
        assertEquals(Limits.IDENTIFIER, bounded.length());
        assertTrue(bounded.startsWith("m".repeat(128) + "~sha256:"));
        assertTrue(bounded.matches("m{128}~sha256:[0-9a-f]{64}"));
        assertEquals(bounded, Limits.identifier(id), "equal values stay equal");
        assertSame(bounded, Limits.identifier(bounded), "idempotent");
    }

    @Test
    void longIdentifiersSharingAPrefixStayDifferent() {
        String a = "p".repeat(500) + "a";
        String b = "p".repeat(500) + "b";
        assertNotEquals(Limits.identifier(a), Limits.identifier(b));
    }

    @Test
    void longThreadListsKeepTheRootAndTheMostRecentIds() {
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            refs.add("<id" + i + "@example.com>");
        }
        List<String> kept = Limits.identifiers(refs, Limits.THREAD_IDS);
        assertEquals(Limits.THREAD_IDS, kept.size());
        assertEquals("<id0@example.com>", kept.get(0));
        assertEquals("<id481@example.com>", kept.get(1));
        assertEquals("<id499@example.com>", kept.get(Limits.THREAD_IDS - 1));
        assertEquals(kept, Limits.identifiers(kept, Limits.THREAD_IDS));
        assertEquals(List.of(), Limits.identifiers(null, 5));
    }

    @Test
    void everyInquiryIsBoundedWhateverBuiltIt() {
        String longId = "e".repeat(1000);
        Inquiry i = Inquiry.builder(ChannelFamily.EMAIL, "email")
                .externalId(longId)
                .subject("s".repeat(10_000))
                .text("t".repeat(Limits.TEXT + 1))
                .kind(Kind.IGNORED, Reason.SERVICE_EVENT)
                .contact(new ContactInfo("n".repeat(10_000), List.of(), List.of("sip:" + "9".repeat(3000) + "@pbx"),
                        List.of("a".repeat(4000) + "@example.com"),
                        List.of(new Handle("telegram", "1".repeat(900), "u".repeat(900))), "c".repeat(900)))
                .thread(new ThreadRef(List.of(longId), java.util.Collections.nCopies(300, longId)))
                .call(new CallInfo("c".repeat(700), CallDirection.IN, "v".repeat(200), null, null, null, null, null, "l".repeat(700), true))
                .attachment(new Attachment("f".repeat(2000) + ".pdf", "application/" + "x".repeat(600), 10L, null))
                .build();
        assertEquals(Limits.identifier(longId), i.externalId());
        assertEquals(Limits.SUBJECT, i.subject().length());
        assertEquals(Limits.TEXT, i.text().length());
        assertEquals(Limits.NAME, i.contact().name().length());
        assertEquals(Limits.NAME, i.contact().company().length());
        assertEquals(Limits.IDENTIFIER, i.contact().rawPhones().get(0).length());
        assertEquals(Limits.IDENTIFIER, i.contact().emails().get(0).length());
        assertEquals(Limits.IDENTIFIER, i.contact().handles().get(0).id().length());
        assertEquals(Limits.IDENTIFIER, i.contact().handles().get(0).username().length());
        assertEquals(List.of(i.externalId()), i.thread().inReplyTo(), "a reply finds the message it answers");
        assertEquals(Limits.THREAD_IDS, i.thread().references().size());
        assertEquals(Limits.IDENTIFIER, i.call().callId().length());
        assertEquals(Limits.CODE, i.call().event().length());
        assertEquals(Limits.IDENTIFIER, i.call().line().length());
        assertEquals(SafeFileName.MAX_LENGTH, i.attachments().get(0).name().length());
        assertTrue(i.attachments().get(0).name().endsWith(".pdf"));
        assertEquals(Limits.CONTENT_TYPE, i.attachments().get(0).contentType().length());
    }
}
