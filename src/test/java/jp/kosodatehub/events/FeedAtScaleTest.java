package jp.kosodatehub.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import jp.kosodatehub.RestoreSecurityContextStrategy;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.reference.EventKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The feed pages in the database even with 20,000 stored dates: pages have their size, deep pages still work. */
@ExtendWith(RestoreSecurityContextStrategy.class)
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:scale;DB_CLOSE_DELAY=-1")
class FeedAtScaleTest {

    @Autowired
    EventService events;

    @Autowired
    TestFixtures fixtures;

    @Test
    void twentyThousandDatesStayPaged() {
        EventKind kind = fixtures.kind("ひろば");
        String member = fixtures.member(fixtures.organisation("scale", true));
        LocalDate first = LocalDate.now().plusDays(1);
        // Eleven daily series of almost five years each: just over 20,000 dates.
        for (int i = 0; i < 11; i++) {
            EventDraft draft = TestFixtures.draft(kind, "daily " + i);
            draft.setStartsAt(first.atTime(9 + i % 8, 0));
            draft.setEndsAt(first.atTime(9 + i % 8, 30));
            draft.setSkipHolidays(false);
            draft.setRecurrence(new Recurrence(Recurrence.Pattern.WEEKLY, 1, EnumSet.allOf(DayOfWeek.class), 0, 0,
                    first.plusYears(5).minusDays(2), null));
            Event saved = fixtures.as(member, () -> events.save(draft));
            fixtures.as(member, () -> events.submit(saved.getId(), saved.getVersion()));
        }

        long total = events.feedCount(EventFilter.none());
        List<EventOccurrence> firstPage = events.feed(EventFilter.none(), 0, 20);
        List<EventOccurrence> deepPage = events.feed(EventFilter.none(), (int) total - 20, 20);

        assertThat(total).isGreaterThanOrEqualTo(20_000);
        assertThat(firstPage).hasSize(20).isSortedAccordingTo(
                java.util.Comparator.comparing(EventOccurrence::getStartsAt));
        assertThat(firstPage.get(0).getStartsAt().toLocalDate()).isEqualTo(first);
        assertThat(deepPage).hasSize(20);
        assertThat(deepPage.get(19).getStartsAt().toLocalDate()).isAfter(first.plusYears(4));
        assertThat(events.feed(EventFilter.none().withDates(first.plusYears(2), first.plusYears(2)), 0, 50))
                .hasSize(11);
    }
}
