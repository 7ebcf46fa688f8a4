package io.leadgate.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadgate.events.EventTypes;
import io.leadgate.lead.Lead;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The desk's reader of the event feed, so the write path (intake) does no desk work in its transaction: each new
 * inquiry schedules the client's inquiry robots ({@link LeadRobots#inquiry}) and, for a missed call, a call-back task;
 * each new lead gets its speed-to-lead row and its status robots. The cursor moves in the same transaction as the
 * rows it produces, and is held with SKIP LOCKED, so every event is handled once across replicas. Each pass also
 * announces speed-to-lead breaches.
 */
@ApplicationScoped
public class DeskFeed {

    private static final Logger LOG = Logger.getLogger(DeskFeed.class);
    private static final int BATCH = 500;

    private final TaskService tasks;
    private final EntityManager em;
    private final ObjectMapper mapper;
    private final LeadRobots robots;
    private final SpeedToLead speed;
    private final DeskConfig config;
    private final Clock clock;

    DeskFeed(EntityManager em, ObjectMapper mapper, LeadRobots robots, SpeedToLead speed, DeskConfig config, Clock clock,
             TaskService tasks) {
        this.tasks = tasks;
        this.em = em;
        this.mapper = mapper;
        this.robots = robots;
        this.speed = speed;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${leadgate.desk.every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.debugf("desk feed run skipped: %s", e.getClass().getSimpleName());
        }
    }

    /** Reads every positioned event after the cursor, then announces every breach; returns how many events were read. */
    public int run() {
        int total = 0;
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(this::batch);
            total += done;
        } while (done == BATCH);
        while (QuarkusTransaction.requiringNew().call(() -> speed.checkBreaches(clock.instant()))
                == SpeedToLead.BREACH_BATCH) {
            // a full pass: more leads are past the limit
        }
        return total;
    }

    private int batch() {
        @SuppressWarnings("unchecked")
        List<Object> cursor = em.createNativeQuery("select last_position from desk_cursor where id = 1 for update skip locked")
                .getResultList();
        if (cursor.isEmpty()) {
            return 0; // another replica is reading
        }
        long last = ((Number) cursor.get(0)).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> events = em.createNativeQuery("select feed_position, type, contact_id, lead_id, inquiry_id,"
                        + " created_at, payload from outbox_event where feed_position > ?1 and type in (?2, ?3, ?4)"
                        + " order by feed_position limit " + BATCH)
                .setParameter(1, last).setParameter(2, EventTypes.INQUIRY_RECEIVED).setParameter(3, EventTypes.LEAD_CREATED)
                .setParameter(4, EventTypes.LEAD_UPDATED).getResultList();
        if (events.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        LeadRobots.BatchRules rules = new LeadRobots.BatchRules();
        Map<Long, Lead> leads = leads(events);
        List<Lead> arrived = new ArrayList<>();
        for (Object[] e : events) {
            String type = (String) e[1];
            Long contactId = e[2] == null ? null : ((Number) e[2]).longValue();
            Long leadId = e[3] == null ? null : ((Number) e[3]).longValue();
            Long inquiryId = e[4] == null ? null : ((Number) e[4]).longValue();
            Instant at = instant(e[5]);
            JsonNode data = data((String) e[6]);
            if (EventTypes.INQUIRY_RECEIVED.equals(type)) {
                if (inquiryId != null && contactId != null && "lead".equals(data.path("kind").asText())) {
                    robots.inquiry(contactId, inquiryId, kind(data.path("channel").asText()), at, now, rules);
                }
                continue;
            }
            Lead lead = leadId == null ? null : leads.get(leadId);
            if (lead == null) {
                continue;
            }
            if (EventTypes.LEAD_CREATED.equals(type)) {
                arrived.add(lead);
                JsonNode l = data.path("lead");
                robots.created(lead, l.path("statusCode").asText(l.path("status").asText("new")), at, now, rules);
            }
            // the write path raised the call-back flag (a missed call) with this inquiry
            if (data.path("lead").path("callback").asBoolean(false) && data.hasNonNull("inquiryId") && lead.callback) {
                callback(lead, data.get("inquiryId").asText(), at, now);
            }
        }
        speed.arrived(arrived);
        em.createNativeQuery("update desk_cursor set last_position = ?1 where id = 1")
                .setParameter(1, ((Number) events.get(events.size() - 1)[0]).longValue()).executeUpdate();
        return events.size();
    }

    /** The leads the batch's lead events name, read in one query. */
    private static Map<Long, Lead> leads(List<Object[]> events) {
        List<Long> ids = events.stream().filter(e -> e[3] != null && !EventTypes.INQUIRY_RECEIVED.equals(e[1]))
                .map(e -> ((Number) e[3]).longValue()).distinct().toList();
        Map<Long, Lead> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Lead lead : Lead.<Lead>list("id in ?1", ids)) {
                byId.put(lead.id, lead);
            }
        }
        return byId;
    }

    /**
     * A missed call: a call-back task on the lead, due within the configured time after the call, unless one is still
     * open (completing it lowers the lead's call-back flag).
     */
    private void callback(Lead lead, String inquiryId, Instant at, Instant now) {
        if (DealTask.count("leadId = ?1 and done = false and origin like 'callback:%'", lead.id) > 0) {
            return;
        }
        tasks.addAutomatic(null, lead.id, "call", "Call back", at.plus(config.callbackWithin()), lead.responsible,
                null, TaskService.CALLBACK + inquiryId, "missed-call", now);
    }

    /** The inquiry kind a rule names, by channel family. */
    static String kind(String family) {
        return switch (family) {
            case "phone" -> "call";
            case "messenger" -> "message";
            case "webform" -> "form";
            default -> "email";
        };
    }

    private JsonNode data(String payload) {
        try {
            return mapper.readTree(payload).path("data");
        } catch (IOException e) {
            return mapper.createObjectNode();
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
