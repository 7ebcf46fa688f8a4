package io.leadgate.channel.messenger.whatsapp;

// WhatsApp Cloud API webhooks (payload as of Graph API v21, webhook field "messages"):
// https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/components
// Payload reference: https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/payload-examples

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.Provider;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.messenger.meta.MetaAdapter;
import io.leadgate.channel.messenger.meta.MetaEnvelope;
import io.leadgate.inquiry.Inquiry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** WhatsApp Cloud API ({@code provider: whatsapp}): inbound messages and message statuses, Meta-signed. */
@ApplicationScoped
public class WhatsAppAdapter extends MetaAdapter {

    @Override
    public Provider provider() {
        return Provider.WHATSAPP;
    }

    @Override
    public List<Inquiry> parse(HookRequest request, ChannelDefinition channel) throws UnparseableException {
        return WhatsAppMapper.map(MetaEnvelope.read(request.body(), WhatsAppPayload.Entry.class), channel.defaultRegion());
    }
}
