package io.leadgate.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.call.CallRecord;
import io.leadgate.channel.ChannelDefinition;
import io.leadgate.channel.ChannelPolicy;
import io.leadgate.channel.ChannelRegistry;
import io.leadgate.channel.HookOutcome;
import io.leadgate.channel.HookOutcome.Result;
import io.leadgate.channel.HookRequest;
import io.leadgate.config.LeadgateConfig;
import io.leadgate.contact.IdentityResolver;
import io.leadgate.contact.Resolution;
import io.leadgate.delivery.Outbox;
import io.leadgate.events.EventTypes;
import io.leadgate.inquiry.Inquiry;
import io.leadgate.inquiry.InquiryJson;
import io.leadgate.inquiry.Kind;
import io.leadgate.inquiry.Limits;
import io.leadgate.inquiry.Reason;
import io.leadgate.jdbc.Rows;
import io.leadgate.jdbc.Writes;
import io.leadgate.lead.Lead;
import io.leadgate.lead.LeadRows;
import io.leadgate.lead.LeadStatus;
import io.leadgate.lead.LeadView;
import io.leadgate.lead.RepeatLeadPolicy;
import io.leadgate.pipeline.LeadIntake;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one write path. For each item of a verified delivery, in one transaction: the raw envelope → idempotency
 * (provider key or content hash) → identity resolution → lead created, or the open lead extended → the inquiry →
 * outbox events. The caller answers the provider only after this returns, i.e. after commit. A new card's rows go to
 * the database in one round trip, and the envelope, lead, inquiry and events in another ({@link Writes}). Reached
 * only through {@link Intake#submit}, which decides what a failure means. With group commit on, concurrent
 * deliveries share one transaction ({@link GroupCommit}), each behind its own savepoint.
 *
 * <p>Races another transaction wins (the same new phone posted 50 times at once, a redelivery arriving twice)
 * surface as unique-key violations; the whole transaction is then run again and finds what the winner committed.
 */
@ApplicationScoped
public class IntakeService {

    private static final Logger LOG = Logger.getLogger(IntakeService.class);
    private static final int ATTEMPTS = 8;

    private final EntityManager em;
    private final IdentityResolver identities;
    private final RepeatLeadPolicy repeatLeads;
    private final CallLedger calls;
    private final Outbox outbox;
    private final LeadgateConfig config;
    private final MeterRegistry metrics;
    private final Timer writeTimer;
    private final ObjectMapper mapper;
    private final LeadIntake pipeline;
    private final ChannelRegistry registry;
    private final GroupCommit groupCommit;
    private final LeadRows leadRows;

    IntakeService(EntityManager em, IdentityResolver identities, CallLedger calls, Outbox outbox, LeadgateConfig config,
                  MeterRegistry metrics, ObjectMapper mapper, LeadIntake pipeline, RepeatLeadPolicy repeatLeads,
                  ChannelRegistry registry, GroupCommit groupCommit, LeadRows leadRows) {
        this.em = em;
        this.leadRows = leadRows;
        this.groupCommit = groupCommit;
        this.registry = registry;
        this.pipeline = pipeline;
        this.repeatLeads = repeatLeads;
        this.calls = calls;
        this.mapper = mapper;
        this.identities = identities;
        this.outbox = outbox;
        this.config = config;
        this.metrics = metrics;
        this.writeTimer = Timer.builder("leadgate.intake.write").description("write path, one delivery")
                .publishPercentileHistogram().register(metrics);
    }

    /**
     * Stores already parsed items of a new delivery. Failures propagate unclassified: {@link Intake#submit}, the way
     * in for every delivery, owns the failure policy (public only for evaluations that feed made-up items).
     */
    public HookOutcome accept(ChannelDefinition channel, HookRequest request, List<Inquiry> items) {
        return run(channel, request, items, null, null);
    }

    /** As {@link #accept(ChannelDefinition, HookRequest, List)}, {@code settled} (may be null) run in the same transaction. */
    HookOutcome accept(ChannelDefinition channel, HookRequest request, List<Inquiry> items, Runnable settled) {
        return run(channel, request, items, null, settled);
    }

    /** Stores the items parsed again from a kept envelope; the envelope is marked processed in the same commit. */
    HookOutcome replay(ChannelDefinition channel, Long envelopeId, HookRequest request, List<Inquiry> items,
                       Runnable settled) {
        return run(channel, request, items, envelopeId, settled);
    }

    private HookOutcome run(ChannelDefinition channel, HookRequest request, List<Inquiry> items, Long envelopeId,
                            Runnable settled) {
        Timer.Sample sample = Timer.start(metrics);
        for (int attempt = 1; ; attempt++) {
            try {
                HookOutcome outcome = groupCommit.call(() -> {
                    HookOutcome written = write(channel, request, items, envelopeId);
                    if (settled != null) {
                        settled.run(); // the caller's bookkeeping (a mailbox's last UID) commits with the items
                    }
                    return written;
                });
                sample.stop(writeTimer);
                count(channel, outcome, items);
                return outcome;
            } catch (RuntimeException e) {
                if (attempt < ATTEMPTS && Failures.retryable(e)) {
                    LOG.debugf("write path retry %d for channel %s: %s", attempt, channel.id(), Failures.describe(e));
                    continue;
                }
                throw e;
            }
        }
    }

    private HookOutcome write(ChannelDefinition channel, HookRequest request, List<Inquiry> items, Long envelopeId) {
        Instant now = Instant.now();
        Long envelope = envelopeId;
        Envelope replayed = null;
        if (envelopeId != null) {
            replayed = Envelope.findById(envelopeId);
            replayed.status = Envelope.Status.PROCESSED;
            replayed.error = null;
            replayed.reason = null;
            replayed.nextAttemptAt = null;
            replayed.attempts++;
            replayed.updatedAt = now;
        }
        List<HookOutcome.Item> outcomes = new ArrayList<>(items.size());
        Writes writes = new Writes(); // the envelope goes with the first stored item's rows
        String classifiedReason = null;
        String classifiedKey = null;
        boolean storedAny = false;
        for (Inquiry item : items) {
            if (item.kind() == Kind.IGNORED) {
                if (!ClassifiedMail.kept(item)) {
                    outcomes.add(new HookOutcome.Item(Result.IGNORED, null, null, null));
                    continue;
                }
                String key = DedupKeys.classified(item);
                // a replayed classified envelope is the same mail again, not a redelivery
                if (replayed == null && (!claim(channel.id(), key, now) || classifiedBefore(channel.id(), key)
                        || storedBefore(channel.id(), DedupKeys.of(item)))) {
                    outcomes.add(new HookOutcome.Item(Result.DUPLICATE, null, null, null));
                    continue;
                }
                if (Reason.BOUNCE.of(item)) {
                    identities.markUndeliverable(bouncedAddresses(item));
                }
                classifiedReason = classifiedReason != null ? classifiedReason
                        : ClassifiedMail.code(item.reason());
                classifiedKey = classifiedKey == null ? key : classifiedKey;
                outcomes.add(new HookOutcome.Item(Result.IGNORED, null, null, null));
                continue;
            }
            String key = DedupKeys.of(item);
            if (!claim(channel.id(), key, now) || storedBefore(channel.id(), key)) {
                outcomes.add(duplicateOf(channel.id(), key));
                continue;
            }
            if (envelope == null) {
                envelope = insert(EnvelopeCodec.toEnvelope(channel, registry.adapter(channel.provider()), request,
                        Envelope.Status.PROCESSED, null, now), writes);
            }
            outcomes.add(store(channel, request, item, key, envelope, now, writes));
            storedAny = true;
        }
        if (classifiedReason != null && !storedAny) { // mail classified away: kept for review and replay
            if (replayed != null) {
                replayed.status = Envelope.Status.CLASSIFIED;
                replayed.reason = classifiedReason;
                replayed.dedupKey = classifiedKey;
            } else if (envelope == null) {
                Envelope e = EnvelopeCodec.toEnvelope(channel, registry.adapter(channel.provider()), request,
                        Envelope.Status.CLASSIFIED, null, now);
                e.reason = classifiedReason;
                e.dedupKey = classifiedKey;
                envelope = insert(e, writes);
            }
        }
        writes.send(em);
        em.flush();
        return new HookOutcome(envelope, outcomes);
    }

    /**
     * One item's rows. The new envelope (when this is the delivery's first stored item), the new lead, the inquiry
     * and its events go to the database together at the end ({@code writes}: one round trip).
     */
    private HookOutcome.Item store(ChannelDefinition channel, HookRequest request, Inquiry received, String key,
                                   Long envelopeId, Instant now, Writes writes) {
        CallRecord call = received.call() == null ? null : calls.lockOrCreate(channel.id(), received.call(), now);
        Inquiry item = call == null ? received : received.withKind(calls.effectiveKind(call, received));
        Optional<Lead> thread = call == null ? threadLead(channel, item) : Optional.empty(); // before the resolution adds addresses
        Resolution resolution = identities.resolve(channel.policy().exclusions(), item.contact(),
                item.kind() == Kind.LEAD, now);
        // every phone and email on the exclusion list: stored, but no card and no lead
        boolean lead = item.kind() == Kind.LEAD && resolution.decision() != Resolution.Decision.EXCLUDED;
        Long contactId = resolution.contact() != null ? resolution.contact().id : call == null ? null : call.contactId;
        // a card created by this inquiry has no lead yet: no statement to look for one
        Lead target = call != null && call.leadId != null ? Lead.findById(call.leadId)
                : thread.orElseGet(() -> contactId == null || resolution.createdContact() ? null
                        : repeatLeads.leadFor(channel.policy().repeatLead(), contactId).orElse(null));
        Result result;
        Lead unwritten = null; // a new lead whose row goes in with the inquiry's
        if (!lead) {
            result = Result.UPDATE_STORED;
        } else if (target != null) {
            target.inquiryCount++;
            target.updatedAt = now;
            result = Result.LEAD_EXTENDED;
        } else {
            target = newLead(channel, item, contactId, !resolution.createdContact(), call == null, now);
            unwritten = em.contains(target) ? null : target; // see newLead
            result = Result.LEAD_CREATED;
        }
        boolean callbackRaised = false;
        if (call != null) {
            calls.apply(call, item, contactId, calls.inbound(call, item) && target != null ? target.id : null, now);
            if (target != null && Boolean.TRUE.equals(call.missed) && !target.callback) {
                target.callback = true; // a missed call: the lead asks for a call back
                target.updatedAt = now;
                callbackRaised = true;
            }
        }
        ObjectNode itemJson = InquiryJson.toJson(item);
        StoredInquiry inquiry = new StoredInquiry();
        inquiry.envelopeId = envelopeId;
        inquiry.channelId = channel.id();
        inquiry.provider = item.provider();
        inquiry.family = item.channel().code();
        inquiry.kind = item.kind().code();
        inquiry.reason = Reason.codeOf(item.reason());
        inquiry.externalId = item.externalId();
        inquiry.dedupKey = key;
        inquiry.occurredAt = item.occurredAt();
        inquiry.receivedAt = request.receivedAt() == null ? now : request.receivedAt();
        inquiry.contactId = contactId;
        inquiry.leadId = target == null ? null : target.id;
        inquiry.item = itemJson.toString();
        inquiry.resolution = resolution.toJson().toString();
        Long leadId = target == null ? null : target.id;
        List<Outbox.Event> events = new ArrayList<>(2);
        insert(inquiry, unwritten, writes); // after the card, lead and envelope rows it refers to
        events.add(new Outbox.Event(EventTypes.INQUIRY_RECEIVED, channel.id(), contactId, leadId, inquiry.id,
                InquiryViews.of(inquiry, itemJson)));
        if (result == Result.LEAD_CREATED || result == Result.LEAD_EXTENDED || callbackRaised) {
            ObjectNode data = mapper.createObjectNode();
            data.set("lead", mapper.valueToTree(LeadView.of(target)));
            data.put("inquiryId", String.valueOf(inquiry.id));
            events.add(new Outbox.Event(result == Result.LEAD_CREATED ? EventTypes.LEAD_CREATED : EventTypes.LEAD_UPDATED,
                    channel.id(), contactId, leadId, inquiry.id, data));
        }
        outbox.appendAll(events, now, writes);
        writes.send(em);
        keepAttachmentContents(inquiry.id, item, now);
        return new HookOutcome.Item(result, inquiry.id, contactId, leadId);
    }

    private static final String INSERT_INQUIRY = "insert into inquiry (id, envelope_id, channel_id, provider, family, "
            + "kind, reason, external_id, dedup_key, occurred_at, received_at, contact_id, lead_id, item, resolution) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String INSERT_ENVELOPE = "insert into envelope (id, channel_id, provider, received_at, method, "
            + "sub_path, query_string, request_url, headers, body, status, error, attempts, updated_at, dedup_key, "
            + "reason, next_attempt_at, replayed_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Adds a new envelope's insert to {@code writes} (it refers to no other row) and answers its id; the object stays
     * unmanaged.
     */
    private Long insert(Envelope e, Writes writes) {
        e.id = Rows.nextId(em, Envelope.class);
        writes.add(INSERT_ENVELOPE, values -> values.bigint(e.id).text(e.channelId).text(e.provider)
                .timestamp(e.receivedAt).text(e.method).text(e.subPath).text(e.queryString).text(e.requestUrl)
                .text(e.headers).bytes(e.body).text(e.status.name()).text(e.error).integer(e.attempts)
                .timestamp(e.updatedAt).text(e.dedupKey).text(e.reason).timestamp(e.nextAttemptAt).text(e.replayedBy));
        return e.id;
    }

    /**
     * Adds the inquiry's insert to {@code writes}, its id from the entity's own generator; the rows Hibernate still
     * holds (a call's record, a lead extended) are flushed first, and the new lead's row is added before it when it
     * is written without an entity ({@code lead}, null otherwise).
     */
    private void insert(StoredInquiry inquiry, Lead lead, Writes writes) {
        em.flush();
        if (lead != null) {
            leadRows.insert(lead, writes);
        }
        inquiry.id = Rows.nextId(em, StoredInquiry.class);
        writes.add(INSERT_INQUIRY, values -> values.bigint(inquiry.id).bigintOrNull(inquiry.envelopeId)
                .text(inquiry.channelId).text(inquiry.provider).text(inquiry.family).text(inquiry.kind)
                .text(inquiry.reason).text(inquiry.externalId).text(inquiry.dedupKey).timestamp(inquiry.occurredAt)
                .timestamp(inquiry.receivedAt).bigintOrNull(inquiry.contactId).bigintOrNull(inquiry.leadId)
                .text(inquiry.item).text(inquiry.resolution));
    }

    /** Attachment bytes the adapter kept (a channel with {@code attachments: store}), committed with the inquiry. */
    private static void keepAttachmentContents(Long inquiryId, Inquiry item, Instant now) {
        for (int i = 0; i < item.attachments().size(); i++) {
            io.leadgate.inquiry.Attachment a = item.attachments().get(i);
            if (a.content() == null) {
                continue;
            }
            AttachmentContent content = new AttachmentContent();
            content.inquiryId = inquiryId;
            content.position = i;
            content.name = a.name();
            content.contentType = a.contentType();
            content.size = a.content().length;
            content.sha256 = io.leadgate.channel.Secrets.hex(io.leadgate.channel.Secrets.sha256(a.content()));
            content.content = a.content();
            content.createdAt = now;
            content.persist();
        }
    }

    /**
     * The open lead of the conversation an item answers: a follow-up mail whose In-Reply-To or References (bounded,
     * {@link io.leadgate.inquiry.ThreadRef}) names an earlier inquiry joins that inquiry's lead — when it comes from
     * that lead's client (its sender is one of the client card's email addresses), or from anyone with the channel
     * setting {@code thread-replies: anyone}. Someone else replying in the thread is their own inquiry.
     */
    private Optional<Lead> threadLead(ChannelDefinition channel, Inquiry item) {
        if (item.thread().isEmpty() || item.channel() != io.leadgate.inquiry.ChannelFamily.EMAIL) {
            return Optional.empty();
        }
        List<String> ids = new ArrayList<>(item.thread().inReplyTo());
        ids.addAll(item.thread().references());
        return StoredInquiry.<StoredInquiry>find("externalId in ?1 and family = ?2 and leadId is not null order by id desc",
                        ids, item.channel().code()).firstResultOptional()
                .map(earlier -> Lead.<Lead>findById(earlier.leadId))
                .filter(lead -> lead.status.open())
                .filter(lead -> channel.policy().threadReplies() == ChannelPolicy.ThreadReplies.ANYONE
                        || fromClient(lead, item));
    }

    /** True when one of the item's email addresses belongs to the lead's client card. */
    private static boolean fromClient(Lead lead, Inquiry item) {
        List<String> emails = item.contact().emails();
        return lead.contactId != null && !emails.isEmpty() && io.leadgate.contact.ContactIdentity.count(
                "contactId = ?1 and kind = ?2 and identityValue in ?3", lead.contactId,
                io.leadgate.contact.IdentityKind.EMAIL, emails) > 0;
    }

    private static List<String> bouncedAddresses(Inquiry item) {
        String failed = item.extra().get("failedRecipients");
        if (failed == null) {
            return List.of();
        }
        List<String> emails = new ArrayList<>();
        for (String address : failed.split(",")) {
            io.leadgate.inquiry.EmailNormalizer.normalize(address).ifPresent(emails::add);
        }
        return emails;
    }

    /**
     * A new lead, its manager chosen. Without a call and outside a deals-only channel the lead gets only its id here
     * and its row is written just before the inquiry's ({@link LeadRows}: no entity, no flush of it); a deal refers
     * to its lead, and a call's record may be flushed before the inquiry and refers to it too, so for those the lead
     * stays an entity and Hibernate orders the rows.
     */
    private Lead newLead(ChannelDefinition channel, Inquiry item, Long contactId, boolean returning, boolean rowLater,
                         Instant now) {
        Lead lead = new Lead();
        lead.contactId = contactId;
        lead.channelId = channel.id();
        lead.source = channel.source();
        lead.status = LeadStatus.NEW;
        lead.attribution = InquiryJson.attribution(item.attribution()).toString();
        lead.utmCampaign = Limits.identifier(item.attribution().utm().get("utm_campaign")); // grouped by: long ones hashed
        lead.returningClient = returning;
        lead.inquiryCount = 1;
        lead.createdAt = now;
        lead.updatedAt = now;
        if (rowLater && !channel.policy().routing().dealsOnly()) {
            leadRows.assignId(lead);
        } else {
            lead.persist();
        }
        pipeline.onNewLead(channel.policy().routing(), lead, now); // responsible manager; deals-only channels open a deal
        return lead;
    }

    private static final String CLAIM = "insert into idempotency_key (channel_id, key_value, created_at, expires_at) "
            + "values (?, ?, ?, ?) on conflict do nothing";
    /** The second step when the key is held: take it over only if it has expired (the row lock orders two takers). */
    private static final String RECLAIM = "update idempotency_key set created_at = ?, expires_at = ? "
            + "where channel_id = ? and key_value = ? and expires_at < ?";

    /**
     * Claims an idempotency key; false when it was claimed before and has not expired (a redelivery). A provider key
     * is held for {@code leadgate.idempotency.retention}, a content hash for the double-submit window
     * ({@code leadgate.idempotency.content-window}); an expired key not yet purged is claimed again.
     * A new key is one insert; a held one is taken over only when expired. Two statements rather than
     * PostgreSQL's {@code on conflict … do update … where} because the development run's H2 reads only
     * {@code on conflict do nothing}; the insert alone is the common case.
     */
    private boolean claim(String channelId, String key, Instant now) {
        java.time.Duration hold = DedupKeys.isProviderKey(key) ? config.idempotency().retention()
                : config.idempotency().contentWindow();
        var from = now.atOffset(ZoneOffset.UTC);
        var until = now.plus(hold).atOffset(ZoneOffset.UTC);
        int claimed = em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(CLAIM)) {
                insert.setString(1, channelId);
                insert.setString(2, key);
                insert.setObject(3, from, Types.TIMESTAMP_WITH_TIMEZONE);
                insert.setObject(4, until, Types.TIMESTAMP_WITH_TIMEZONE);
                if (insert.executeUpdate() == 1) {
                    return 1;
                }
            }
            try (PreparedStatement update = connection.prepareStatement(RECLAIM)) {
                update.setObject(1, from, Types.TIMESTAMP_WITH_TIMEZONE);
                update.setObject(2, until, Types.TIMESTAMP_WITH_TIMEZONE);
                update.setString(3, channelId);
                update.setString(4, key);
                update.setObject(5, from, Types.TIMESTAMP_WITH_TIMEZONE);
                return update.executeUpdate();
            }
        });
        return claimed == 1;
    }

    /**
     * True when a provider key was stored as an inquiry before: a redelivery that comes after the key table forgot
     * the key (one probe of the inquiry index on channel and key, no second copy of every key). Content hashes are
     * never checked here: the same content after the double-submit window is a new inquiry.
     */
    private boolean storedBefore(String channelId, String key) {
        // inquiry rows are written with JDBC at once ({@link #insert}): none waits in the persistence context
        return DedupKeys.isProviderKey(key) && em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select 1 from inquiry where channel_id = ? and dedup_key = ? limit 1")) {
                select.setString(1, channelId);
                select.setString(2, key);
                try (java.sql.ResultSet rows = select.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    /** True when mail with this key was classified away and kept before (however long ago). */
    private boolean classifiedBefore(String channelId, String key) {
        return DedupKeys.isProviderKey(key) && !em.createNativeQuery(
                        "select 1 from envelope where channel_id = ?1 and dedup_key = ?2 limit 1")
                .setParameter(1, channelId).setParameter(2, key)
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("envelope").getResultList().isEmpty();
    }

    /**
     * A redelivery's answer: the ids of the inquiry first stored under the key (one fixed-shape indexed read of the
     * three ids, not the whole row through Hibernate); none when the key was claimed but its inquiry not stored.
     */
    private HookOutcome.Item duplicateOf(String channelId, String key) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select id, contact_id, lead_id from inquiry "
                    + "where channel_id = ? and dedup_key = ? order by id desc limit 1")) {
                select.setString(1, channelId);
                select.setString(2, key);
                try (java.sql.ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return new HookOutcome.Item(Result.DUPLICATE, null, null, null);
                    }
                    return new HookOutcome.Item(Result.DUPLICATE, row.getLong(1), nullableLong(row, 2), nullableLong(row, 3));
                }
            }
        });
    }

    private static Long nullableLong(java.sql.ResultSet row, int column) throws java.sql.SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private void count(ChannelDefinition channel, HookOutcome outcome, List<Inquiry> items) {
        for (int i = 0; i < items.size(); i++) {
            Result result = outcome.items().get(i).result();
            String kind = result == Result.DUPLICATE ? "duplicate" : items.get(i).kind().code();
            metrics.counter("leadgate.inquiries", "channel", channel.id(), "provider", channel.provider().id(),
                    "kind", kind).increment();
        }
    }
}
