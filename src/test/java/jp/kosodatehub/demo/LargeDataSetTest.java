package jp.kosodatehub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.kosodatehub.RestoreSecurityContextStrategy;
import jp.kosodatehub.events.EventFilter;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.events.EventStatus;
import jp.kosodatehub.goals.GoalService;
import jp.kosodatehub.organisations.OrganisationService;
import jp.kosodatehub.reference.ReferenceDataService;
import jp.kosodatehub.security.AccountService;
import jp.kosodatehub.security.SystemAccess;
import jp.kosodatehub.volunteers.Applicant;
import jp.kosodatehub.volunteers.ApplicantService;
import jp.kosodatehub.volunteers.ApplicantStatus;
import jp.kosodatehub.volunteers.OfferService;
import jp.kosodatehub.volunteers.OpeningService;
import jp.kosodatehub.volunteers.PipelineFilter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The large data set at a small scale, on a database of its own and without the {@code large} profile: the
 * generator is made here from the same services the application would give it.
 */
@ExtendWith(RestoreSecurityContextStrategy.class)
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:large;DB_CLOSE_DELAY=-1")
class LargeDataSetTest {

    private static final LargeDataSet.Scale SMALL = new LargeDataSet.Scale(6, 10, 4, 120);

    private static LargeDataSet.Summary first;

    @Autowired
    ReferenceDataService reference;

    @Autowired
    OrganisationService organisations;

    @Autowired
    AccountService accounts;

    @Autowired
    EventService events;

    @Autowired
    GoalService goals;

    @Autowired
    OpeningService openings;

    @Autowired
    OfferService offers;

    @Autowired
    ApplicantService applicants;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    private LargeDataSet generator() {
        return new LargeDataSet(reference, organisations, accounts, events, goals, openings, offers, applicants,
                jdbc, clock);
    }

    @BeforeEach
    void generateOnce() {
        if (first == null) {
            first = generator().generate(SMALL);
        }
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    @Test
    void makesThePromisedShapes() {
        assertThat(first.skipped()).isFalse();
        assertThat(first.organisations()).isEqualTo(6);
        // At least a fortnightly series over five years per organisation, plus monthly ones and single events.
        assertThat(first.occurrences()).isGreaterThanOrEqualTo(6 * 200);
        assertThat(first.offers()).isEqualTo(120);
        assertThat(first.openings()).isGreaterThanOrEqualTo(6 * 3);
        assertThat(first.indicators()).isEqualTo(40);
        assertThat(count("select count(distinct indicator_id) from goal_indicator_result")).isEqualTo(36);
        assertThat(count("select count(*) from goal_indicator where computed_source is not null")).isEqualTo(4);
        assertThat(count("select count(*) from account where role = 'MEMBER'")).isEqualTo(6);
    }

    @Test
    void aSecondRunDoesNothing() {
        LargeDataSet.Summary second = generator().generate(SMALL);

        assertThat(second.skipped()).isTrue();
        assertThat(count("select count(*) from organisation")).isEqualTo(6);
        assertThat(count("select count(*) from volunteer_applicant")).isEqualTo(120);
    }

    @Test
    void eventsSpanFiveYearsInEveryStateAndThePublicSeesThem() {
        assertThat(count("select count(distinct status) from event")).isEqualTo(EventStatus.values().length);
        assertThat(count("select count(*) from event where recurrence_rule like 'FREQ=WEEKLY%'")).isPositive();
        assertThat(count("select count(*) from event where recurrence_rule like 'FREQ=MONTHLY%'")).isPositive();
        assertThat(count("select count(*) from occurrence_change")).isPositive();
        long years = count("select datediff('DAY', min(starts_at), max(starts_at)) from event_occurrence") / 365;
        assertThat(years).isGreaterThanOrEqualTo(4);
        assertThat(events.feedCount(EventFilter.none())).isPositive();
    }

    @Test
    void everySeriesFallsOnTheDaysItsTitleStates() {
        Map<Long, String> titles = new HashMap<>();
        Map<Long, List<LocalDate>> dates = new HashMap<>();
        jdbc.query("select e.id, e.title, o.original_start from event e join event_occurrence o on o.event_id = e.id"
                + " where e.recurrence_rule is not null order by o.original_start", row -> {
                    long id = row.getLong(1);
                    titles.put(id, row.getString(2));
                    dates.computeIfAbsent(id, key -> new ArrayList<>())
                            .add(row.getTimestamp(3).toLocalDateTime().toLocalDate());
                });
        int checked = 0;

        for (Map.Entry<Long, String> series : titles.entrySet()) {
            Optional<StatedRule> stated = StatedRule.of(series.getValue());
            if (stated.isPresent()) {
                assertThat(stated.get().problems(dates.get(series.getKey()))).as(series.getValue()).isEmpty();
                checked++;
            }
        }

        assertThat(checked).as("series whose title names its days").isGreaterThanOrEqualTo(6);
    }

    @Test
    void offersLieInThePastAndWentThroughThePipeline() {
        List<Applicant> all = SystemAccess.runAsSystem(() -> applicants.applicants(
                new PipelineFilter(null, Set.of(), false), 0, 200));

        assertThat(all).hasSize(120);
        assertThat(all).extracting(Applicant::getStatus).contains(ApplicantStatus.NEW, ApplicantStatus.ACTIVE,
                ApplicantStatus.FINISHED, ApplicantStatus.DECLINED);
        assertThat(all).allSatisfy(applicant -> assertThat(applicant.getCreatedAt()).isBefore(Instant.now()));
        assertThat(all).filteredOn(applicant -> applicant.getAgeBand().isMinor())
                .allSatisfy(applicant -> assertThat(applicant.isGuardianConsent()).isTrue());
        assertThat(all).anySatisfy(applicant -> assertThat(applicant.isDuplicate()).isTrue());
        assertThat(count("select count(*) from volunteer_activity")).isPositive();
        assertThat(count("select count(*) from volunteer_activity a join volunteer_applicant p"
                + " on p.id = a.applicant_id where a.activity_date < cast(p.created_at as date) - 1")).isZero();
    }
}
