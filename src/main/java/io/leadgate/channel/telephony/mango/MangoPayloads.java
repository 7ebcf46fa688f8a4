package io.leadgate.channel.telephony.mango;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The JSON shapes of Mango Office VPBX notifications (the {@code json} form field), unknown keys ignored. */
final class MangoPayloads {

    private MangoPayloads() {
    }

    /** One side of a call: an outside number, or an employee's extension, and the company line it went through. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Party(String number, String extension, @JsonProperty("line_number") String lineNumber,
                 @JsonProperty("acd_group") String acdGroup) {

        static final Party NONE = new Party(null, null, null, null);

        boolean employee() {
            return extension != null && !extension.isBlank();
        }
    }

    /** {@code /events/call}: a leg of a call changed state. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CallLeg(@JsonProperty("entry_id") String entryId, @JsonProperty("call_id") String callId,
                     Long timestamp, Long seq, @JsonProperty("call_state") String callState, String location,
                     Party from, Party to, @JsonProperty("disconnect_reason") String disconnectReason) {
    }

    /** {@code /events/summary}: the record of a finished call; times are Unix seconds, 0 when it never happened. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Summary(@JsonProperty("entry_id") String entryId, @JsonProperty("call_direction") Integer callDirection,
                   Party from, Party to, @JsonProperty("line_number") String lineNumber,
                   @JsonProperty("create_time") Long createTime, @JsonProperty("forward_time") Long forwardTime,
                   @JsonProperty("talk_time") Long talkTime, @JsonProperty("end_time") Long endTime,
                   @JsonProperty("entry_result") Integer entryResult,
                   @JsonProperty("disconnect_reason") String disconnectReason) {
    }

    /** {@code /events/recording}: a recording of a call leg started or completed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Recording(@JsonProperty("entry_id") String entryId, @JsonProperty("call_id") String callId,
                     @JsonProperty("recording_id") String recordingId,
                     @JsonProperty("recording_state") String recordingState, Long seq, Long timestamp) {
    }

    /** {@code /events/dtmf}: digits the caller pressed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Dtmf(@JsonProperty("entry_id") String entryId, @JsonProperty("call_id") String callId, Long seq,
                String dtmf, Long timestamp, String location) {
    }
}
