package io.leadgate.channel.webform.bitrix24;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.channel.HookReply;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Answers in the Bitrix24 REST shapes: {@code {"result": …, "time": {start, finish, duration, processing,
 * date_start, date_finish}}} on success, {@code {"error": "CODE", "error_description": "…"}} on failure.
 */
final class BitrixReplies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
            .withZone(ZoneOffset.UTC);

    private BitrixReplies() {
    }

    /** The success answer; {@code start} and {@code finish} give the {@code time} block (epoch seconds, µs). */
    static HookReply result(Long leadId, Instant start, Instant finish) {
        ObjectNode body = JSON.createObjectNode();
        if (leadId == null) {
            body.putNull("result");
        } else {
            body.put("result", leadId.longValue());
        }
        BigDecimal elapsed = seconds(Duration.between(start, finish).abs());
        ObjectNode time = body.putObject("time");
        time.put("start", seconds(Duration.between(Instant.EPOCH, start)));
        time.put("finish", seconds(Duration.between(Instant.EPOCH, finish)));
        time.put("duration", elapsed);
        time.put("processing", elapsed);
        time.put("date_start", DATE.format(start));
        time.put("date_finish", DATE.format(finish));
        return HookReply.json(200, body.toString());
    }

    static HookReply error(int status, String code, String description) {
        ObjectNode body = JSON.createObjectNode();
        body.put("error", code);
        body.put("error_description", description);
        return HookReply.json(status, body.toString());
    }

    private static BigDecimal seconds(Duration d) {
        return BigDecimal.valueOf(d.getSeconds() * 1_000_000L + d.getNano() / 1_000, 6);
    }
}
