package io.leadgate.channel.email;

import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelPolicy;
import io.leadgate.inquiry.Attachment;
import io.leadgate.inquiry.ChannelFamily;
import io.leadgate.inquiry.ContactInfoBuilder;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.Reason;
import io.leadgate.inquiry.ThreadRef;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a {@link ParsedMail} into one inquiry of channel {@code email}: kind and reason by {@link MailClassifier};
 * contact from From (never a mail system), or the visitor of a web-form notification; phones found in the text;
 * thread ids; attachment facts ({@code ref = cid:…} for parts HTML can show inline). The idempotency key is the
 * Message-ID, else {@code sha256:} + the hash of the raw bytes. Pure.
 */
public final class EmailMapper {

    /**
     * How a channel reads mail.
     *
     * @param provider          {@code email} or {@code imap}
     * @param ignoreNewsletters  the channel setting {@code newsletters: ignore}
     * @param storeAttachments   the channel setting {@code attachments: store} (default {@code drop}: facts only)
     * @param maxAttachmentBytes the channel setting {@code max-attachment-bytes}: larger contents are dropped
     */
    public record Options(String provider, String defaultRegion, boolean ignoreNewsletters, boolean storeAttachments,
                          long maxAttachmentBytes) {

        public static final long DEFAULT_MAX_ATTACHMENT_BYTES = ChannelPolicy.DEFAULT_MAX_ATTACHMENT_BYTES;

        public Options(String provider, String defaultRegion, boolean ignoreNewsletters) {
            this(provider, defaultRegion, ignoreNewsletters, false, DEFAULT_MAX_ATTACHMENT_BYTES);
        }

        /** The channel's settings, read and checked when the channel loaded ({@link ChannelPolicy}). */
        public static Options of(ChannelDefinition channel) {
            ChannelPolicy policy = channel.policy();
            return new Options(channel.provider().id(), channel.defaultRegion(),
                    policy.newsletters() == ChannelPolicy.Newsletters.IGNORE,
                    policy.attachments() == ChannelPolicy.Attachments.STORE, policy.maxAttachmentBytes());
        }
    }

    private EmailMapper() {
    }

    public static Inquiry map(ParsedMail mail, Options options) {
        Optional<WebFormNotice> form = WebFormNotice.detect(mail);
        MailClassifier.Classification c = MailClassifier.classify(mail, form.isPresent(), options.ignoreNewsletters());
        Inquiry.Builder inquiry = Inquiry.builder(ChannelFamily.EMAIL, options.provider())
                .kind(c.kind(), c.reason())
                .externalId(mail.messageId() != null ? mail.messageId() : "sha256:" + mail.sha256())
                .occurredAt(mail.date())
                .subject(mail.subject())
                .text(mail.text() == null || mail.text().isBlank() ? null : mail.text())
                .thread(new ThreadRef(mail.inReplyTo(), mail.references()));
        mail.attachments().forEach(a -> inquiry.attachment(new Attachment(a.name(), a.contentType(), a.size(),
                a.contentId() == null ? null : "cid:" + a.contentId(),
                options.storeAttachments() && a.content() != null && a.size() <= options.maxAttachmentBytes()
                        ? a.content() : null)));

        ContactInfoBuilder contact = new ContactInfoBuilder(options.defaultRegion());
        boolean fromForm = c.kind() != Kind.IGNORED && form.isPresent() && visitor(form.get(), contact);
        if (!fromForm && !MailSenders.isSystem(mail.from()) && mail.from() != null) {
            contact.name(mail.from().name()).email(mail.from().address());
        }
        if (c.kind() != Kind.IGNORED) {
            mail.phones().forEach(contact::phone);
        }
        inquiry.contact(contact.build());

        if (c.reason() == Reason.BOUNCE) {
            Set<String> failed = MailClassifier.failedRecipients(mail);
            inquiry.extra("failedRecipients", failed.isEmpty() ? null : String.join(",", failed));
        }
        if (c.kind() == Kind.IGNORED) {
            inquiry.extra("originalMessageId", mail.originalMessageId());
        }
        inquiry.extra("webForm", fromForm ? "true" : null);
        inquiry.extra("to", addresses(mail.to()));
        inquiry.extra("cc", addresses(mail.cc()));
        inquiry.extra("replyTo", addresses(mail.replyTo()));
        return inquiry.build();
    }

    /** Adds the form's visitor; false when the form names no phone or email (the sender is used then). */
    private static boolean visitor(WebFormNotice form, ContactInfoBuilder contact) {
        boolean reachable = !form.phones().isEmpty() || !form.emails().isEmpty() || form.visitor() != null;
        if (!reachable) {
            return false;
        }
        form.names().forEach(contact::name);
        if (form.visitor() != null) {
            contact.name(form.names().isEmpty() ? form.visitor().name() : null).email(form.visitor().address());
        }
        form.phones().forEach(contact::phone);
        form.emails().forEach(contact::email);
        contact.company(form.company());
        return true;
    }

    private static String addresses(List<ParsedMail.Mailbox> mailboxes) {
        String joined = mailboxes.stream().map(ParsedMail.Mailbox::address).filter(Objects::nonNull)
                .map(a -> a.toLowerCase(Locale.ROOT)).distinct().collect(Collectors.joining(","));
        return joined.isEmpty() ? null : joined;
    }
}
