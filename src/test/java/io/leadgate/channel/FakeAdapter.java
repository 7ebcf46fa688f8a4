package io.leadgate.channel;

import io.leadgate.inquiry.Inquiry;

import java.util.List;

/** Serves a provider; refuses a channel with {@code settings.refuse}. */
record FakeAdapter(Provider provider) implements ChannelAdapter {
    @Override
    public void validate(ChannelDefinition channel) {
        if (channel.setting("refuse").isPresent()) {
            throw new ChannelFileException(channel.file(), "settings.refuse", "refused");
        }
    }

    @Override
    public boolean accepts(String mediaType) {
        return true;
    }

    @Override
    public Verification verify(HookRequest request, ChannelDefinition channel) {
        return Verification.VALID;
    }

    @Override
    public List<Inquiry> parse(HookRequest request, ChannelDefinition channel) {
        return List.of();
    }

    @Override
    public HookReply reply(HookRequest request, ChannelDefinition channel, HookOutcome outcome) {
        return HookReply.json(200, "{}");
    }
}
