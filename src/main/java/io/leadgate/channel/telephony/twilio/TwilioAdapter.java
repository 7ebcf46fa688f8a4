// Twilio Voice webhooks: https://www.twilio.com/docs/voice/twiml#request-parameters and
// https://www.twilio.com/docs/voice/api/call-resource#statuscallback (API version 2010-04-01);
// signature: https://www.twilio.com/docs/usage/webhooks/webhooks-security
package io.leadgate.channel.telephony.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelFileException;
import io.leadgate.channel.HookOutcome;
import io.leadgate.channel.HookReply;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.Provider;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.Verification;
import io.leadgate.channel.telephony.CallEvent;
import io.leadgate.channel.telephony.CallEventAdapter;
import io.leadgate.channel.telephony.FormParams;
import io.leadgate.inquiry.UrlQuery;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Twilio Voice ({@code provider: twilio}): call requests and status callbacks signed with the account's
 * {@code auth-token} ({@link TwilioSignature}; optional {@code public-url}). Answers TwiML: the channel's
 * {@code twiml} setting for a call's voice request, an empty {@code <Response/>} otherwise.
 */
@ApplicationScoped
public class TwilioAdapter extends CallEventAdapter {

    static final String EMPTY_TWIML = XML_DECLARATION + "<Response/>";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Provider provider() {
        return Provider.TWILIO;
    }

    @Override
    public void validate(ChannelDefinition channel) {
        channel.setting("public-url").filter(url -> !UrlQuery.isHttpUrl(url)).ifPresent(url -> {
            throw new ChannelFileException(channel.file(), "settings.public-url", "must be an absolute http(s) URL");
        });
        channel.setting("twiml").filter(t -> !t.contains("<Response")).ifPresent(t -> {
            throw new ChannelFileException(channel.file(), "settings.twiml", "must be a TwiML <Response> document");
        });
    }

    @Override
    public boolean accepts(String mediaType) {
        return FORM.equals(mediaType) || "application/json".equals(mediaType);
    }

    @Override
    public Verification verify(HookRequest request, ChannelDefinition channel) {
        return TwilioSignature.verify(request, channel.setting("auth-token").orElse(""), channel.setting("public-url"));
    }

    @Override
    public List<CallEvent> events(HookRequest request, ChannelDefinition channel) throws UnparseableException {
        return List.of(TwilioEvents.read(params(request)));
    }

    @Override
    public HookReply reply(HookRequest request, ChannelDefinition channel, HookOutcome outcome) {
        String twiml = EMPTY_TWIML;
        if (isVoiceRequest(request)) {
            twiml = channel.setting("twiml").map(String::strip).orElse(EMPTY_TWIML);
        }
        return xml("text/xml", twiml);
    }

    /** A call's own voice request: not an action, status or recording callback (their answer loops or is dropped). */
    private static boolean isVoiceRequest(HookRequest request) {
        FormParams p;
        try {
            p = params(request);
        } catch (UnparseableException e) {
            return false;
        }
        return !p.has("CallbackSource") && !p.has("Digits") && !p.has("SpeechResult") && !p.has("DialCallStatus")
                && !p.has("RecordingUrl") && !p.has("RecordingSid")
                && (!p.has("CallStatus") || List.of("ringing", "in-progress").contains(p.get("CallStatus")));
    }

    private static FormParams params(HookRequest request) throws UnparseableException {
        if (!"application/json".equals(request.mediaType())) {
            return FormParams.of(request);
        }
        JsonNode root;
        try {
            root = JSON.readTree(request.body());
        } catch (IOException e) {
            throw new UnparseableException("Twilio body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new UnparseableException("Twilio JSON body must be an object");
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        root.properties().forEach(f -> {
            if (f.getValue().isValueNode() && !f.getValue().isNull()) {
                values.computeIfAbsent(f.getKey(), k -> new ArrayList<>()).add(f.getValue().asText());
            }
        });
        return new FormParams(values);
    }
}
