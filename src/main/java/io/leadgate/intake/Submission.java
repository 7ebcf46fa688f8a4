package io.leadgate.intake;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.HookRequest;

import io.leadgate.inquiry.Inquiry;

import java.util.List;
import java.util.Objects;

/**
 * One raw delivery on its way into {@link Intake#submit}: what came, on which channel, and which way it came in.
 *
 * @param envelopeId the kept envelope being replayed ({@link Source#REPLAY} only), else null
 * @param entered    the inquiries made inside the gateway ({@link Source#ENTERED} only), else null; {@code request}
 *                   then is what is kept of the entry
 * @param asLead     a replay an operator asked to take as a lead: items classified away (an auto-reply, a bounce, a
 *                   newsletter) become leads ({@link Source#REPLAY} only)
 */
public record Submission(ChannelDefinition channel, HookRequest request, Source source, Long envelopeId,
                         List<Inquiry> entered, boolean asLead) {

    /** The way a submission came in; only hooks are verified here (polled mail is fetched with the mailbox's login,
     *  a replayed envelope was verified when it arrived, an entered lead comes from a signed-in user or an API key). */
    public enum Source { HOOK, POLL, REPLAY, ENTERED }

    public Submission {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(source, "source");
        if ((source == Source.REPLAY) != (envelopeId != null)) {
            throw new IllegalArgumentException("an envelope id comes with a replay and only with one");
        }
        if ((source == Source.ENTERED) != (entered != null)) {
            throw new IllegalArgumentException("entered inquiries come with an entry and only with one");
        }
        if (asLead && source != Source.REPLAY) {
            throw new IllegalArgumentException("only a replay can be taken as a lead");
        }
        entered = entered == null ? null : List.copyOf(entered);
    }

    /** A request to {@code /hooks/{id}}. */
    public static Submission hook(ChannelDefinition channel, HookRequest request) {
        return new Submission(channel, request, Source.HOOK, null, null, false);
    }

    /** A raw item a polling adapter read (a mail message). */
    public static Submission polled(ChannelDefinition channel, HookRequest request) {
        return new Submission(channel, request, Source.POLL, null, null, false);
    }

    /** A kept envelope processed again. */
    public static Submission replay(ChannelDefinition channel, long envelopeId, HookRequest request) {
        return new Submission(channel, request, Source.REPLAY, envelopeId, null, false);
    }

    /** A kept envelope processed again, its items classified away taken as leads (an operator's decision). */
    public static Submission replayAsLead(ChannelDefinition channel, long envelopeId, HookRequest request) {
        return new Submission(channel, request, Source.REPLAY, envelopeId, null, true);
    }

    /**
     * Inquiries made inside the gateway (a lead entered by hand, the console's demo data): not parsed, but written
     * exactly as a hook's, with {@code request} kept as their envelope.
     */
    public static Submission entered(ChannelDefinition channel, HookRequest request, List<Inquiry> items) {
        return new Submission(channel, request, Source.ENTERED, null, items, false);
    }
}
