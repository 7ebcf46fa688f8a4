package io.leadgate.channel.messenger.vk;

// VK Callback API: https://dev.vk.com/ru/api/callback/getting-started and
// https://dev.vk.com/ru/api/community-events/json-schema (API 5.103+ message_new shape, older shape also read).
// No signature: the body carries the community's "secret key"; answer "ok" (or the confirmation code) or VK resends.

import io.leadgate.channel.ChannelAdapter;
import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelFileException;
import io.leadgate.channel.HookOutcome;
import io.leadgate.channel.HookReply;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.Provider;
import io.leadgate.channel.Secrets;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.Verification;
import io.leadgate.inquiry.Inquiry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/**
 * VK community Callback API ({@code provider: vk}, settings {@code confirmation}, [{@code secret}],
 * [{@code group-id}]): {@code confirmation} is answered with the configured code, every other event with plain
 * {@code ok}. With a secret configured, a body without {@code secret} (even a confirmation) is refused; with a
 * group id configured, a body naming another {@code group_id} is refused. See {@link VkMapper} for the kinds.
 */
@ApplicationScoped
public class VkAdapter implements ChannelAdapter {

    static final String CONFIRMATION = "confirmation";
    static final String SECRET = "secret";
    static final String GROUP_ID = "group-id";

    @Override
    public Provider provider() {
        return Provider.VK;
    }

    @Override
    public void validate(ChannelDefinition channel) {
        if (channel.setting(CONFIRMATION).orElse("").isBlank()) {
            throw new ChannelFileException(channel.file(), "settings." + CONFIRMATION,
                    "the server confirmation code is required");
        }
        if (channel.setting(GROUP_ID).isPresent() && groupId(channel).isEmpty()) {
            throw new ChannelFileException(channel.file(), "settings." + GROUP_ID, "must be the community's numeric id");
        }
    }

    @Override
    public boolean accepts(String mediaType) {
        return "application/json".equals(mediaType);
    }

    @Override
    public Verification verify(HookRequest request, ChannelDefinition channel) {
        Optional<String> secret = channel.setting(SECRET).filter(s -> !s.isBlank());
        VkCallback callback;
        try {
            callback = VkCallback.read(request.body());
        } catch (UnparseableException e) { // no secret can be read from it; without one configured, parse reports it
            return secret.isPresent() ? Verification.MISSING : Verification.VALID;
        }
        if (secret.isPresent()) {
            if (callback.secret() == null) {
                return Verification.MISSING;
            }
            if (!Secrets.constantTimeEquals(secret.get(), callback.secret())) {
                return Verification.BAD_SIGNATURE;
            }
        }
        Optional<Long> group = groupId(channel);
        if (group.isPresent() && callback.groupId() != null && !group.get().equals(callback.groupId())) {
            return Verification.BAD_SIGNATURE; // a delivery meant for another community
        }
        return Verification.VALID;
    }

    @Override
    public List<Inquiry> parse(HookRequest request, ChannelDefinition channel) throws UnparseableException {
        return List.of(VkMapper.map(VkCallback.read(request.body())));
    }

    @Override
    public HookReply reply(HookRequest request, ChannelDefinition channel, HookOutcome outcome) {
        boolean confirmation;
        try {
            confirmation = VkCallback.read(request.body()).confirmation();
        } catch (UnparseableException e) {
            confirmation = false;
        }
        return HookReply.text(200, confirmation ? channel.setting(CONFIRMATION).orElse("") : "ok");
    }

    private static Optional<Long> groupId(ChannelDefinition channel) {
        String written = channel.setting(GROUP_ID).orElse("").strip();
        if (written.startsWith("-")) { // community ids are often written as the negative owner id
            written = written.substring(1);
        }
        return written.matches("[0-9]{1,18}") ? Optional.of(Long.parseLong(written)) : Optional.empty();
    }
}
