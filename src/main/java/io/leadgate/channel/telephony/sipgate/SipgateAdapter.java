// sipgate.io push API (form-encoded newCall/answer/hangup/dtmf, XML answers):
// https://github.com/sipgate/sipgate.io#the-post-request (README as of 2019, API without version number)
package io.leadgate.channel.telephony.sipgate;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.HookOutcome;
import io.leadgate.channel.HookReply;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.PathToken;
import io.leadgate.channel.Provider;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.Verification;
import io.leadgate.channel.telephony.CallEvent;
import io.leadgate.channel.telephony.CallEventAdapter;
import io.leadgate.channel.telephony.FormParams;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * sipgate.io push ({@code provider: sipgate}): no signature, so the hook URL carries the channel's {@code token}
 * ({@code /hooks/{id}/{token}}). A {@code newCall} is answered with {@code <Response onAnswer=… onHangup=…/>}
 * pointing back at the same URL, so that sipgate also pushes the answer and hangup of the call.
 */
@ApplicationScoped
public class SipgateAdapter extends CallEventAdapter {

    static final String MEDIA_TYPE = "application/xml";

    @Override
    public Provider provider() {
        return Provider.SIPGATE;
    }

    @Override
    public Verification verify(HookRequest request, ChannelDefinition channel) {
        return PathToken.verify(request, channel.setting("token"));
    }

    @Override
    public List<CallEvent> events(HookRequest request, ChannelDefinition channel) throws UnparseableException {
        return List.of(SipgateEvents.read(FormParams.of(request)));
    }

    @Override
    public HookReply reply(HookRequest request, ChannelDefinition channel, HookOutcome outcome) {
        String url = request.requestUrl();
        if ("newCall".equals(FormParams.of(request).get("event")) && url != null) {
            String at = attribute(url);
            return xml(MEDIA_TYPE, XML_DECLARATION + "<Response onAnswer=\"" + at + "\" onHangup=\"" + at + "\"/>");
        }
        return xml(MEDIA_TYPE, XML_DECLARATION + "<Response/>");
    }
}
