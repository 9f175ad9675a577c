package jp.kosodatehub.events;

import java.util.List;
import org.springframework.data.jpa.domain.Specification;

/**
 * One page of dates with what a card shows of their events, in one statement and without the count query that
 * Spring's {@code Page} runs on every call: the feed shows its own count once, and each "show more" only needs
 * the rows.
 */
interface OccurrencePages {

    /**
     * Public dates matching the specification (which must keep to public dates, as
     * {@link EventSpecifications#publicFeed} does), soonest first (ties by id), from {@code offset}, at most
     * {@code limit}.
     */
    List<EventOccurrence> pageWithEvents(Specification<EventOccurrence> where, int offset, int limit);
}
