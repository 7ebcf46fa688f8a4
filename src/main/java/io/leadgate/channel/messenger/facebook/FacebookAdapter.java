package io.leadgate.channel.messenger.facebook;

// Messenger Platform webhooks (payload as of Graph API v21):
// https://developers.facebook.com/docs/messenger-platform/webhooks
// Events: https://developers.facebook.com/docs/messenger-platform/reference/webhook-events

import io.leadgate.channel.Provider;
import io.leadgate.channel.messenger.meta.MessagingAdapter;
import jakarta.enterprise.context.ApplicationScoped;

/** Facebook Messenger ({@code provider: facebook}): a page's {@code entry[].messaging[]} events, Meta-signed. */
@ApplicationScoped
public class FacebookAdapter extends MessagingAdapter {

    @Override
    public Provider provider() {
        return Provider.FACEBOOK;
    }
}
