package io.leadgate.intake;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.HookRequest;

import java.util.Objects;

/**
 * One raw delivery on its way into {@link Intake#submit}: what came, on which channel, and which way it came in.
 *
 * @param envelopeId the kept envelope being replayed ({@link Source#REPLAY} only), else null
 */
public record Submission(ChannelDefinition channel, HookRequest request, Source source, Long envelopeId) {

    /** The way a submission came in; only hooks are verified here (polled mail is fetched with the mailbox's login,
     *  a replayed envelope was verified when it arrived). */
    public enum Source { HOOK, POLL, REPLAY }

    public Submission {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(source, "source");
        if ((source == Source.REPLAY) != (envelopeId != null)) {
            throw new IllegalArgumentException("an envelope id comes with a replay and only with one");
        }
    }

    /** A request to {@code /hooks/{id}}. */
    public static Submission hook(ChannelDefinition channel, HookRequest request) {
        return new Submission(channel, request, Source.HOOK, null);
    }

    /** A raw item a polling adapter read (a mail message). */
    public static Submission polled(ChannelDefinition channel, HookRequest request) {
        return new Submission(channel, request, Source.POLL, null);
    }

    /** A kept envelope processed again. */
    public static Submission replay(ChannelDefinition channel, long envelopeId, HookRequest request) {
        return new Submission(channel, request, Source.REPLAY, envelopeId);
    }
}
