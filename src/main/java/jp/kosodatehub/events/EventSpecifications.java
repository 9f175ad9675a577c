package jp.kosodatehub.events;

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

    /** Published or cancelled events that have not ended yet, narrowed by the visitor's filter. */
    static Specification<Event> publicFeed(EventFilter filter, LocalDateTime now) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(root.get("status").in(EventStatus.PUBLIC));
            where.add(cb.greaterThanOrEqualTo(root.get("endsAt"), now));
            if (filter.keyword() != null && !filter.keyword().isBlank()) {
                String pattern = "%" + escapeLike(filter.keyword().strip().toLowerCase(Locale.ROOT)) + "%";
                where.add(cb.or(
                        cb.like(cb.lower(root.get("title")), pattern, '\\'),
                        cb.like(cb.lower(root.get("description")), pattern, '\\'),
                        cb.like(cb.lower(root.get("venueName")), pattern, '\\'),
                        cb.like(cb.lower(root.get("organisation").get("name")), pattern, '\\')));
            }
            if (filter.kindId() != null) {
                where.add(cb.equal(root.get("kind").get("id"), filter.kindId()));
            }
            if (filter.districtId() != null) {
                where.add(cb.equal(root.get("district").get("id"), filter.districtId()));
            }
            if (filter.ageBand() != null) {
                where.add(cb.isMember(filter.ageBand(), root.get("ageBands")));
            }
            // An event counts for a date range when any part of it falls inside the range.
            if (filter.from() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("endsAt"), filter.from().atStartOfDay()));
            }
            if (filter.to() != null) {
                where.add(cb.lessThan(root.get("startsAt"), filter.to().plusDays(1).atStartOfDay()));
            }
            return cb.and(where.toArray(Predicate[]::new));
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
