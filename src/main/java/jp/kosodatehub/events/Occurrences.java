package jp.kosodatehub.events;

import java.time.LocalDate;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the stored dates of an event in step with its rule and changed dates. Dates already past are left as they
 * were held, so editing a running series never rewrites its history.
 */
@Service
class Occurrences {

    private final EventOccurrenceRepository occurrences;
    private final OccurrenceChangeRepository changes;
    private final EventRepository events;
    private final Clock clock;

    Occurrences(EventOccurrenceRepository occurrences, OccurrenceChangeRepository changes, EventRepository events,
                Clock clock) {
        this.occurrences = occurrences;
        this.changes = changes;
        this.events = events;
        this.clock = clock;
    }

    /** Computes the dates of events that have none (stored before dates were kept); returns how many. */
    @Transactional
    int backfill() {
        List<Event> missing = events.withoutDates();
        missing.forEach(this::rebuild);
        return missing.size();
    }

    /**
     * A count once counted skipped days too (12回 with two holidays held 10); it now counts dates held. Brings the
     * coming dates of such series stored before in step with the plan; past dates stay as they were held, and a
     * series already in step is left untouched.
     */
    @Transactional
    int recount() {
        List<Event> counted = events.countedSeriesWithSkips();
        counted.forEach(this::rebuild);
        return counted.size();
    }

    List<OccurrencePlan.Entry> plan(Event event) {
        return plan(event.getStartsAt(), event.getEndsAt(), event.getRecurrenceRule(), event.isSkipHolidays(),
                event.getSkipFrom(), event.getSkipTo(), event.getId());
    }

    List<OccurrencePlan.Entry> plan(EventDraft draft) {
        return plan(draft.getStartsAt(), draft.getEndsAt(),
                draft.getRecurrence() == null ? null : draft.getRecurrence().toRule(),
                draft.getRecurrence() != null && draft.isSkipHolidays(), draft.getSkipFrom(), draft.getSkipTo(),
                draft.getId());
    }

    private List<OccurrencePlan.Entry> plan(LocalDateTime start, LocalDateTime end, String rule, boolean holidays,
                                            LocalDate skipFrom, LocalDate skipTo, Long eventId) {
        Map<LocalDateTime, OccurrencePlan.Change> changed = eventId == null ? Map.of()
                : changes.findByEventIdOrderByOriginalStartAsc(eventId).stream().collect(Collectors.toMap(
                        OccurrenceChange::getOriginalStart, OccurrenceChange::toPlanChange));
        return OccurrencePlan.expand(start, end, rule, holidays, skipFrom, skipTo, changed);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void rebuild(Event event) {
        LocalDateTime now = LocalDateTime.now(clock);
        Map<LocalDateTime, EventOccurrence> stored = new HashMap<>(occurrences
                .findByEventIdOrderByOriginalStartAsc(event.getId()).stream()
                .collect(Collectors.toMap(EventOccurrence::getOriginalStart, Function.identity())));
        List<EventOccurrence> toSave = new ArrayList<>();
        for (OccurrencePlan.Entry entry : plan(event)) {
            EventOccurrence existing = stored.remove(entry.originalStart());
            boolean past = entry.originalStart().isBefore(now);
            if (entry.skip() != null) {
                if (existing != null && !past) {
                    occurrences.delete(existing);
                }
            } else if (existing == null) {
                toSave.add(new EventOccurrence(event, entry));
            } else if (!past) {
                existing.update(entry);
            }
        }
        stored.values().stream().filter(left -> !left.getOriginalStart().isBefore(now))
                .forEach(occurrences::delete);
        occurrences.saveAll(toSave);
    }
}
