package jp.kosodatehub.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.organisations.OrganisationKind;
import jp.kosodatehub.reference.District;
import jp.kosodatehub.reference.EventKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The public feed's query against the real schema (Flyway's, as the slice runs the migrations). "Now" is fixed
 * far in the future, so events other tests may have stored have all ended and only this test's events match.
 */
@DataJpaTest
class EventRepositoryTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2041, 3, 14, 12, 0);
    private static final LocalDate TODAY = NOW.toLocalDate();
    private static final Pageable BY_START = PageRequest.of(0, 500, Sort.by("startsAt", "id"));

    @Autowired
    TestEntityManager entityManager;

    @Autowired
    EventRepository events;

    @Autowired
    EventOccurrenceRepository dates;

    District north;
    District south;
    EventKind salon;
    EventKind lecture;
    Organisation organisation;

    @BeforeEach
    void referenceData() {
        north = entityManager.persist(new District(TestFixtures.unique("north"), "北", "North", 1));
        south = entityManager.persist(new District(TestFixtures.unique("south"), "南", "South", 2));
        salon = entityManager.persist(new EventKind(TestFixtures.unique("salon"), "サロン", "Salon", 1));
        lecture = entityManager.persist(new EventKind(TestFixtures.unique("lecture"), "講座", "Lecture", 2));
        organisation = new Organisation(TestFixtures.unique("repo-org"), OrganisationKind.SALON, north);
        // The creation time is set by the service in production; its setter is not visible from here.
        ReflectionTestUtils.setField(organisation, "createdAt", Instant.now());
        organisation = entityManager.persist(organisation);
    }

    private Event event(String title, EventStatus status, LocalDateTime start, LocalDateTime end) {
        return event(title, status, start, end, EnumSet.of(AgeBand.AGE_1), north, salon);
    }

    private Event event(String title, EventStatus status, LocalDateTime start, LocalDateTime end,
                        Set<AgeBand> ages, District district, EventKind kind) {
        EventDraft draft = new EventDraft();
        draft.setTitle(title);
        draft.setKind(kind);
        draft.setStartsAt(start);
        draft.setEndsAt(end);
        draft.setVenueName("地区センター");
        draft.setDistrict(district);
        draft.setAgeBands(ages);
        Instant created = Instant.now();
        Event event = new Event(organisation, created);
        event.apply(draft, created);
        if (status != EventStatus.DRAFT) {
            event.changeStatus(status, status == EventStatus.CANCELLED ? "雨天中止" : null, created);
        }
        Event saved = entityManager.persistAndFlush(event);
        // The feed pages over dates; a single event has exactly one.
        entityManager.persistAndFlush(new EventOccurrence(saved,
                new OccurrencePlan.Entry(start, start, end, false, null, null)));
        return saved;
    }

    private Event published(String title, LocalDateTime start) {
        return event(title, EventStatus.PUBLISHED, start, start.plusHours(2));
    }

    private List<Event> feed(EventFilter filter) {
        entityManager.clear();
        return dates.findAll(EventSpecifications.publicFeed(filter, NOW), BY_START).getContent().stream()
                .map(EventOccurrence::getEvent).toList();
    }

    private static EventFilter keyword(String keyword) {
        return new EventFilter(keyword, null, null, null, null, null);
    }

    @Test
    void feedShowsOnlyPublishedAndCancelledEvents() {
        LocalDateTime tomorrow = NOW.plusDays(1);
        Event published = event("published", EventStatus.PUBLISHED, tomorrow, tomorrow.plusHours(1));
        Event cancelled = event("cancelled", EventStatus.CANCELLED, tomorrow, tomorrow.plusHours(1));
        for (EventStatus hidden : EnumSet.complementOf(EnumSet.copyOf(EventStatus.PUBLIC))) {
            event("hidden " + hidden, hidden, tomorrow, tomorrow.plusHours(1));
        }

        List<Event> feed = feed(EventFilter.none());

        assertThat(feed).extracting(Event::getId).containsExactlyInAnyOrder(published.getId(), cancelled.getId());
        assertThat(feed).extracting(Event::getStatus).allMatch(EventStatus.PUBLIC::contains);
    }

    @Test
    void feedLeavesOutEventsThatHaveEndedButKeepsOnesStillRunning() {
        Event ended = event("ended", EventStatus.PUBLISHED, NOW.minusHours(3), NOW.minusMinutes(1));
        Event running = event("running", EventStatus.PUBLISHED, NOW.minusHours(1), NOW.plusHours(1));
        Event endingNow = event("ending now", EventStatus.PUBLISHED, NOW.minusHours(1), NOW);
        Event later = published("later", NOW.plusDays(3));

        List<Event> feed = feed(EventFilter.none());

        assertThat(feed).extracting(Event::getId).contains(running.getId(), endingNow.getId(), later.getId())
                .doesNotContain(ended.getId());
        assertThat(feed).allSatisfy(event -> assertThat(event.getEndsAt()).isAfterOrEqualTo(NOW));
    }

    @Test
    void feedIsSortedByStart() {
        Event third = published("third", NOW.plusDays(9));
        Event first = published("first", NOW.plusDays(1));
        Event second = published("second", NOW.plusDays(4));

        List<Event> feed = feed(EventFilter.none());

        assertThat(feed).extracting(Event::getStartsAt).isSorted();
        assertThat(feed).extracting(Event::getId)
                .containsSubsequence(first.getId(), second.getId(), third.getId());
    }

    @Test
    void ageBandFilterFindsEventsForThatAgeAmongOthers() {
        Event babies = event("babies", EventStatus.PUBLISHED, NOW.plusDays(1), NOW.plusDays(1).plusHours(1),
                EnumSet.of(AgeBand.AGE_0, AgeBand.AGE_1), north, salon);
        Event schoolchildren = event("school", EventStatus.PUBLISHED, NOW.plusDays(1), NOW.plusDays(1).plusHours(1),
                EnumSet.of(AgeBand.ELEMENTARY), north, salon);
        Event everyone = event("everyone", EventStatus.PUBLISHED, NOW.plusDays(2), NOW.plusDays(2).plusHours(1),
                EnumSet.allOf(AgeBand.class), north, salon);

        List<Event> feed = feed(new EventFilter(null, null, AgeBand.AGE_0, null, null, null));

        assertThat(feed).extracting(Event::getId).contains(babies.getId(), everyone.getId())
                .doesNotContain(schoolchildren.getId());
        assertThat(feed).allSatisfy(event -> assertThat(event.getAgeBands()).contains(AgeBand.AGE_0));
        assertThat(feed).extracting(Event::getId).doesNotHaveDuplicates();
    }

    @Test
    void districtAndKindFiltersNarrowTheFeed() {
        Event northSalon = event("north salon", EventStatus.PUBLISHED, NOW.plusDays(1), NOW.plusDays(1).plusHours(1),
                EnumSet.of(AgeBand.AGE_1), north, salon);
        Event southSalon = event("south salon", EventStatus.PUBLISHED, NOW.plusDays(1), NOW.plusDays(1).plusHours(1),
                EnumSet.of(AgeBand.AGE_1), south, salon);
        Event southLecture = event("south lecture", EventStatus.PUBLISHED, NOW.plusDays(1),
                NOW.plusDays(1).plusHours(1), EnumSet.of(AgeBand.AGE_1), south, lecture);

        assertThat(feed(new EventFilter(null, null, null, south.getId(), null, null))).extracting(Event::getId)
                .containsExactlyInAnyOrder(southSalon.getId(), southLecture.getId());
        assertThat(feed(new EventFilter(null, lecture.getId(), null, null, null, null))).extracting(Event::getId)
                .containsExactly(southLecture.getId());
        assertThat(feed(new EventFilter(null, salon.getId(), null, south.getId(), null, null)))
                .extracting(Event::getId).containsExactly(southSalon.getId());
        assertThat(feed(new EventFilter(null, salon.getId(), null, north.getId(), null, null)))
                .extracting(Event::getId).containsExactly(northSalon.getId());
    }

    @Test
    void keywordMatchesTitleWhateverItsCase() {
        String word = TestFixtures.unique("Hiyoko");
        Event match = published("Salon " + word + " Morning", NOW.plusDays(1));
        Event other = published("Something else", NOW.plusDays(1));

        List<Event> feed = feed(keyword("  " + word.toLowerCase() + " "));

        assertThat(feed).extracting(Event::getId).containsExactly(match.getId()).doesNotContain(other.getId());
    }

    @Test
    void keywordMatchesTheOrganisationsName() {
        Event event = published("無題", NOW.plusDays(1));

        assertThat(feed(keyword(organisation.getName()))).extracting(Event::getId).contains(event.getId());
    }

    @Test
    void percentAndUnderscoreInAKeywordAreTakenLiterally() {
        Event percent = published("割引 100% 還元", NOW.plusDays(1));
        Event underscore = published("file_name", NOW.plusDays(1));
        Event plain = published("1000 人の集い", NOW.plusDays(1));
        Event lookalike = published("filexname", NOW.plusDays(1));

        assertThat(feed(keyword("100%"))).extracting(Event::getId).containsExactly(percent.getId());
        assertThat(feed(keyword("%"))).extracting(Event::getId).contains(percent.getId())
                .doesNotContain(plain.getId(), underscore.getId(), lookalike.getId());
        assertThat(feed(keyword("file_name"))).extracting(Event::getId).containsExactly(underscore.getId());
        assertThat(feed(keyword("_"))).extracting(Event::getId).contains(underscore.getId())
                .doesNotContain(plain.getId(), percent.getId(), lookalike.getId());
    }

    @Test
    void backslashInAKeywordIsTakenLiterally() {
        Event backslash = published("C:\\temp", NOW.plusDays(1));
        Event other = published("Ctemp", NOW.plusDays(1));

        assertThat(feed(keyword("c:\\t"))).extracting(Event::getId).containsExactly(backslash.getId())
                .doesNotContain(other.getId());
    }

    @Test
    void dateRangeCountsEveryEventOverlappingIt() {
        LocalDate day = TODAY.plusDays(10);
        Event before = published("day before", day.minusDays(1).atTime(10, 0));
        Event morning = published("morning", day.atTime(10, 0));
        Event overnight = event("overnight", EventStatus.PUBLISHED, day.minusDays(1).atTime(22, 0),
                day.atTime(2, 0));
        Event after = published("day after", day.plusDays(1).atTime(10, 0));

        assertThat(feed(new EventFilter(null, null, null, null, day, day))).extracting(Event::getId)
                .containsExactlyInAnyOrder(morning.getId(), overnight.getId());
    }

    @Test
    void eventRunningAcrossMidnightCountsOnBothDays() {
        LocalDate day = TODAY.plusDays(20);
        Event overnight = event("star gazing", EventStatus.PUBLISHED, day.atTime(21, 0),
                day.plusDays(1).atTime(1, 0));
        Event sameDay = published("same day", day.atTime(10, 0));

        assertThat(feed(new EventFilter(null, null, null, null, day, day))).extracting(Event::getId)
                .containsExactlyInAnyOrder(overnight.getId(), sameDay.getId());
        assertThat(feed(new EventFilter(null, null, null, null, day.plusDays(1), day.plusDays(1))))
                .extracting(Event::getId).containsExactly(overnight.getId());
        assertThat(feed(new EventFilter(null, null, null, null, day.plusDays(2), null))).extracting(Event::getId)
                .doesNotContain(overnight.getId(), sameDay.getId());
    }

    @Test
    void openEndedDateRangesWork() {
        LocalDate day = TODAY.plusDays(30);
        Event early = published("early", day.minusDays(5).atTime(10, 0));
        Event late = published("late", day.plusDays(5).atTime(10, 0));

        assertThat(feed(new EventFilter(null, null, null, null, day, null))).extracting(Event::getId)
                .contains(late.getId()).doesNotContain(early.getId());
        assertThat(feed(new EventFilter(null, null, null, null, null, day))).extracting(Event::getId)
                .contains(early.getId()).doesNotContain(late.getId());
    }

    @Test
    void pagingReturnsTheRequestedPageSize() {
        String word = TestFixtures.unique("paging");
        for (int i = 0; i < 5; i++) {
            published(word + " " + i, NOW.plusDays(1 + i));
        }
        entityManager.clear();

        Page<Event> first = dates.findAll(EventSpecifications.publicFeed(keyword(word), NOW),
                PageRequest.of(0, 2, Sort.by("startsAt", "id"))).map(EventOccurrence::getEvent);
        Page<Event> last = dates.findAll(EventSpecifications.publicFeed(keyword(word), NOW),
                PageRequest.of(2, 2, Sort.by("startsAt", "id"))).map(EventOccurrence::getEvent);

        assertThat(first.getContent()).hasSize(2);
        assertThat(first.getTotalElements()).isEqualTo(5);
        assertThat(first.getContent()).extracting(Event::getTitle).containsExactly(word + " 0", word + " 1");
        assertThat(last.getContent()).extracting(Event::getTitle).containsExactly(word + " 4");
    }

    @Test
    void pagingCountsEventsNotAgeBandRows() {
        // Eager age bands must not multiply rows: an event for six age bands is still one event on the page.
        String word = TestFixtures.unique("bands");
        for (int i = 0; i < 3; i++) {
            event(word + " " + i, EventStatus.PUBLISHED, NOW.plusDays(1 + i), NOW.plusDays(1 + i).plusHours(1),
                    EnumSet.allOf(AgeBand.class), north, salon);
        }
        entityManager.clear();

        Page<Event> page = dates.findAll(EventSpecifications.publicFeed(keyword(word), NOW),
                PageRequest.of(0, 2, Sort.by("startsAt", "id"))).map(EventOccurrence::getEvent);

        assertThat(page.getContent()).hasSize(2).extracting(Event::getId).doesNotHaveDuplicates();
        assertThat(page.getTotalElements()).isEqualTo(3);
        assertThat(page.getContent().getFirst().getAgeBands()).hasSize(AgeBand.values().length);
    }
}
