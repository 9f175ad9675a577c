package jp.kosodatehub.events;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import java.util.EnumSet;
import java.util.List;
import jp.kosodatehub.RestoreSecurityContextStrategy;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.reference.District;
import jp.kosodatehub.reference.EventKind;
import jp.kosodatehub.reference.ReferenceDataService;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * No N+1 on the feed: a page of dates, with everything its cards show, costs the same few SQL statements however
 * many dates, events and organisations it holds (the benchmark measures the time; this keeps the count).
 */
@ExtendWith(RestoreSecurityContextStrategy.class)
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:statements;DB_CLOSE_DELAY=-1",
    "spring.jpa.properties.hibernate.generate_statistics=true",
    "logging.level.org.hibernate.engine.internal.StatisticalLoggingSessionEventListener=WARN"})
class FeedStatementsTest {

    /** The count shown above the feed, the page with its events, and one batch each for age bands and groups. */
    private static final long MOST_STATEMENTS_PER_PAGE = 5;

    @Autowired
    EventService events;

    @Autowired
    ReferenceDataService reference;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    Statistics statistics;

    @BeforeEach
    void manyOrganisationsWithEventsInManyDistricts() {
        statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        if (events.feedCount(EventFilter.none()) >= 60) {
            return;
        }
        EventKind kind = fixtures.kind("数える");
        for (int i = 0; i < 12; i++) {
            District district = fixtures.district("地区" + i);
            Organisation organisation = fixtures.organisation("org" + i, true);
            String member = fixtures.member(organisation);
            for (int j = 0; j < 5; j++) {
                EventDraft draft = TestFixtures.draft(kind, TestFixtures.unique("ひろば"));
                draft.setDistrict(district);
                draft.setStartsAt(draft.getStartsAt().plusDays(j).plusMinutes(i));
                draft.setEndsAt(draft.getEndsAt().plusDays(j).plusMinutes(i));
                draft.setAgeBands(EnumSet.of(AgeBand.AGE_0, AgeBand.AGE_1));
                draft.setTargetGroups(EnumSet.of(TargetGroup.values()[j % TargetGroup.values().length]));
                Event saved = fixtures.as(member, () -> events.save(draft));
                fixtures.as(member, () -> events.submit(saved.getId(), saved.getVersion()));
            }
        }
    }

    @Test
    void aFeedPageCostsTheSameFewStatementsWhateverItsSize() {
        long small = statementsForPage(5);
        long large = statementsForPage(60);

        assertThat(large).isEqualTo(small).isLessThanOrEqualTo(MOST_STATEMENTS_PER_PAGE);
    }

    @Test
    void theDistrictsAndKindsOfEveryFormAreReadFromTheDatabaseOnlyAfterAChange() {
        reference.activeDistricts();
        reference.activeKinds();
        statistics.clear();

        List<District> districts = reference.activeDistricts();
        List<EventKind> kinds = reference.activeKinds();
        assertThat(statistics.getPrepareStatementCount()).isZero();
        assertThat(reference.activeDistricts()).isSameAs(districts);

        District added = fixtures.district("新しい地区");
        assertThat(reference.activeDistricts()).isNotSameAs(districts).contains(added);
        assertThat(reference.activeKinds()).isSameAs(kinds);
    }

    private long statementsForPage(int size) {
        statistics.clear();
        events.feedCount(EventFilter.none());
        List<EventOccurrence> page = events.feed(EventFilter.none(), 0, size);
        for (EventOccurrence date : page) {
            Event event = date.getEvent();
            // What a card shows.
            assertThat(event.getTitle() + event.getVenueName() + event.getOrganisation().getName()
                    + event.getKind().getNameJa() + event.getDistrict().getNameJa() + event.getAgeBands()
                    + event.getTargetGroups() + event.isFree() + event.isBookingRequired()).isNotBlank();
        }
        assertThat(page).hasSize(size);
        return statistics.getPrepareStatementCount();
    }
}
