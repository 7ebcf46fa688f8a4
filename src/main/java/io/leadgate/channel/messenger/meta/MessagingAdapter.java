package io.leadgate.channel.messenger.meta;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.UnparseableException;
import io.leadgate.inquiry.Inquiry;

import java.util.List;

/** A Meta product that delivers Messenger Platform events ({@code entry[].messaging[]}): Messenger, Instagram. */
public abstract class MessagingAdapter extends MetaAdapter {

    @Override
    public List<Inquiry> parse(HookRequest request, ChannelDefinition channel) throws UnparseableException {
        MetaEnvelope<MessagingPayload.Entry> envelope = MetaEnvelope.read(request.body(), MessagingPayload.Entry.class);
        return MessagingMapper.map(envelope, provider().id(), channel.defaultRegion());
    }
}
