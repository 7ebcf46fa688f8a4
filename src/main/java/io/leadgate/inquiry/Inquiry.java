package io.leadgate.inquiry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One normalised inquiry: what every channel adapter turns a provider's delivery into. Nothing downstream knows
 * the transport or the provider's shapes. Every value is bounded by {@link Limits}, whatever the provider sent.
 *
 * @param reason     why an inquiry is an update or ignored ({@link Reason#DELIVERY_STATUS}, …), or null
 * @param externalId the provider's idempotency key, or null when it has none (a content hash is used then)
 * @param occurredAt when the provider says it happened, or null
 * @param extra      fields the adapter did not recognise, kept as data
 */
public record Inquiry(Kind kind, Reason reason, ChannelFamily channel, String provider, String externalId,
                      Instant occurredAt, ContactInfo contact, String subject, String text, Attribution attribution,
                      List<Attachment> attachments, ThreadRef thread, CallInfo call, Map<String, String> extra) {

    public Inquiry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(provider, "provider");
        externalId = Limits.identifier(externalId);
        subject = Limits.clip(subject, Limits.SUBJECT);
        text = Limits.clip(text, Limits.TEXT);
        contact = contact == null ? ContactInfo.EMPTY : contact;
        attribution = attribution == null ? Attribution.NONE : attribution;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        thread = thread == null ? ThreadRef.NONE : thread;
        extra = extra == null || extra.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /** This inquiry with another kind, as the write path decides it (a call event that opens or joins a call). */
    public Inquiry withKind(Kind newKind) {
        return newKind == kind ? this : new Inquiry(newKind, reason, channel, provider, externalId, occurredAt, contact,
                subject, text, attribution, attachments, thread, call, extra);
    }

    public static Builder builder(ChannelFamily channel, String provider) {
        return new Builder(channel, provider);
    }

    /** Builds an inquiry step by step; mappers use it to keep their code flat. */
    public static final class Builder {
        private final ChannelFamily channel;
        private final String provider;
        private Kind kind = Kind.LEAD;
        private Reason reason;
        private String externalId;
        private Instant occurredAt;
        private ContactInfo contact = ContactInfo.EMPTY;
        private String subject;
        private String text;
        private Attribution attribution = Attribution.NONE;
        private final List<Attachment> attachments = new ArrayList<>();
        private ThreadRef thread = ThreadRef.NONE;
        private CallInfo call;
        private final Map<String, String> extra = new LinkedHashMap<>();

        private Builder(ChannelFamily channel, String provider) {
            this.channel = channel;
            this.provider = provider;
        }

        public Builder kind(Kind kind, Reason reason) {
            this.kind = kind;
            this.reason = reason;
            return this;
        }

        public Builder externalId(String externalId) {
            this.externalId = externalId;
            return this;
        }

        public Builder occurredAt(Instant occurredAt) {
            this.occurredAt = occurredAt;
            return this;
        }

        public Builder contact(ContactInfo contact) {
            this.contact = contact;
            return this;
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public Builder attribution(Attribution attribution) {
            this.attribution = attribution;
            return this;
        }

        public Builder attachment(Attachment attachment) {
            this.attachments.add(attachment);
            return this;
        }

        public Builder thread(ThreadRef thread) {
            this.thread = thread;
            return this;
        }

        public Builder call(CallInfo call) {
            this.call = call;
            return this;
        }

        public Builder extra(String key, String value) {
            if (value != null) {
                extra.merge(key, value, (a, b) -> a + ", " + b);
            }
            return this;
        }

        public Inquiry build() {
            return new Inquiry(kind, reason, channel, provider, externalId, occurredAt, contact, subject, text,
                    attribution, attachments, thread, call, extra);
        }
    }
}
