package io.leadgate.channel.email.raw;

import io.leadgate.channel.ChannelAdapter;
import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.HookOutcome;
import io.leadgate.channel.HookReply;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.PathToken;
import io.leadgate.channel.Provider;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.Verification;
import io.leadgate.channel.email.EmailMapper;
import io.leadgate.channel.email.EmailParser;
import io.leadgate.channel.webform.FormReplies;
import io.leadgate.inquiry.Inquiry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;

/**
 * Raw mail posted over HTTP ({@code provider: email}): an MTA pipe or an inbound-mail service posts the message as
 * received (RFC 5322 / MIME, RFC 6532) to {@code /hooks/{id}}. Optional {@code token} in the path or the
 * {@code X-Leadgate-Token} header. Optional {@code newsletters: ignore|lead} (default lead). The Message-ID is the
 * idempotency key (a hash of the raw bytes without one). Answer: 200 {@code {"status":"accepted|duplicate|ignored"}}.
 * Format: https://www.rfc-editor.org/rfc/rfc5322, https://www.rfc-editor.org/rfc/rfc2045 (media type message/rfc822).
 */
@ApplicationScoped
public class EmailAdapter implements ChannelAdapter {

    /** message/rfc822 as sent by inbound-mail services; text/plain, octet-stream or none from MTA pipes (curl). */
    static final Set<String> MEDIA_TYPES = Set.of("message/rfc822", "message/global", "text/plain",
            "application/octet-stream", "");

    @Override
    public Provider provider() {
        return Provider.EMAIL;
    }

    @Override
    public boolean accepts(String mediaType) {
        return MEDIA_TYPES.contains(mediaType);
    }

    @Override
    public Verification verify(HookRequest request, ChannelDefinition channel) {
        return PathToken.verify(request, channel.setting("token"));
    }

    @Override
    public List<Inquiry> parse(HookRequest request, ChannelDefinition channel) throws UnparseableException {
        if (new String(request.body(), java.nio.charset.StandardCharsets.ISO_8859_1).isBlank()) {
            throw new UnparseableException("empty body: expected a raw mail message (message/rfc822)");
        }
        return List.of(EmailMapper.map(EmailParser.parse(request.body(), channel.defaultRegion()),
                EmailMapper.Options.of(channel)));
    }

    @Override
    public HookReply reply(HookRequest request, ChannelDefinition channel, HookOutcome outcome) {
        return HookReply.json(200, FormReplies.json(outcome));
    }
}
