package jp.kosodatehub.events;

import java.util.TreeSet;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.kosodatehub.base.NotFoundException;
import jp.kosodatehub.base.OffsetPage;
import jp.kosodatehub.base.validation.Problems;
import jp.kosodatehub.base.validation.TextRules;
import jp.kosodatehub.notifications.ModerationNotice;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.organisations.OrganisationService;
import jp.kosodatehub.security.AppUser;
import jp.kosodatehub.security.CurrentUser;
import jp.kosodatehub.security.Roles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Events and their moderation. Every method decides for itself who may do what: a member acts only on their own
 * organisation's events, coordinators on all, and anonymous visitors see only what is published.
 */
@Service
public class EventService {

    private static final Set<EventStatus> EDITABLE = Set.of(
            EventStatus.DRAFT, EventStatus.SUBMITTED, EventStatus.SENT_BACK, EventStatus.PUBLISHED);
    private static final Set<EventStatus> WITHDRAWABLE = Set.of(
            EventStatus.DRAFT, EventStatus.SUBMITTED, EventStatus.SENT_BACK, EventStatus.PUBLISHED);

    private final EventRepository events;
    private final EventStatusChangeRepository changes;
    private final EventOccurrenceRepository dates;
    private final OccurrenceChangeRepository dateChanges;
    private final Occurrences occurrences;
    private final OrganisationService organisations;
    private final InitiativeCatalogue initiatives;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ApplicationEventPublisher notices;

    EventService(EventRepository events, EventStatusChangeRepository changes, EventOccurrenceRepository dates,
                 OccurrenceChangeRepository dateChanges, Occurrences occurrences, OrganisationService organisations,
                 InitiativeCatalogue initiatives, CurrentUser currentUser, Clock clock,
                 ApplicationEventPublisher notices) {
        this.events = events;
        this.changes = changes;
        this.dates = dates;
        this.dateChanges = dateChanges;
        this.occurrences = occurrences;
        this.organisations = organisations;
        this.initiatives = initiatives;
        this.currentUser = currentUser;
        this.clock = clock;
        this.notices = notices;
    }

    // --- public side -------------------------------------------------------------------------------------------

    /** Upcoming dates of public events (single events and series alike), soonest first, one page of them. */
    @Transactional(readOnly = true)
    public List<EventOccurrence> feed(EventFilter filter, int offset, int limit) {
        return dates.pageWithEvents(EventSpecifications.publicFeed(filter, now()), offset, limit);
    }

    @Transactional(readOnly = true)
    public long feedCount(EventFilter filter) {
        return dates.count(EventSpecifications.publicFeed(filter, now()));
    }

    /**
     * Dates of public events within the filter's date range, including those already past: a month calendar or a
     * printed sheet shows the whole month, not only what is still to come.
     */
    @Transactional(readOnly = true)
    public List<EventOccurrence> datesInRange(EventFilter filter, int offset, int limit) {
        return dates.pageWithEvents(EventSpecifications.publicFeed(filter, rangeStart(filter)), offset, limit);
    }

    @Transactional(readOnly = true)
    public long datesInRangeCount(EventFilter filter) {
        return dates.count(EventSpecifications.publicFeed(filter, rangeStart(filter)));
    }

    private LocalDateTime rangeStart(EventFilter filter) {
        return filter.from() == null ? now() : filter.from().atStartOfDay();
    }

    /**
     * How many dates of published events fall between the two days (inclusive) and match the filter, leaving out
     * cancelled events and cancelled dates; a moved date counts on the day it moved to. Counts the network's own
     * activity for its goals ("weekend events held"), so dates already past count as much as those ahead.
     */
    @Transactional(readOnly = true)
    public long countPublicDates(EventFilter filter, LocalDate from, LocalDate to) {
        return dates.count(EventSpecifications.publicDatesHeld(filter.withDates(from, to)));
    }

    /**
     * Dates held as announced (published events, dates not cancelled) of the events tagged with an initiative,
     * starting between the two days (inclusive), earliest first, at most {@code limit} of them.
     */
    @Transactional(readOnly = true)
    public List<EventOccurrence> publicDatesOfInitiative(Long initiativeId, LocalDate from, LocalDate to,
                                                         int limit) {
        return dates.heldForInitiative(initiativeId, EventStatus.PUBLISHED, from.atStartOfDay(),
                to.plusDays(1).atStartOfDay(), page(0, limit, Sort.unsorted()));
    }

    /** How many of those dates fall in each month between the two days (inclusive); empty months are left out. */
    @Transactional(readOnly = true)
    public List<MonthCount> publicDatesOfInitiativeByMonth(Long initiativeId, LocalDate from, LocalDate to) {
        return dates.heldForInitiativeByMonth(initiativeId, EventStatus.PUBLISHED, from.atStartOfDay(),
                to.plusDays(1).atStartOfDay());
    }

    /** Whether any event, whatever its state, is tagged with the initiative: such an initiative has history. */
    @Transactional(readOnly = true)
    public boolean isInitiativeUsed(Long initiativeId) {
        return events.countTaggedWith(initiativeId) > 0;
    }

    /** The initiatives an event can be tagged with, for the event form. */
    @Transactional(readOnly = true)
    public List<InitiativeChoice> initiativeChoices() {
        return initiatives.choices();
    }

    /** Public events matching the filter's event-level parts that still have dates to come, for calendar export. */
    @Transactional(readOnly = true)
    public List<Event> publicEventsWithDatesAhead(EventFilter filter, int limit) {
        return events.findAll(EventSpecifications.publicEvents(filter).and(EventSpecifications.withDatesAfter(now())),
                page(0, limit, Sort.by("startsAt", "id"))).getContent();
    }

    /** Every date of a public event as its rule gives them, with skipped, cancelled and moved ones marked. */
    @Transactional(readOnly = true)
    public List<OccurrencePlan.Entry> publicPlan(Long eventId) {
        Event event = findPublic(eventId).orElseThrow(() -> new NotFoundException("No public event " + eventId));
        return occurrences.plan(event);
    }

    /** The next dates of a public event, for "next dates" on its page. */
    @Transactional(readOnly = true)
    public List<EventOccurrence> nextDates(Long eventId, int limit) {
        return findPublic(eventId).map(event -> dates.upcoming(event.getId(), now(), page(0, limit, Sort.unsorted())))
                .orElse(List.of());
    }

    /** When anything the public sees last changed: for feed validators (ETag, Last-Modified). */
    @Transactional(readOnly = true)
    public Instant lastPublicChange() {
        return events.lastUpdate().orElse(Instant.EPOCH);
    }

    /** A published or cancelled event, for its public page; anything else is "not found" to the public. */
    @Transactional(readOnly = true)
    public Optional<Event> findPublic(Long id) {
        return events.findById(id).filter(e -> EventStatus.PUBLIC.contains(e.getStatus()));
    }

    // --- members and coordinators ------------------------------------------------------------------------------

    /** A member's own organisation's events, or every event for a coordinator, newest start first. */
    @Transactional(readOnly = true)
    @PermitAll
    public List<Event> myEvents(Collection<EventStatus> statuses, int offset, int limit) {
        return events.findAll(mine(statuses), page(offset, limit,
                Sort.by(Sort.Direction.DESC, "startsAt").and(Sort.by("id")))).getContent();
    }

    @Transactional(readOnly = true)
    @PermitAll
    public long myEventsCount(Collection<EventStatus> statuses) {
        return events.count(mine(statuses));
    }

    /** Any event the caller may see: public ones for everybody, others for their organisation and the office. */
    @Transactional(readOnly = true)
    public Event get(Long id) {
        Event event = events.findById(id).orElseThrow(() -> new NotFoundException("No event " + id));
        if (!EventStatus.PUBLIC.contains(event.getStatus())) {
            requireAccess(event);
        }
        return event;
    }

    @Transactional(readOnly = true)
    @PermitAll
    public EventDraft loadForEdit(Long id) {
        Event event = loadOwned(id);
        return EventDraft.of(event);
    }

    /** A new draft with the content of an existing event, to post a similar one quickly. */
    @Transactional(readOnly = true)
    @PermitAll
    public EventDraft duplicate(Long id) {
        return EventDraft.of(loadOwned(id)).asNew();
    }

    @Transactional(readOnly = true)
    @PermitAll
    public List<EventStatusChange> history(Long id) {
        loadOwned(id);
        return changes.findByEventIdOrderByChangedAtAscIdAsc(id);
    }

    /**
     * Creates or updates an event. A member's new event belongs to their organisation; a coordinator names the
     * organisation. A member's change to a published event goes back to moderation unless the organisation is
     * trusted.
     */
    @Transactional
    @PermitAll
    public Event save(EventDraft draft) {
        AppUser user = currentUser.require();
        Problems problems = EventRules.validate(draft, today());
        Organisation organisation = user.isCoordinator()
                ? organisations.find(draft.getOrganisation() == null ? null : draft.getOrganisation().getId())
                        .orElse(null)
                : organisations.find(user.organisationId()).orElse(null);
        problems.require(organisation != null, "organisation", "validation.required");
        checkInitiatives(draft, problems);
        Event event;
        if (draft.getId() == null) {
            problems.throwIfAny();
            event = new Event(organisation, clock.instant());
            event.apply(draft, clock.instant());
            event = events.save(event);
            occurrences.rebuild(event);
            record(event, null, EventStatus.DRAFT, null, user);
            return event;
        }
        event = loadOwned(draft.getId());
        checkVersion(event, draft.getVersion());
        if (!EDITABLE.contains(event.getStatus())) {
            problems.add("status", "event.validation.not-editable");
        }
        problems.throwIfAny();
        event.apply(draft, clock.instant());
        if (!user.isCoordinator() && event.getStatus() == EventStatus.PUBLISHED
                && !event.getOrganisation().isTrusted()) {
            transition(event, EventStatus.SUBMITTED, null, user);
        }
        Event saved = events.saveAndFlush(event);
        occurrences.rebuild(saved);
        return saved;
    }

    // --- the dates of a series ---------------------------------------------------------------------------------

    /** The dates of an event from today on, as its organisation and the office manage them. */
    @Transactional(readOnly = true)
    @PermitAll
    public List<EventOccurrence> upcomingDates(Long eventId, int offset, int limit) {
        Event event = loadOwned(eventId);
        return dates.upcoming(event.getId(), now(), page(offset, limit, Sort.unsorted()));
    }

    /**
     * What saving the draft would do to the series' dates from now on: the dates that would disappear and the
     * ones that would be added. Lets the editor say which future dates an edit changes before it is saved.
     */
    @Transactional(readOnly = true)
    @PermitAll
    public SeriesChange previewDates(EventDraft draft) {
        LocalDateTime now = now();
        Set<LocalDateTime> before = new TreeSet<>();
        if (draft.getId() != null) {
            dates.upcoming(loadOwned(draft.getId()).getId(), now, page(0, OffsetPage.MAX_LIMIT, Sort.unsorted()))
                    .stream().filter(date -> !date.isCancelled()).forEach(date -> before.add(date.getStartsAt()));
        }
        Set<LocalDateTime> after = new TreeSet<>();
        if (EventRules.checkRecurrence(draft.getRecurrence(), draft.getStartsAt(), draft.isSkipHolidays(),
                draft.getSkipFrom(), draft.getSkipTo()) == null
                && draft.getStartsAt() != null && draft.getEndsAt() != null) {
            occurrences.plan(draft).stream()
                    .filter(entry -> entry.skip() == null && !entry.cancelled() && !entry.end().isBefore(now))
                    .forEach(entry -> after.add(entry.start()));
        }
        List<LocalDateTime> removed = before.stream().filter(date -> !after.contains(date)).toList();
        List<LocalDateTime> added = after.stream().filter(date -> !before.contains(date)).toList();
        return new SeriesChange(removed, added, after.size());
    }

    /** Which future dates an edit removes and adds, and how many dates the series will have from now on. */
    public record SeriesChange(List<LocalDateTime> removed, List<LocalDateTime> added, int upcoming) {

        public boolean changesDates() {
            return !removed.isEmpty() || !added.isEmpty();
        }
    }

    /** Cancels one date of a series (雨天中止, staff illness) without touching the series; it shows as cancelled. */
    @Transactional
    @PermitAll
    public Event cancelDate(Long eventId, long version, LocalDateTime originalStart, String reason) {
        return changeDate(eventId, version, originalStart, true, null, null, reason);
    }

    /** Moves one date of a series to another time, with the reason shown to parents. */
    @Transactional
    @PermitAll
    public Event moveDate(Long eventId, long version, LocalDateTime originalStart, LocalDateTime newStart,
                          LocalDateTime newEnd, String reason) {
        return changeDate(eventId, version, originalStart, false, newStart, newEnd, reason);
    }

    /** Undoes the cancellation or move of one date. */
    @Transactional
    @PermitAll
    public Event restoreDate(Long eventId, long version, LocalDateTime originalStart) {
        Event event = loadOwned(eventId);
        checkVersion(event, version);
        OccurrenceChange change = dateChanges.findByEventIdAndOriginalStart(eventId, originalStart)
                .orElseThrow(() -> new NotFoundException("No change on " + originalStart));
        dateChanges.delete(change);
        dateChanges.flush();
        event.touch(clock.instant());
        Event saved = events.saveAndFlush(event);
        occurrences.rebuild(saved);
        return saved;
    }

    @Transactional(readOnly = true)
    @PermitAll
    public List<OccurrenceChange> dateChanges(Long eventId) {
        return dateChanges.findByEventIdOrderByOriginalStartAsc(loadOwned(eventId).getId());
    }

    private Event changeDate(Long eventId, long version, LocalDateTime originalStart, boolean cancel,
                             LocalDateTime newStart, LocalDateTime newEnd, String reason) {
        Event event = loadOwned(eventId);
        checkVersion(event, version);
        String why = requireReason(reason);
        if (!event.isSeries() || event.getStatus() == EventStatus.CANCELLED
                || event.getStatus() == EventStatus.WITHDRAWN) {
            new Problems().add("date", "series.validation.not-a-series").throwIfAny();
        }
        boolean isDate = occurrences.plan(event).stream()
                .anyMatch(entry -> entry.originalStart().equals(originalStart) && entry.skip() == null);
        if (!isDate) {
            new Problems().add("date", "series.validation.not-a-date-of-series").throwIfAny();
        }
        if (!cancel) {
            Problems problems = new Problems();
            String startProblem = EventRules.checkDateTime(newStart, today());
            if (startProblem != null) {
                problems.add("newStart", startProblem);
            }
            String endProblem = EventRules.checkEnd(newStart, newEnd, today());
            if (endProblem != null) {
                problems.add("newEnd", endProblem);
            }
            problems.throwIfAny();
        }
        OccurrenceChange change = dateChanges.findByEventIdAndOriginalStart(eventId, originalStart)
                .orElseGet(() -> new OccurrenceChange(eventId, originalStart));
        change.set(cancel, newStart, newEnd, why, currentUser.require().displayName(), clock.instant());
        dateChanges.saveAndFlush(change);
        event.touch(clock.instant());
        Event saved = events.saveAndFlush(event);
        occurrences.rebuild(saved);
        return saved;
    }

    /** Sends a draft or sent-back event for publication; a trusted organisation's event is published at once. */
    @Transactional
    @PermitAll
    public Event submit(Long id, long version) {
        Event event = loadOwned(id);
        checkVersion(event, version);
        requireStatus(event, EventStatus.DRAFT, EventStatus.SENT_BACK);
        EventStatus target = event.getOrganisation().isTrusted() ? EventStatus.PUBLISHED : EventStatus.SUBMITTED;
        AppUser user = currentUser.require();
        transition(event, target, null, user);
        if (target == EventStatus.PUBLISHED) {
            notices.publishEvent(ModerationNotice.published(ModerationNotice.Subject.EVENT, event.getId(),
                    event.getTitle(), user.accountId(), event.getOrganisation().getId()));
        }
        return events.saveAndFlush(event);
    }

    @Transactional
    @PermitAll
    public Event withdraw(Long id, long version) {
        Event event = loadOwned(id);
        checkVersion(event, version);
        requireStatus(event, WITHDRAWABLE.toArray(EventStatus[]::new));
        transition(event, EventStatus.WITHDRAWN, null, currentUser.require());
        return events.saveAndFlush(event);
    }

    /** Cancels a published event; it stays visible, marked as cancelled, with the reason. */
    @Transactional
    @PermitAll
    public Event cancel(Long id, long version, String reason) {
        Event event = loadOwned(id);
        checkVersion(event, version);
        String why = requireReason(reason);
        requireStatus(event, EventStatus.PUBLISHED);
        transition(event, EventStatus.CANCELLED, why, currentUser.require());
        return events.saveAndFlush(event);
    }

    // --- coordinators ------------------------------------------------------------------------------------------

    /** Submissions waiting for the office, oldest first. */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.COORDINATOR)
    public List<Event> moderationQueue(int offset, int limit) {
        return events.findByStatusOrderBySubmittedAtAscIdAsc(EventStatus.SUBMITTED,
                page(offset, limit, Sort.unsorted()));
    }

    @Transactional(readOnly = true)
    @RolesAllowed(Roles.COORDINATOR)
    public long moderationCount() {
        return events.countByStatus(EventStatus.SUBMITTED);
    }

    @Transactional
    @RolesAllowed(Roles.COORDINATOR)
    public Event publish(Long id, long version) {
        Event event = events.findById(id).orElseThrow(() -> new NotFoundException("No event " + id));
        checkVersion(event, version);
        requireStatus(event, EventStatus.SUBMITTED);
        transition(event, EventStatus.PUBLISHED, null, currentUser.require());
        notices.publishEvent(ModerationNotice.published(ModerationNotice.Subject.EVENT, event.getId(),
                event.getTitle(), submitter(event), event.getOrganisation().getId()));
        return events.saveAndFlush(event);
    }

    @Transactional
    @RolesAllowed(Roles.COORDINATOR)
    public Event sendBack(Long id, long version, String reason) {
        Event event = events.findById(id).orElseThrow(() -> new NotFoundException("No event " + id));
        checkVersion(event, version);
        String why = requireReason(reason);
        requireStatus(event, EventStatus.SUBMITTED);
        transition(event, EventStatus.SENT_BACK, why, currentUser.require());
        notices.publishEvent(ModerationNotice.sentBack(ModerationNotice.Subject.EVENT, event.getId(),
                event.getTitle(), why, submitter(event), event.getOrganisation().getId()));
        return events.saveAndFlush(event);
    }

    // --- internals ---------------------------------------------------------------------------------------------

    private void checkInitiatives(EventDraft draft, Problems problems) {
        Set<Long> ids = draft.getInitiativeIds();
        if (ids.size() > EventLimits.INITIATIVES_MAX) {
            problems.add("initiativeIds", "event.validation.too-many-initiatives");
        } else if (!ids.stream().allMatch(id -> id != null && initiatives.exists(id))) {
            problems.add("initiativeIds", "event.validation.unknown-initiative");
        }
    }

    private Specification<Event> mine(Collection<EventStatus> statuses) {
        AppUser user = currentUser.require();
        Specification<Event> spec = user.isCoordinator() ? Specification.unrestricted()
                : EventSpecifications.ofOrganisation(user.organisationId());
        if (statuses != null && !statuses.isEmpty()) {
            spec = spec.and(EventSpecifications.withStatusIn(statuses));
        }
        return spec;
    }

    /** Loads an event the caller may act on as its organisation or as the office; refuses everyone else. */
    private Event loadOwned(Long id) {
        Event event = events.findById(id == null ? -1 : id)
                .orElseThrow(() -> new NotFoundException("No event " + id));
        requireAccess(event);
        return event;
    }

    private void requireAccess(Event event) {
        AppUser user = currentUser.require();
        if (!user.isCoordinator() && !user.isMemberOf(event.getOrganisation().getId())) {
            throw new AccessDeniedException("Event " + event.getId() + " belongs to another organisation");
        }
    }

    private static void checkVersion(Event event, long expected) {
        if (event.getVersion() != expected) {
            throw new OptimisticLockingFailureException("Event " + event.getId() + " was changed meanwhile");
        }
    }

    private static void requireStatus(Event event, EventStatus... allowed) {
        for (EventStatus status : allowed) {
            if (event.getStatus() == status) {
                return;
            }
        }
        new Problems().add("status", "event.validation.wrong-state").throwIfAny();
    }

    private static String requireReason(String reason) {
        String why = TextRules.normalise(reason);
        new Problems().text("reason", why, true, EventLimits.REASON_MAX, true).throwIfAny();
        return why;
    }

    private void transition(Event event, EventStatus to, String reason, AppUser user) {
        EventStatus from = event.getStatus();
        event.changeStatus(to, reason, clock.instant());
        if (EventStatus.PUBLIC.contains(from) != EventStatus.PUBLIC.contains(to)) {
            dates.markPublic(event.getId(), EventStatus.PUBLIC.contains(to));
        }
        record(event, from, to, reason, user);
    }

    private void record(Event event, EventStatus from, EventStatus to, String reason, AppUser user) {
        changes.save(new EventStatusChange(event.getId(), clock.instant(), user.displayName(), user.accountId(), from,
                to, reason));
    }

    /** The account that last sent the event to the office, if the history knows it. */
    private Long submitter(Event event) {
        return changes.findFirstByEventIdAndToStatusOrderByChangedAtDescIdDesc(event.getId(), EventStatus.SUBMITTED)
                .map(EventStatusChange::getActorAccountId).orElse(null);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static Pageable page(int offset, int limit, Sort sort) {
        return OffsetPage.of(offset, limit, sort);
    }
}
