package io.leadgate.channel.telephony;

import io.leadgate.channel.ChannelAdapter;
import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.HookReply;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.UnparseableException;
import io.leadgate.inquiry.Inquiry;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Base of the telephony adapters: a provider only translates its request into {@link CallEvent}s
 * ({@link #events}); the shared {@link CallInquiryMapper} makes the inquiries. The call record can call
 * {@link #events} itself and map with the call's {@link CallState}.
 */
public abstract class CallEventAdapter implements ChannelAdapter {

    public static final String FORM = "application/x-www-form-urlencoded";
    protected static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    /** The provider's vocabulary step: the request's call events, in the order the request gives them. Pure. */
    public abstract List<CallEvent> events(HookRequest request, ChannelDefinition channel) throws UnparseableException;

    @Override
    public boolean accepts(String mediaType) {
        return FORM.equals(mediaType);
    }

    /**
     * A delivery that is not about a call (an SMS report, an unknown notification) as its ignored item, or empty
     * for call notifications. Providers that send such deliveries override it.
     */
    protected Optional<Inquiry> serviceEvent(HookRequest request, ChannelDefinition channel)
            throws UnparseableException {
        return Optional.empty();
    }

    /** Each event mapped on its own (no call record): every opening inbound event is a lead. */
    @Override
    public List<Inquiry> parse(HookRequest request, ChannelDefinition channel) throws UnparseableException {
        Optional<Inquiry> service = serviceEvent(request, channel);
        if (service.isPresent()) {
            return List.of(service.get());
        }
        return events(request, channel).stream()
                .map(e -> CallInquiryMapper.map(e, provider().id(), channel.defaultRegion()))
                .toList();
    }

    /** An XML answer with the given media type. */
    protected static HookReply xml(String contentType, String body) {
        return new HookReply(200, contentType + "; charset=utf-8", body, Map.of());
    }

    /** Escapes text for an XML attribute value. */
    protected static String attribute(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
