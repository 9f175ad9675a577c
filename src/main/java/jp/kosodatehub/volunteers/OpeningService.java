package jp.kosodatehub.volunteers;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import jp.kosodatehub.base.NotFoundException;
import jp.kosodatehub.base.OffsetPage;
import jp.kosodatehub.base.validation.Problems;
import jp.kosodatehub.base.validation.TextRules;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.events.EventStatus;
import jp.kosodatehub.notifications.ModerationNotice;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.organisations.OrganisationService;
import jp.kosodatehub.reference.District;
import jp.kosodatehub.reference.ReferenceDataService;
import jp.kosodatehub.security.AppUser;
import jp.kosodatehub.security.CurrentUser;
import jp.kosodatehub.security.Roles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volunteer openings and their moderation, with the rules of events: a member acts only on their own
 * organisation's openings, coordinators on all, and anonymous visitors see only what is published.
 */
@Service
public class OpeningService {

    public static final int MINIMUM_AGE_MIN = 12;
    public static final int MINIMUM_AGE_MAX = 99;
    /** How many of an organisation's events the form offers to link to. */
    static final int EVENT_CHOICES_MAX = 200;

    private static final Set<PostStatus> EDITABLE = EnumSet.of(
            PostStatus.DRAFT, PostStatus.SUBMITTED, PostStatus.SENT_BACK, PostStatus.PUBLISHED);
    private static final Set<PostStatus> WITHDRAWABLE = EnumSet.of(
            PostStatus.DRAFT, PostStatus.SUBMITTED, PostStatus.SENT_BACK, PostStatus.PUBLISHED, PostStatus.CLOSED);

    private final OpeningRepository openings;
    private final OrganisationService organisations;
    private final ReferenceDataService reference;
    private final EventService events;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ApplicationEventPublisher notices;

    OpeningService(OpeningRepository openings, OrganisationService organisations, ReferenceDataService reference,
                   EventService events, CurrentUser currentUser, Clock clock, ApplicationEventPublisher notices) {
        this.openings = openings;
        this.organisations = organisations;
        this.reference = reference;
        this.events = events;
        this.currentUser = currentUser;
        this.clock = clock;
        this.notices = notices;
    }

    // --- public side -------------------------------------------------------------------------------------------

    /** A published or closed opening, for its public page; anything else is "not found" to the public. */
    @Transactional(readOnly = true)
    public Optional<Opening> findPublic(Long id) {
        return id == null ? Optional.empty() : openings.findById(id).filter(Opening::isPublic);
    }

    /**
     * Openings taking offers, for the public board: dated ones soonest first (a one-date opening by its day, an
     * event-linked one by its event's next date), then ongoing ones, newest first. Past days are left out.
     */
    @Transactional(readOnly = true)
    public List<Opening> publicOpenings(OpeningFilter filter, int offset, int limit) {
        OpeningFilter f = filter == null ? OpeningFilter.none() : filter;
        return openings.publicBoard(PostStatus.PUBLISHED, schedules(f), OpeningSchedule.ONE_DATE,
                OpeningSchedule.EVENT, OpeningSchedule.ONGOING, today(), now(), EventStatus.PUBLISHED,
                f.districtId(), f.suitableFor() == null, types(f), OffsetPage.of(offset, limit, Sort.unsorted()));
    }

    @Transactional(readOnly = true)
    public long publicCount(OpeningFilter filter) {
        OpeningFilter f = filter == null ? OpeningFilter.none() : filter;
        return openings.countPublicBoard(PostStatus.PUBLISHED, schedules(f), OpeningSchedule.ONE_DATE,
                OpeningSchedule.EVENT, today(), now(), EventStatus.PUBLISHED, f.districtId(),
                f.suitableFor() == null, types(f));
    }

    private static Set<OpeningSchedule> schedules(OpeningFilter filter) {
        return switch (filter.timing()) {
            case ANY -> EnumSet.allOf(OpeningSchedule.class);
            case ONGOING -> EnumSet.of(OpeningSchedule.ONGOING);
            case DATED -> EnumSet.of(OpeningSchedule.ONE_DATE, OpeningSchedule.EVENT);
        };
    }

    /** An opening for anyone suits every kind of supporter. */
    private static Set<SupporterType> types(OpeningFilter filter) {
        return filter.suitableFor() == null ? EnumSet.allOf(SupporterType.class)
                : EnumSet.of(filter.suitableFor(), SupporterType.ANYONE);
    }

    /** Published openings linked to an event, for the event's page. */
    @Transactional(readOnly = true)
    public List<Opening> openingsForEvent(Long eventId) {
        if (eventId == null) {
            return List.of();
        }
        return openings.findByEventIdAndStatusOrderByPublishedAtDescIdDesc(eventId, PostStatus.PUBLISHED,
                OffsetPage.of(0, 20, Sort.unsorted()));
    }

    // --- members and coordinators ------------------------------------------------------------------------------

    /** A member's own organisation's openings, or every opening for a coordinator, last changed first. */
    @Transactional(readOnly = true)
    @PermitAll
    public List<Opening> myOpenings(Collection<PostStatus> statuses, int offset, int limit) {
        return openings.findAll(mine(statuses), OffsetPage.of(offset, limit,
                Sort.by(Sort.Direction.DESC, "updatedAt").and(Sort.by(Sort.Direction.DESC, "id")))).getContent();
    }

    @Transactional(readOnly = true)
    @PermitAll
    public long myOpeningsCount(Collection<PostStatus> statuses) {
        return openings.count(mine(statuses));
    }

    /** An opening its organisation or the office may act on, whatever its state. */
    @Transactional(readOnly = true)
    @PermitAll
    public Opening get(Long id) {
        return loadOwned(id);
    }

    @Transactional(readOnly = true)
    @PermitAll
    public OpeningDraft loadForEdit(Long id) {
        return OpeningDraft.of(loadOwned(id));
    }

    /**
     * The events an opening may be linked to: published events of the caller's organisation (for the office, of
     * every organisation) that still have dates ahead, in the order of the event list.
     */
    @Transactional(readOnly = true)
    @PermitAll
    public List<Event> eventChoices() {
        currentUser.require();
        LocalDateTime now = now();
        return events.myEvents(Set.of(EventStatus.PUBLISHED), 0, EVENT_CHOICES_MAX).stream()
                .filter(event -> event.isSeries() ? !events.nextDates(event.getId(), 1).isEmpty()
                        : event.getEndsAt().isAfter(now))
                .toList();
    }

    /**
     * Creates or updates an opening. A member's new opening belongs to their organisation; a coordinator names
     * the organisation. A member's change to a published opening goes back to moderation unless the organisation
     * is trusted.
     */
    @Transactional
    @PermitAll
    public Opening save(OpeningDraft draft) {
        AppUser user = currentUser.require();
        Opening opening = draft.getId() == null ? null : loadOwned(draft.getId());
        Organisation organisation;
        if (opening != null) {
            organisation = opening.getOrganisation();
        } else if (user.isCoordinator()) {
            organisation = organisations.find(draft.getOrganisation() == null ? null
                    : draft.getOrganisation().getId()).orElse(null);
        } else {
            organisation = organisations.find(user.organisationId()).orElse(null);
        }
        Problems problems = validate(draft, opening);
        problems.require(organisation != null, "organisation", "validation.required");
        if (draft.getSchedule() == OpeningSchedule.EVENT && draft.getEventId() != null && organisation != null) {
            problems.require(isEventOf(draft.getEventId(), organisation), "eventId",
                    "volunteer.opening.validation.event-unknown");
        }
        District district = null;
        if (draft.getDistrict() != null) {
            district = reference.findDistrict(draft.getDistrict().getId()).orElse(null);
            problems.require(district != null, "district", "volunteer.opening.validation.district-unknown");
        }
        if (opening != null) {
            opening.checkVersion(draft.getVersion());
            problems.require(EDITABLE.contains(opening.getStatus()), "status",
                    "volunteer.opening.validation.not-editable");
        }
        problems.throwIfAny();
        draft.setDistrict(district);
        if (opening == null) {
            opening = new Opening(organisation, clock.instant());
            opening.apply(draft, clock.instant());
            return openings.saveAndFlush(opening);
        }
        opening.apply(draft, clock.instant());
        opening.backToModerationAfterChangeBy(user, clock.instant());
        return openings.saveAndFlush(opening);
    }

    /** Sends a draft or sent-back opening for publication; a trusted organisation's opening is published at once. */
    @Transactional
    @PermitAll
    public Opening submit(Long id, long version) {
        Opening opening = loadOwned(id);
        opening.checkVersion(version);
        if (opening.getSchedule() == OpeningSchedule.ONE_DATE && opening.getOnDate() != null) {
            new Problems().require(!opening.getOnDate().isBefore(today()), "onDate",
                    "volunteer.opening.validation.date-past").throwIfAny();
        }
        opening.submit(clock.instant());
        if (opening.getStatus() == PostStatus.PUBLISHED) {
            notices.publishEvent(ModerationNotice.published(ModerationNotice.Subject.OPENING, opening.getId(),
                    opening.getRole(), currentUser.require().accountId(), opening.getOrganisation().getId()));
        }
        return openings.saveAndFlush(opening);
    }

    /** Takes an opening off the public side, whatever stage it reached. */
    @Transactional
    @PermitAll
    public Opening withdraw(Long id, long version) {
        Opening opening = loadOwned(id);
        opening.checkVersion(version);
        opening.requireStatus(WITHDRAWABLE);
        opening.changeStatus(PostStatus.WITHDRAWN, null, clock.instant());
        return openings.saveAndFlush(opening);
    }

    /** Ends recruiting (募集終了): the opening leaves the board, its page stays and says so. */
    @Transactional
    @PermitAll
    public Opening close(Long id, long version) {
        Opening opening = loadOwned(id);
        opening.checkVersion(version);
        opening.requireStatus(Set.of(PostStatus.PUBLISHED));
        opening.changeStatus(PostStatus.CLOSED, null, clock.instant());
        return openings.saveAndFlush(opening);
    }

    // --- coordinators ------------------------------------------------------------------------------------------

    /** Submissions waiting for the office, oldest first. */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.COORDINATOR)
    public List<Opening> moderationQueue(int offset, int limit) {
        requireCoordinator();
        return openings.findByStatusOrderBySubmittedAtAscIdAsc(PostStatus.SUBMITTED,
                OffsetPage.of(offset, limit, Sort.unsorted()));
    }

    @Transactional(readOnly = true)
    @RolesAllowed(Roles.COORDINATOR)
    public long moderationCount() {
        requireCoordinator();
        return openings.countByStatus(PostStatus.SUBMITTED);
    }

    @Transactional
    @RolesAllowed(Roles.COORDINATOR)
    public Opening publish(Long id, long version) {
        requireCoordinator();
        Opening opening = load(id);
        opening.checkVersion(version);
        opening.publish(clock.instant());
        // Who submitted an opening is not recorded: its organisation's members hear.
        notices.publishEvent(ModerationNotice.published(ModerationNotice.Subject.OPENING, opening.getId(),
                opening.getRole(), null, opening.getOrganisation().getId()));
        return openings.saveAndFlush(opening);
    }

    @Transactional
    @RolesAllowed(Roles.COORDINATOR)
    public Opening sendBack(Long id, long version, String reason) {
        requireCoordinator();
        Opening opening = load(id);
        opening.checkVersion(version);
        opening.sendBack(reason, clock.instant());
        notices.publishEvent(ModerationNotice.sentBack(ModerationNotice.Subject.OPENING, opening.getId(),
                opening.getRole(), opening.getStatusReason(), null, opening.getOrganisation().getId()));
        return openings.saveAndFlush(opening);
    }

    // --- internals ---------------------------------------------------------------------------------------------

    /** Normalises the draft's texts in place and collects every broken rule. */
    private Problems validate(OpeningDraft draft, Opening stored) {
        draft.setRole(TextRules.normalise(draft.getRole()));
        draft.setDescription(TextRules.normalise(draft.getDescription()));
        draft.setPlace(TextRules.normalise(draft.getPlace()));
        draft.setTraining(TextRules.normalise(draft.getTraining()));
        draft.setContactPerson(TextRules.normalise(draft.getContactPerson()));
        Problems problems = new Problems()
                .text("role", draft.getRole(), true, Opening.ROLE_MAX, false)
                .text("description", draft.getDescription(), false, Opening.DESCRIPTION_MAX, true)
                .text("place", draft.getPlace(), false, Opening.PLACE_MAX, false)
                .text("training", draft.getTraining(), false, Opening.TRAINING_MAX, false)
                .text("contactPerson", draft.getContactPerson(), true, Opening.CONTACT_PERSON_MAX, false)
                .require(draft.getSchedule() != null, "schedule", "validation.required")
                .require(!draft.getSuitableFor().isEmpty(), "suitableFor",
                        "volunteer.opening.validation.suitable-required");
        Integer people = draft.getPeopleNeeded();
        if (people == null) {
            problems.add("peopleNeeded", "validation.required");
        } else {
            problems.require(people >= 1 && people <= Opening.PEOPLE_MAX, "peopleNeeded",
                    "volunteer.opening.validation.people-range");
        }
        Integer age = draft.getMinimumAge();
        problems.require(age == null || (age >= MINIMUM_AGE_MIN && age <= MINIMUM_AGE_MAX), "minimumAge",
                "volunteer.opening.validation.age-range");
        if (draft.getSchedule() == OpeningSchedule.ONE_DATE) {
            String dateProblem = checkDate(draft.getOnDate(), stored == null ? null : stored.getOnDate(), today());
            if (dateProblem != null) {
                problems.add("onDate", dateProblem);
            }
            String endProblem = checkEnd(draft.getStartTime(), draft.getEndTime());
            if (endProblem != null) {
                problems.add("endTime", endProblem);
            }
        } else if (draft.getSchedule() == OpeningSchedule.EVENT) {
            problems.require(draft.getEventId() != null, "eventId", "validation.required");
        }
        return problems;
    }

    /**
     * Translation key of the problem with an opening's day, or {@code null}. A day already stored may have passed
     * (the opening is being tidied up afterwards); a new or changed day may not.
     */
    public static String checkDate(LocalDate date, LocalDate stored, LocalDate today) {
        if (date == null) {
            return "validation.required";
        }
        if (date.isBefore(today) && !date.equals(stored)) {
            return "volunteer.opening.validation.date-past";
        }
        if (date.isAfter(today.plusYears(2))) {
            return "volunteer.opening.validation.date-far";
        }
        return null;
    }

    /** Translation key of the problem with the end time relative to the start, or {@code null}. */
    public static String checkEnd(LocalTime start, LocalTime end) {
        return start != null && end != null && !end.isAfter(start)
                ? "volunteer.opening.validation.end-before-start" : null;
    }

    /** Whether the event exists and belongs to the organisation; another organisation's event is never linked. */
    private boolean isEventOf(Long eventId, Organisation organisation) {
        try {
            Event event = events.get(eventId);
            return Objects.equals(event.getOrganisation().getId(), organisation.getId())
                    && event.getStatus() != EventStatus.WITHDRAWN;
        } catch (NotFoundException | AccessDeniedException e) {
            return false;
        }
    }

    private Specification<Opening> mine(Collection<PostStatus> statuses) {
        AppUser user = currentUser.require();
        Specification<Opening> spec = user.isCoordinator() ? Specification.unrestricted()
                : (root, query, cb) -> cb.equal(root.get("organisation").get("id"), user.organisationId());
        if (statuses != null && !statuses.isEmpty()) {
            spec = spec.and((root, query, cb) -> root.get("status").in(statuses));
        }
        return spec;
    }

    private Opening load(Long id) {
        return openings.findById(id == null ? -1 : id).orElseThrow(() -> new NotFoundException("No opening " + id));
    }

    /** Loads an opening the caller may act on as its organisation or as the office; refuses everyone else. */
    private Opening loadOwned(Long id) {
        Opening opening = load(id);
        opening.requireAccess(currentUser.require());
        return opening;
    }

    private void requireCoordinator() {
        if (!currentUser.require().isCoordinator()) {
            throw new AccessDeniedException("Only the office moderates openings");
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
