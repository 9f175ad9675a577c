package jp.kosodatehub.events;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.data.jpa.domain.Specification;

final class EventSpecifications {

    private EventSpecifications() {
    }

    /**
     * Dates of published or cancelled events that have not ended yet, narrowed by the visitor's filter.
     * The date's own copy of its event's public status, and a start no earlier than the longest possible date
     * before {@code now}, let the database read the soonest dates straight from its (public, start) index instead
     * of joining and sorting every stored date.
     */
    static Specification<EventOccurrence> publicFeed(EventFilter filter, LocalDateTime now) {
        return (root, query, cb) -> {
            Path<Event> event = root.get("event");
            List<Predicate> where = new ArrayList<>(eventLevel(filter, event, cb));
            where.add(cb.isTrue(root.get("eventPublic")));
            where.add(cb.greaterThan(root.get("startsAt"), now.minusDays(EventLimits.DURATION_MAX_DAYS + 1)));
            where.add(cb.greaterThanOrEqualTo(root.get("endsAt"), now));
            if (filter.weekendOrHoliday()) {
                where.add(cb.isTrue(root.get("weekendOrHoliday")));
            }
            if (filter.evening()) {
                where.add(cb.greaterThanOrEqualTo(root.get("startMinute"), EventFilter.EVENING_MINUTE));
            }
            // A date counts for a range when any part of it falls inside the range.
            if (filter.from() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("endsAt"), filter.from().atStartOfDay()));
            }
            if (filter.to() != null) {
                where.add(cb.lessThan(root.get("startsAt"), filter.to().plusDays(1).atStartOfDay()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    /**
     * Dates that take place as announced: of published events (not cancelled ones), not cancelled on their own,
     * starting within the filter's dates, whether past or still ahead.
     */
    static Specification<EventOccurrence> publicDatesHeld(EventFilter filter) {
        return (root, query, cb) -> {
            Path<Event> event = root.get("event");
            List<Predicate> where = new ArrayList<>(eventLevel(filter, event, cb));
            where.add(cb.equal(event.get("status"), EventStatus.PUBLISHED));
            where.add(cb.isFalse(root.get("cancelled")));
            if (filter.weekendOrHoliday()) {
                where.add(cb.isTrue(root.get("weekendOrHoliday")));
            }
            if (filter.evening()) {
                where.add(cb.greaterThanOrEqualTo(root.get("startMinute"), EventFilter.EVENING_MINUTE));
            }
            if (filter.from() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("startsAt"), filter.from().atStartOfDay()));
            }
            if (filter.to() != null) {
                where.add(cb.lessThan(root.get("startsAt"), filter.to().plusDays(1).atStartOfDay()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    /** Public events matching the parts of the filter that concern the whole event, not a single date. */
    static Specification<Event> publicEvents(EventFilter filter) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>(eventLevel(filter, root, cb));
            where.add(root.get("status").in(EventStatus.PUBLIC));
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    /** The visitor's filter on what concerns the whole event; the caller says which statuses count. */
    private static List<Predicate> eventLevel(EventFilter filter, Path<Event> event, CriteriaBuilder cb) {
        List<Predicate> where = new ArrayList<>();
        if (filter.keyword() != null && !filter.keyword().isBlank()) {
            String pattern = "%" + escapeLike(filter.keyword().strip().toLowerCase(Locale.ROOT)) + "%";
            where.add(cb.or(
                    cb.like(cb.lower(event.get("title")), pattern, '\\'),
                    cb.like(cb.lower(event.get("description")), pattern, '\\'),
                    cb.like(cb.lower(event.get("venueName")), pattern, '\\'),
                    cb.like(cb.lower(event.get("organisation").get("name")), pattern, '\\')));
        }
        if (filter.kindId() != null) {
            where.add(cb.equal(event.get("kind").get("id"), filter.kindId()));
        }
        if (filter.districtId() != null) {
            where.add(cb.equal(event.get("district").get("id"), filter.districtId()));
        }
        if (filter.ageBand() != null) {
            where.add(cb.isMember(filter.ageBand(), event.get("ageBands")));
        }
        if (filter.targetGroup() != null) {
            where.add(cb.isMember(filter.targetGroup(), event.get("targetGroups")));
        }
        for (Facility facility : filter.facilities()) {
            where.add(cb.isMember(facility, event.get("facilities")));
        }
        if (filter.freeOnly()) {
            where.add(cb.or(cb.isNull(event.get("feeYen")), cb.equal(event.get("feeYen"), 0)));
        }
        if (filter.noBooking()) {
            where.add(cb.isFalse(event.get("bookingRequired")));
        }
        return where;
    }

    /** Events with at least one stored date that has not ended by {@code now}. */
    static Specification<Event> withDatesAfter(LocalDateTime now) {
        return (root, query, cb) -> {
            var dates = query.subquery(Long.class);
            var date = dates.from(EventOccurrence.class);
            dates.select(date.get("id")).where(cb.equal(date.get("event"), root),
                    cb.greaterThanOrEqualTo(date.get("endsAt"), now));
            return cb.exists(dates);
        };
    }

    static Specification<Event> ofOrganisation(Long organisationId) {
        return (root, query, cb) -> cb.equal(root.get("organisation").get("id"), organisationId);
    }

    static Specification<Event> withStatusIn(Collection<EventStatus> statuses) {
        return (root, query, cb) -> root.get("status").in(statuses);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
