package io.leadgate.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The outbox writes its CloudEvents itself, in one pass: byte for byte what the CloudEvents SDK writes. */
class OutboxPayloadTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final EventFormat SDK = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    @Test
    void inquiryEventIsWhatTheSdkWrites() throws Exception {
        ObjectNode data = MAPPER.createObjectNode();
        data.put("inquiryId", "42").put("text", "Привет, \"quoted\" \u2028 line").putNull("none");
        data.putObject("lead").put("inquiryCount", 3).put("callback", true).putArray("tags").add("a").add(1.5);
        assertSame("leadgate.inquiry.received", "12", Instant.parse("2026-12-02T10:19:44.123456Z"), data);
    }

    @Test
    void channelEventWithoutSubjectAndWholeSecondIsWhatTheSdkWrites() throws Exception {
        assertSame("leadgate.channel.silent", null, Instant.parse("2026-12-02T10:00:00Z"),
                MAPPER.createObjectNode().put("channelId", "form"));
    }

    private static void assertSame(String type, String subject, Instant time, ObjectNode data) throws Exception {
        String id = "0b8e6f5c-7a43-4c55-9a40-3a1c1d0f2e11";
        String source = "/leadgate/channels/form";
        CloudEvent event = CloudEventBuilder.v1().withId(id).withSource(URI.create(source)).withType(type)
                .withSubject(subject).withTime(time.atOffset(ZoneOffset.UTC)).withDataContentType("application/json")
                .withData(MAPPER.writeValueAsBytes(data)).build();
        assertEquals(new String(SDK.serialize(event), StandardCharsets.UTF_8),
                Outbox.structured(id, source, type, subject, time, data));
    }
}
