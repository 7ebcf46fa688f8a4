package io.leadgate.channel.email.imap;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.InboundAdapter;
import io.leadgate.channel.InboundSink;
import io.leadgate.channel.PollingCapable;
import io.leadgate.channel.Provider;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.email.EmailMapper;
import io.leadgate.channel.email.EmailParser;
import io.leadgate.inquiry.Inquiry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * An IMAP mailbox the gateway polls ({@code provider: imap}). It has no hook: the {@link MailboxScheduler} reads new
 * mail and hands each raw message to the sink, which parses it here like a posted raw mail, so a parked message is
 * replayed like any envelope.
 */
@ApplicationScoped
public class ImapAdapter implements InboundAdapter, PollingCapable {

    private final MailboxScheduler scheduler;

    ImapAdapter(MailboxScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public Provider provider() {
        return Provider.IMAP;
    }

    @Override
    public void validate(ChannelDefinition channel) {
        ImapSettings.of(channel);
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
    public void startPolling(List<ChannelDefinition> channels, InboundSink sink) {
        scheduler.start(channels, sink);
    }

    @Override
    public void stopPolling() {
        scheduler.stop();
    }
}
