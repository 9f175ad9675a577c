package jp.kosodatehub;

import static jp.kosodatehub.TestFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumSet;
import jp.kosodatehub.events.AgeBand;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventDraft;
import jp.kosodatehub.events.EventFilter;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.events.Recurrence;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.reference.EventKind;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The same migrations and queries on PostgreSQL, when the server on this machine is reachable (it is in CI).
 * Uses its own schema in the database {@code test}, emptied first, so runs never see each other's data.
 */
@ExtendWith(RestoreSecurityContextStrategy.class)
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=kosodate_it",
    "spring.datasource.username=postgres",
    "spring.datasource.password=",
    "spring.flyway.schemas=kosodate_it",
    "spring.flyway.clean-disabled=false"})
class PostgresMigrationTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

    @TestConfiguration
    static class CleanFirst {
        @Bean
        FlywayMigrationStrategy cleanThenMigrate() {
            return flyway -> {
                flyway.clean();
                flyway.migrate();
            };
        }
    }

    @BeforeAll
    static void requirePostgres() {
        try (Connection connection = DriverManager.getConnection(URL, "postgres", "")) {
            Assumptions.assumeTrue(connection.isValid(2), "PostgreSQL at 127.0.0.1:5432 not answering: skipped");
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL at 127.0.0.1:5432 (database test) not reachable, skipped: "
                    + e.getMessage());
        }
    }

    @Autowired
    TestFixtures fixtures;

    @Autowired
    EventService events;

    @Test
    void migrationsValidateAndTheFeedQueryRunsOnPostgres() {
        EventKind kind = fixtures.kind("サロン");
        Organisation organisation = fixtures.organisation("pg", true);
        String member = fixtures.member(organisation);
        EventDraft draft = draft(kind, "100% たのしい_サロン");
        draft.setAgeBands(EnumSet.of(AgeBand.AGE_2, AgeBand.PRENATAL));
        draft.setStartsAt(LocalDate.now().plusDays(3).atTime(10, 0));
        draft.setEndsAt(LocalDate.now().plusDays(3).atTime(12, 0));
        Event saved = fixtures.as(member, () -> events.save(draft));
        fixtures.as(member, () -> events.submit(saved.getId(), saved.getVersion()));

        EventFilter filter = new EventFilter("100%", kind.getId(), AgeBand.AGE_2, null,
                LocalDate.now().plusDays(3), LocalDate.now().plusDays(3));

        assertThat(events.feed(filter, 0, 10)).extracting(date -> date.getEvent().getTitle())
                .containsExactly("100% たのしい_サロン");
        assertThat(events.feedCount(filter)).isOne();
        // A series stores its dates on PostgreSQL too (sequence ids, batched inserts).
        EventDraft series = draft(kind, "pg series");
        series.setStartsAt(LocalDate.now().plusDays(2).atTime(10, 0));
        series.setEndsAt(LocalDate.now().plusDays(2).atTime(11, 0));
        series.setSkipHolidays(false);
        series.setRecurrence(new Recurrence(Recurrence.Pattern.WEEKLY, 1,
                EnumSet.of(LocalDate.now().plusDays(2).getDayOfWeek()), 0, 0, LocalDate.now().plusDays(2).plusWeeks(3),
                null));
        Event savedSeries = fixtures.as(member, () -> events.save(series));
        fixtures.as(member, () -> events.submit(savedSeries.getId(), savedSeries.getVersion()));
        assertThat(events.feedCount(new EventFilter("pg series", null, null, null, null, null))).isEqualTo(4);

        // "_" is a LIKE wildcard; typed by a visitor it must only match itself.
        assertThat(events.feed(new EventFilter("1_0", kind.getId(), AgeBand.AGE_2, null, null, null), 0, 10))
                .isEmpty();
    }
}
