package jp.kosodatehub.events;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Fetch;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Root;
import java.util.List;
import jp.kosodatehub.base.OffsetPage;
import jp.kosodatehub.organisations.Organisation;
import org.springframework.data.jpa.domain.Specification;

class OccurrencePagesImpl implements OccurrencePages {

    @PersistenceContext
    private EntityManager entityManager;

    @Override
    public List<EventOccurrence> pageWithEvents(Specification<EventOccurrence> where, int offset, int limit) {
        OffsetPage page = OffsetPage.of(offset, limit, null);
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<EventOccurrence> query = cb.createQuery(EventOccurrence.class);
        Root<EventOccurrence> date = query.from(EventOccurrence.class);
        // Every to-one a card shows, fetched in the same statement; the event's small sets (age bands, target
        // groups) follow in one batched statement each.
        Fetch<EventOccurrence, Event> event = date.fetch("event");
        Fetch<Event, Organisation> organisation = event.fetch("organisation");
        organisation.fetch("district", JoinType.LEFT);
        event.fetch("kind");
        event.fetch("district", JoinType.LEFT);
        // Public dates only, so "public" first changes nothing in the order, but it makes the order that of the
        // (public, start, id) index: the database then reads the page in index order and stops after it, instead
        // of sorting every upcoming date (H2 uses an index for sorting only when the order starts with its columns).
        query.select(date).where(where.toPredicate(date, query, cb))
                .orderBy(cb.asc(date.get("eventPublic")), cb.asc(date.get("startsAt")), cb.asc(date.get("id")));
        return entityManager.createQuery(query).setFirstResult((int) page.offset()).setMaxResults(page.limit())
                .getResultList();
    }
}
