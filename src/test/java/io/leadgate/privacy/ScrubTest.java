package io.leadgate.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScrubTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void itemKeepsWhatCountsNeedAndLosesThePerson() throws Exception {
        JsonNode item = MAPPER.readTree("""
                {"kind":"lead","reason":null,"channel":"messenger","provider":"telegram","externalId":"tg:42",
                 "occurredAt":"2026-01-02T03:04:05Z",
                 "contact":{"name":"Anna","phones":["+79161234567"],"rawPhones":["555"],"emails":["a@b.c"],
                            "handles":[{"provider":"telegram","id":"42","username":"anna"}],"company":"Anna Ltd"},
                 "subject":"Hi","text":"call me at +79161234567",
                 "attribution":{"utm_source":"tg","utm_campaign":"x","clickIds":{"gclid":"G1"},
                                "referrer":"https://r.example/?e=a@b.c","landingPage":"https://l.example/?p=1","ad":{"sourceId":"7"}},
                 "attachments":[{"name":"passport.pdf","contentType":"application/pdf","size":10,"ref":"file-1"}],
                 "thread":{"inReplyTo":["<m1@b.c>"],"references":["<m0@b.c>"]},
                 "call":{"callId":"c1","direction":"in","event":"hangup","missed":true,"recordingUrl":"https://rec/1","line":"+4930"},
                 "extra":{"plan":"pro"}}""");
        String scrubbed = Scrub.item(item).toString();
        JsonNode s = MAPPER.readTree(scrubbed);
        for (String gone : new String[] {"Anna", "7916", "a@b.c", "anna", "call me", "Hi\"", "G1", "r.example",
                "l.example", "passport", "file-1", "m1@", "rec/1", "\"pro\"", "tg:42"}) {
            assertFalse(scrubbed.contains(gone), gone + " is gone from " + scrubbed);
        }
        assertEquals("lead", s.get("kind").asText());
        assertEquals("telegram", s.get("provider").asText());
        assertEquals("2026-01-02T03:04:05Z", s.get("occurredAt").asText());
        assertEquals("x", s.at("/attribution/utm_campaign").asText());
        assertEquals("7", s.at("/attribution/ad/sourceId").asText());
        assertEquals("application/pdf", s.at("/attachments/0/contentType").asText());
        assertTrue(s.at("/call/missed").asBoolean());
        assertTrue(s.get("erased").asBoolean());
    }

    @Test
    void eventKeepsItsEnvelopeAndLosesItsData() throws Exception {
        String event = "{\"specversion\":\"1.0\",\"id\":\"e1\",\"type\":\"leadgate.lead.created\",\"subject\":\"5\","
                + "\"data\":{\"lead\":{\"name\":\"Anna\"}}}";
        JsonNode s = MAPPER.readTree(Scrub.event(event));
        assertEquals("e1", s.get("id").asText());
        assertEquals("5", s.get("subject").asText());
        assertEquals("{\"erased\":true}", s.get("data").toString());
    }

    @Test
    void resolutionKeepsOnlyTheDecision() {
        assertEquals("{\"decision\":\"matched\"}",
                Scrub.resolution("{\"decision\":\"matched\",\"matchedBy\":[\"phone:+79161234567\"]}"));
    }
}
