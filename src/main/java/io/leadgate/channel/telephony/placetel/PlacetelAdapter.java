// Placetel Call Control-/Notify-API (form-encoded IncomingCall/OutgoingCall/CallAccepted/HungUp):
// https://github.com/Placetel/call-control-notify-api (README of 2019, API without version number)
package io.leadgate.channel.telephony.placetel;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.HookOutcome;
import io.leadgate.channel.HookReply;
import io.leadgate.channel.HookRequest;
import io.leadgate.channel.PathToken;
import io.leadgate.channel.Provider;
import io.leadgate.channel.Secrets;
import io.leadgate.channel.UnparseableException;
import io.leadgate.channel.Verification;
import io.leadgate.channel.telephony.CallEvent;
import io.leadgate.channel.telephony.CallEventAdapter;
import io.leadgate.channel.telephony.FormParams;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Placetel notify ({@code provider: placetel}): the hook URL carries the channel's {@code token}
 * ({@code /hooks/{id}/{token}}). When the channel also sets {@code secret} (the shared secret of Placetel's
 * external API settings), the {@code X-PLACETEL-SIGNATURE} header — hex HMAC-SHA256 of the raw body — must match
 * as well. Answered with an empty 200: the notify API reads no answer.
 */
@ApplicationScoped
public class PlacetelAdapter extends CallEventAdapter {

    public static final String SIGNATURE_HEADER = "X-PLACETEL-SIGNATURE";

    @Override
    public Provider provider() {
        return Provider.PLACETEL;
    }

    @Override
    public Verification verify(HookRequest request, ChannelDefinition channel) {
        Verification token = PathToken.verify(request, channel.setting("token"));
        Optional<String> secret = channel.setting("secret");
        if (!token.valid() || secret.isEmpty()) {
            return token;
        }
        Optional<String> sent = request.headers().first(SIGNATURE_HEADER).filter(s -> !s.isBlank());
        if (sent.isEmpty()) {
            return Verification.MISSING;
        }
        String expected = Secrets.hex(Secrets.hmacSha256(secret.get(), request.body()));
        return Secrets.constantTimeEquals(expected, sent.get().strip().toLowerCase(Locale.ROOT)) ? Verification.VALID
                : Verification.BAD_SIGNATURE;
    }

    @Override
    public List<CallEvent> events(HookRequest request, ChannelDefinition channel) throws UnparseableException {
        return List.of(PlacetelEvents.read(FormParams.of(request)));
    }

    @Override
    public HookReply reply(HookRequest request, ChannelDefinition channel, HookOutcome outcome) {
        return HookReply.empty(200);
    }
}
