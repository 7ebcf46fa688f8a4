package io.leadgate.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadgate.events.EventLog;
import io.leadgate.events.EventTypes;
import io.leadgate.lead.Lead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The manager's desk: tasks on leads and deals — created by hand or by robots (missed calls, automation), reassigned,
 * completed; overdue when open past their due time (by the application's clock).
 */
@ApplicationScoped
public class TaskService {

    /** Task kinds. */
    public static final List<String> KINDS = List.of("task", "reminder", "call");

    /** The origin prefix of a missed call's call-back task. */
    static final String CALLBACK = "callback:";

    /** Which tasks a list shows. */
    public enum State { OPEN, DONE, OVERDUE, ALL }

    /** A task as the API shows it. */
    public record TaskView(String id, String dealId, String leadId, String kind, String title, Instant dueAt,
                           boolean done, boolean overdue, String assignee, String createdBy, Instant completedAt,
                           String completedBy, String origin, Instant createdAt) {
    }

    /** A new task: on a lead or a deal (one of them), due at a time or after a duration from now. */
    public record NewTask(String leadId, String dealId, String kind, String title, Instant dueAt, String due,
                          String assignee) {
    }

    private final Clock clock;
    private final EventLog outbox;
    private final ObjectMapper mapper;
    private final SpeedToLead speed;
    private final Availability availability;
    private final DealEvents events;

    TaskService(Clock clock, EventLog outbox, ObjectMapper mapper, SpeedToLead speed, Availability availability,
                DealEvents events) {
        this.events = events;
        this.clock = clock;
        this.outbox = outbox;
        this.mapper = mapper;
        this.speed = speed;
        this.availability = availability;
    }

    /**
     * A robot's task (automation, missed call), announced as {@code leadgate.task.created} like one made through the
     * API; assignee null = nobody yet. In the caller's transaction.
     */
    public DealTask addAutomatic(Long dealId, Long leadId, String kind, String title, Instant dueAt, String assignee,
                                 Long jobId, String origin, String createdBy, Instant now) {
        DealTask task = automatic(dealId, leadId, kind, title, dueAt, assignee, jobId, origin, createdBy, now);
        event(EventTypes.TASK_CREATED, task, now);
        return task;
    }

    private static DealTask automatic(Long dealId, Long leadId, String kind, String title, Instant dueAt, String assignee,
                              Long jobId, String origin, String createdBy, Instant now) {
        DealTask task = new DealTask();
        task.dealId = dealId;
        task.leadId = leadId;
        task.kind = kind;
        task.title = title;
        task.dueAt = dueAt;
        task.assignee = assignee;
        task.done = false;
        task.jobId = jobId;
        task.origin = origin;
        task.createdBy = createdBy;
        task.createdAt = now;
        task.persist();
        return task;
    }

    @Transactional
    public TaskView create(NewTask n, String actor) {
        if (n == null) {
            throw PipelineException.invalid("a JSON object {leadId or dealId, title} is required");
        }
        boolean onLead = n.leadId() != null && !n.leadId().isBlank();
        boolean onDeal = n.dealId() != null && !n.dealId().isBlank();
        if (onLead == onDeal) {
            throw PipelineException.invalid("a task is on a lead or on a deal: give leadId or dealId");
        }
        String title = n.title() == null ? "" : n.title().strip();
        if (title.isEmpty() || title.length() > 500) {
            throw PipelineException.invalid("title is required, at most 500 characters");
        }
        String kind = n.kind() == null || n.kind().isBlank() ? "task" : n.kind().strip().toLowerCase(Locale.ROOT);
        if (!KINDS.contains(kind)) {
            throw PipelineException.invalid("kind must be task, reminder or call");
        }
        Instant now = clock.instant();
        if (n.dueAt() != null && n.due() != null) {
            throw PipelineException.invalid("give dueAt (a time) or due (a duration from now), not both");
        }
        Instant dueAt = n.dueAt() != null ? n.dueAt()
                : n.due() == null ? null : now.plus(AutomationService.duration("due",
                com.fasterxml.jackson.databind.node.TextNode.valueOf(n.due())));
        Long leadId = null;
        Long dealId = null;
        String owner;
        if (onLead) {
            Lead lead = Lead.findById(PipelineService.parseId("leadId", n.leadId()));
            if (lead == null) {
                throw PipelineException.invalid("no lead " + n.leadId());
            }
            leadId = lead.id;
            owner = lead.responsible;
        } else {
            Deal deal = Deal.findById(PipelineService.parseId("dealId", n.dealId()));
            if (deal == null) {
                throw PipelineException.invalid("no deal " + n.dealId());
            }
            dealId = deal.id;
            owner = deal.responsible;
        }
        String assignee = n.assignee() == null || n.assignee().isBlank() ? owner : manager(n.assignee());
        DealTask task = automatic(dealId, leadId, kind, title, dueAt, assignee, null, null, actor, now);
        event(EventTypes.TASK_CREATED, task, now);
        return view(task, now);
    }

    public TaskView one(long id) {
        return view(find(id), clock.instant());
    }

    /** Tasks by assignee, lead or deal and state, oldest first (by due time for open ones of an assignee). */
    public List<TaskView> list(String assignee, Long leadId, Long dealId, State state, int offset, int limit) {
        Instant now = clock.instant();
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (assignee != null && !assignee.isBlank()) {
            params.add(assignee.strip());
            where.add("assignee = ?" + params.size());
        }
        if (leadId != null) {
            params.add(leadId);
            where.add("leadId = ?" + params.size());
        }
        if (dealId != null) {
            params.add(dealId);
            where.add("dealId = ?" + params.size());
        }
        switch (state) {
            case OPEN -> where.add("done = false");
            case DONE -> where.add("done = true");
            case OVERDUE -> {
                params.add(now);
                where.add("done = false and dueAt < ?" + params.size());
            }
            case ALL -> {
                // every task
            }
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ")
                + (state == State.OPEN || state == State.OVERDUE ? "order by dueAt nulls last, id" : "order by id");
        return DealTask.<DealTask>find(query, params.toArray()).range(offset, offset + limit - 1).stream()
                .map(t -> view(t, now)).toList();
    }

    /** Completes a task (again: no change); a completed lead task is a first action for speed to lead. */
    @Transactional
    public TaskView complete(long id, String actor) {
        DealTask task = DealTask.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (task == null) {
            throw PipelineException.notFound("no task " + id);
        }
        Instant now = clock.instant();
        if (task.done) {
            return view(task, now);
        }
        task.done = true;
        task.completedAt = now;
        task.completedBy = actor;
        if (task.leadId != null) {
            Lead lead = Lead.findById(task.leadId, LockModeType.PESSIMISTIC_WRITE);
            if (lead != null) {
                speed.acted(lead, SpeedToLead.Action.TASK, actor, now);
                if (task.origin != null && task.origin.startsWith(CALLBACK) && lead.callback) {
                    lead.callback = false; // called back
                    lead.updatedAt = now;
                    events.leadUpdated(lead, now);
                }
            }
        }
        event(EventTypes.TASK_COMPLETED, task, now);
        return view(task, now);
    }

    /** Gives a task to another manager (null or blank: nobody). */
    @Transactional
    public TaskView assign(long id, String assignee) {
        DealTask task = find(id);
        task.assignee = assignee == null || assignee.isBlank() ? null : manager(assignee);
        return view(task, clock.instant());
    }

    /** Changes a task's title or due time. */
    @Transactional
    public TaskView update(long id, String title, Instant dueAt, boolean clearDue) {
        DealTask task = find(id);
        if (title != null) {
            String t = title.strip();
            if (t.isEmpty() || t.length() > 500) {
                throw PipelineException.invalid("title is required, at most 500 characters");
            }
            task.title = t;
        }
        if (dueAt != null || clearDue) {
            task.dueAt = dueAt;
        }
        return view(task, clock.instant());
    }

    private String manager(String id) {
        return availability.requireActive(id);
    }

    private static DealTask find(long id) {
        DealTask task = DealTask.findById(id);
        if (task == null) {
            throw PipelineException.notFound("no task " + id);
        }
        return task;
    }

    private void event(String type, DealTask task, Instant now) {
        Long contactId = null;
        String channelId = null;
        if (task.leadId != null) {
            Lead lead = Lead.findById(task.leadId);
            contactId = lead == null ? null : lead.contactId;
            channelId = lead == null ? null : lead.channelId;
        } else {
            Deal deal = Deal.findById(task.dealId);
            contactId = deal == null ? null : deal.contactId;
            channelId = deal == null || deal.channelId == null ? DealEvents.API_SOURCE : deal.channelId;
        }
        ObjectNode data = mapper.createObjectNode();
        data.set("task", mapper.valueToTree(view(task, now)));
        outbox.append(type, channelId, contactId, task.leadId, null, data, now);
    }

    public static TaskView view(DealTask t, Instant now) {
        return new TaskView(String.valueOf(t.id), MoveView.str(t.dealId), MoveView.str(t.leadId), t.kind, t.title,
                t.dueAt, t.done, !t.done && t.dueAt != null && t.dueAt.isBefore(now), t.assignee, t.createdBy,
                t.completedAt, t.completedBy, t.origin, t.createdAt);
    }
}
