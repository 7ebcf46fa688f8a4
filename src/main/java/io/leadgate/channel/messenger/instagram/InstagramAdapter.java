package io.leadgate.channel.messenger.instagram;

// Instagram messaging webhooks (Instagram API with Instagram Login; payload as of Graph API v21):
// https://developers.facebook.com/docs/instagram-platform/webhooks
// Envelope {"object":"instagram","entry":[{"id","time","messaging":[{sender,recipient,timestamp,message{mid,text}}]}]}

import io.leadgate.channel.Provider;
import io.leadgate.channel.messenger.meta.MessagingAdapter;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Instagram Direct ({@code provider: instagram}): {@code entry[].messaging[]} events of a professional account,
 * Meta-signed. {@code entry[].changes[]} (comments, mentions) are not read.
 */
@ApplicationScoped
public class InstagramAdapter extends MessagingAdapter {

    @Override
    public Provider provider() {
        return Provider.INSTAGRAM;
    }
}
