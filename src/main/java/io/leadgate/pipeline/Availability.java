package io.leadgate.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a manager can take work now: active, not absent, and within working hours (a manager without hours always
 * works). Round robin skips managers who are not available ({@link Assigner#next}).
 */
@ApplicationScoped
public class Availability {

    /** Hours as the API shows them. */
    public record HoursView(String manager, String timeZone, JsonNode days) {
    }

    public record AbsenceView(String id, String manager, Instant startsAt, Instant endsAt, String reason) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Clock clock;

    Availability(Clock clock) {
        this.clock = clock;
    }

    /** A manager is active unless marked inactive (one not listed counts as active). */
    public boolean activeManager(String manager) {
        Manager m = Manager.findById(manager);
        return m == null || m.active;
    }

    /** The candidates who work at {@code at} and are not absent then (activity is checked by the caller). */
    List<String> working(List<String> candidates, Instant at) {
        if (candidates.isEmpty()) {
            return candidates;
        }
        Set<String> absent = new HashSet<>(ManagerAbsence.<ManagerAbsence>list(
                        "manager in ?1 and startsAt <= ?2 and endsAt > ?2", candidates, at).stream()
                .map(a -> a.manager).toList());
        List<ManagerHours> hours = ManagerHours.list("manager in ?1", candidates);
        Set<String> offHours = new HashSet<>();
        for (ManagerHours h : hours) {
            if (!hours(h).working(at)) {
                offHours.add(h.manager);
            }
        }
        return candidates.stream().filter(m -> !absent.contains(m) && !offHours.contains(m)).toList();
    }

    public boolean availableNow(String manager) {
        return activeManager(manager) && !working(List.of(manager), clock.instant()).isEmpty();
    }

    @Transactional
    public HoursView setHours(String manager, String timeZone, JsonNode days) {
        requireManager(manager);
        WorkingHours parsed = WorkingHours.parse(timeZone, days);
        ManagerHours h = ManagerHours.findById(manager);
        if (h == null) {
            h = new ManagerHours();
            h.manager = manager;
        }
        h.timeZone = parsed.zone().getId();
        h.days = parsed.daysJson().toString();
        h.updatedAt = clock.instant();
        h.persist();
        return view(h);
    }

    public Optional<HoursView> hours(String manager) {
        requireManager(manager);
        return ManagerHours.<ManagerHours>findByIdOptional(manager).map(Availability::view);
    }

    @Transactional
    public void clearHours(String manager) {
        requireManager(manager);
        ManagerHours.deleteById(manager);
    }

    @Transactional
    public AbsenceView addAbsence(String manager, Instant startsAt, Instant endsAt, String reason) {
        requireManager(manager);
        if (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt)) {
            throw PipelineException.invalid("startsAt and endsAt are required, endsAt after startsAt");
        }
        if (reason != null && reason.length() > 500) {
            throw PipelineException.invalid("reason is longer than 500 characters");
        }
        ManagerAbsence a = new ManagerAbsence();
        a.manager = manager;
        a.startsAt = startsAt;
        a.endsAt = endsAt;
        a.reason = reason == null || reason.isBlank() ? null : reason.strip();
        a.createdAt = clock.instant();
        a.persist();
        return view(a);
    }

    public List<AbsenceView> absences(String manager) {
        requireManager(manager);
        return ManagerAbsence.<ManagerAbsence>list("manager = ?1 order by startsAt, id", manager).stream()
                .map(Availability::view).toList();
    }

    @Transactional
    public void deleteAbsence(String manager, long id) {
        if (ManagerAbsence.delete("id = ?1 and manager = ?2", id, manager) == 0) {
            throw PipelineException.notFound("no absence " + id + " of manager " + manager);
        }
    }

    /** A known, active manager's id (stripped), else refused as invalid. */
    String requireActive(String id) {
        String m = id.strip();
        if (Manager.findById(m) == null) {
            throw PipelineException.invalid("no manager " + m);
        }
        if (!activeManager(m)) {
            throw PipelineException.invalid("manager " + m + " is not active");
        }
        return m;
    }

    static void requireManager(String manager) {
        if (Manager.findById(manager) == null) {
            throw PipelineException.notFound("no manager " + manager);
        }
    }

    private static WorkingHours hours(ManagerHours h) {
        try {
            return WorkingHours.parse(h.timeZone, MAPPER.readTree(h.days));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HoursView view(ManagerHours h) {
        try {
            return new HoursView(h.manager, h.timeZone, MAPPER.readTree(h.days));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AbsenceView view(ManagerAbsence a) {
        return new AbsenceView(String.valueOf(a.id), a.manager, a.startsAt, a.endsAt, a.reason);
    }
}
