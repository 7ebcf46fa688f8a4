package io.leadgate.channel.email.imap;

import io.leadgate.channel.ChannelAdapter;
import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.HookOutcome;
import io.leadgate.channel.HookReply;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.Provider;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.Verification;
import io.leadgate.channel.email.EmailMapper;
import io.leadgate.channel.email.EmailParser;
import io.leadgate.inquiry.Inquiry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * An IMAP mailbox polled by the gateway ({@code provider: imap}; see {@link MailboxPoller}). It has no hook: mail
 * comes from the poller, which hands each raw message to {@link #parse} like a request body, so a kept message can
 * be replayed like any envelope.
 */
@ApplicationScoped
public class ImapAdapter implements ChannelAdapter {

    @Override
    public Provider provider() {
        return Provider.IMAP;
    }

    @Override
    public void validate(ChannelDefinition channel) {
        ImapSettings.of(channel);
    }

    /** Nothing is posted to an IMAP channel. */
    @Override
    public boolean accepts(String mediaType) {
        return false;
    }

    @Override
    public Verification verify(HookRequest request, ChannelDefinition channel) {
        return Verification.BAD_SIGNATURE;
    }

    @Override
    public List<Inquiry> parse(HookRequest request, ChannelDefinition channel) throws UnparseableException {
        if (request.body().length == 0) {
            throw new UnparseableException("empty message");
        }
        return List.of(EmailMapper.map(EmailParser.parse(request.body(), channel.defaultRegion()),
                EmailMapper.Options.of(channel)));
    }

    @Override
    public HookReply reply(HookRequest request, ChannelDefinition channel, HookOutcome outcome) {
        return HookReply.empty(204);
    }
}
