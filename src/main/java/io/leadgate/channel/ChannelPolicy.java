package io.leadgate.channel;

import io.leadgate.policy.ExclusionList;
import io.leadgate.policy.LeadRouting;
import io.leadgate.policy.RepeatLead;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The provider-independent settings of a channel, read and validated once when its file loads
 * ({@link ChannelPolicyReader}). Immutable; holds no secrets.
 *
 * @param allowedOrigins     {@code allowed-origins}: browser origins that may post cross-origin ({@code *}: any);
 *                           empty: none
 * @param rateLimit          posts per minute per client address; {@code rate-limit} of a {@code webform} channel
 *                           (default 60), always 0 (off) for server-to-server providers
 * @param repeatLead         {@code repeat-lead}; empty: the global {@code leadgate.repeat-lead}
 * @param exclusions         {@code exclude}: the channel's own numbers and addresses that never become identities
 * @param routing            {@code deals-only}, {@code pipeline}, {@code managers}
 * @param attachments        {@code attachments}: whether mail attachment contents are kept (default drop)
 * @param maxAttachmentBytes {@code max-attachment-bytes}: larger contents are dropped
 * @param newsletters        {@code newsletters}: whether bulk mail is a lead (the default) or ignored
 * @param threadReplies      {@code thread-replies}: who may join a mail thread's lead by replying in it (default
 *                           the lead's client)
 * @param maxBody            {@code max-body}: the largest hook body in bytes, refused with 413 before it is buffered;
 *                           empty: the family's default ({@code leadgate.hooks.max-body-bytes} or
 *                           {@code max-email-body-bytes})
 */
public record ChannelPolicy(List<String> allowedOrigins, int rateLimit, Optional<RepeatLead> repeatLead,
                            ExclusionList exclusions, LeadRouting routing, Attachments attachments,
                            long maxAttachmentBytes, Newsletters newsletters, ThreadReplies threadReplies,
                            OptionalInt maxBody) {

    public static final int DEFAULT_WEBFORM_RATE_LIMIT = 60;
    public static final long DEFAULT_MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;

    /** What happens to the contents of mail attachments (their facts are always kept). */
    public enum Attachments { DROP, STORE }

    /** Whether bulk mail (newsletters, marketing) becomes a lead or is ignored. */
    public enum Newsletters { LEAD, IGNORE }

    /**
     * Who joins a mail thread's open lead by replying in it (In-Reply-To or References naming an earlier inquiry):
     * {@code CLIENT}, only mail from one of the lead's client's addresses (the default); {@code ANYONE}, any sender
     * (a colleague writing from another address).
     */
    public enum ThreadReplies { CLIENT, ANYONE }

    public ChannelPolicy {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /** True when a browser at {@code origin} may post to the channel. */
    public boolean allowsOrigin(String origin) {
        return allowedOrigins.stream().anyMatch(a -> a.equals("*") || a.equalsIgnoreCase(origin));
    }
}
