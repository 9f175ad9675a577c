package jp.kosodatehub.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import jp.kosodatehub.RestoreSecurityContextStrategy;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.reference.EventKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The feed pages in the database even with 20,000 stored dates: pages have their size, deep pages still work. */
@ExtendWith(RestoreSecurityContextStrategy.class)
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:scale;DB_CLOSE_DELAY=-1",
        "spring.jpa.properties.hibernate.session_factory.statement_inspector="
                + "jp.kosodatehub.events.RecordingStatementInspector"})
class FeedAtScaleTest {

    @Autowired
    EventService events;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    DataSource dataSource;

    @Test
    void twentyThousandDatesStayPaged() throws SQLException {
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

        // The first page is read in index order and the scan stops after it: the database looks at a few dozen
        // dates, not at the 20,000 (docs/performance.md: 151 ms → 23 ms on the large data set).
        RecordingStatementInspector.STATEMENTS.clear();
        events.feed(EventFilter.none(), 0, 20);
        String page = RecordingStatementInspector.STATEMENTS.stream()
                .filter(sql -> sql.contains("from event_occurrence") && sql.contains("fetch first")).findFirst()
                .orElseThrow();
        assertThat(page.chars().filter(c -> c == '?').count()).as("start, end, offset and limit: " + page)
                .isEqualTo(4);
        assertThat(plan(page, first.atStartOfDay())).contains("index sorted")
                .containsPattern("EVENT_OCCURRENCE_PUBLIC_START_IDX")
                .satisfies(plan -> assertThat(firstScanCount(plan)).as("dates the database looked at")
                        .isLessThan(100));
    }

    private String plan(String sql, LocalDateTime now) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement explain = connection.prepareStatement("EXPLAIN ANALYZE " + sql)) {
            explain.setObject(1, now.minusDays(EventLimits.DURATION_MAX_DAYS + 1));
            explain.setObject(2, now);
            explain.setInt(3, 0);
            explain.setInt(4, 20);
            try (ResultSet result = explain.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        }
    }

    private static long firstScanCount(String plan) {
        Matcher count = Pattern.compile("scanCount: (\\d+)").matcher(plan);
        assertThat(count.find()).as("a scan count in " + plan).isTrue();
        return Long.parseLong(count.group(1));
    }
}
