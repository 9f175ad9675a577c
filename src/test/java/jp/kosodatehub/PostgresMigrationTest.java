package jp.kosodatehub;

import static jp.kosodatehub.TestFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import jp.kosodatehub.events.AgeBand;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventDraft;
import jp.kosodatehub.events.EventFilter;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.events.MonthCount;
import jp.kosodatehub.events.Recurrence;
import jp.kosodatehub.goals.ComputedDefinition;
import jp.kosodatehub.goals.Direction;
import jp.kosodatehub.goals.FiscalYear;
import jp.kosodatehub.goals.GoalForms;
import jp.kosodatehub.goals.GoalService;
import jp.kosodatehub.goals.Indicator;
import jp.kosodatehub.goals.IndicatorForm;
import jp.kosodatehub.goals.IndicatorKind;
import jp.kosodatehub.goals.IndicatorResult;
import jp.kosodatehub.goals.Initiative;
import jp.kosodatehub.goals.Pillar;
import jp.kosodatehub.goals.Plan;
import jp.kosodatehub.goals.UpdateFrequency;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.reference.EventKind;
import jp.kosodatehub.volunteers.Applicant;
import jp.kosodatehub.volunteers.ApplicantService;
import jp.kosodatehub.volunteers.ApplicantStatus;
import jp.kosodatehub.volunteers.HelpOffer;
import jp.kosodatehub.volunteers.OfferService;
import jp.kosodatehub.volunteers.Opening;
import jp.kosodatehub.volunteers.OpeningDraft;
import jp.kosodatehub.volunteers.OpeningFilter;
import jp.kosodatehub.volunteers.OpeningService;
import jp.kosodatehub.volunteers.PipelineFilter;
import jp.kosodatehub.volunteers.Story;
import jp.kosodatehub.volunteers.StoryDraft;
import jp.kosodatehub.volunteers.StoryService;
import jp.kosodatehub.volunteers.SupporterType;
import jp.kosodatehub.volunteers.VolunteerAgeBand;
import jp.kosodatehub.volunteers.VolunteerFixtures;
import jp.kosodatehub.volunteers.VolunteerStatistics;
import jp.kosodatehub.volunteers.VolunteerTotals;
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

    @Autowired
    GoalService goals;

    @Test
    void goalsStoreResultsCorrectionsAndComputedCountsOnPostgres() {
        String coordinator = fixtures.coordinator();
        EventKind kind = fixtures.kind("週末イベント");
        String member = fixtures.member(fixtures.organisation("pg-goals", true));
        LocalDate saturday = LocalDate.now().plusDays(2).with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        EventDraft weekend = draft(kind, "pg weekend");
        weekend.setStartsAt(saturday.atTime(10, 0));
        weekend.setEndsAt(saturday.atTime(12, 0));
        Event saved = fixtures.as(member, () -> events.save(weekend));
        fixtures.as(member, () -> events.submit(saved.getId(), saved.getVersion()));
        Plan plan = fixtures.as(coordinator, () -> goals.savePlan(new GoalForms.PlanForm(null, 0, "pg plan", 2026,
                2030)));
        Pillar pillar = fixtures.as(coordinator, () -> goals.savePillar(new GoalForms.PillarForm(null, 0,
                plan.getId(), 1, "柱")));
        Initiative initiative = fixtures.as(coordinator, () -> goals.saveInitiative(new GoalForms.InitiativeForm(
                null, 0, pillar.getId(), 1, "取組")));
        Indicator percent = fixtures.as(coordinator, () -> goals.saveIndicator(new IndicatorForm(null, 0,
                initiative.getId(), "割合", "%", IndicatorKind.PERCENT, Direction.DECREASE, new BigDecimal("8.8"),
                LocalDate.of(2025, 3, 31), new BigDecimal("5.0"), 2030, null, "区役所", UpdateFrequency.YEARLY,
                List.of(), null)));
        Indicator computed = fixtures.as(coordinator, () -> goals.saveIndicator(new IndicatorForm(null, 0,
                initiative.getId(), "週末の開催数", "回", IndicatorKind.COUNT, Direction.INCREASE, BigDecimal.ZERO,
                LocalDate.now(), BigDecimal.TEN, 2030, null, "とことこ", UpdateFrequency.YEARLY, List.of(),
                ComputedDefinition.eventDates(kind.getCode(), null, true, null))));

        IndicatorResult first = fixtures.as(coordinator, () -> goals.recordResult(new GoalForms.ResultForm(
                percent.getId(), LocalDate.now(), null, new BigDecimal("7.25"), null, null, null)));
        fixtures.as(coordinator, () -> goals.correctResult(first.getId(), new BigDecimal("6.9"), "訂正", null));

        assertThat(goals.history(percent.getId())).hasSize(2);
        assertThat(goals.progress(percent.getId()).value()).isEqualByComparingTo("6.9");
        assertThat(goals.currentResults(computed.getId()).getLast().getValue())
                .isEqualByComparingTo(FiscalYear.of(saturday) == FiscalYear.of(LocalDate.now()) ? "1" : "0");
    }

    @Test
    void eventsTaggedWithAnInitiativeAreCountedByMonthOnPostgres() {
        String coordinator = fixtures.coordinator();
        String member = fixtures.member(fixtures.organisation("pg-tags", true));
        Plan plan = fixtures.as(coordinator, () -> goals.savePlan(new GoalForms.PlanForm(null, 0, "pg tag plan",
                2026, 2030)));
        Pillar pillar = fixtures.as(coordinator, () -> goals.savePillar(new GoalForms.PillarForm(null, 0,
                plan.getId(), 1, "柱")));
        Initiative initiative = fixtures.as(coordinator, () -> goals.saveInitiative(new GoalForms.InitiativeForm(
                null, 0, pillar.getId(), 1, "取組")));
        EventDraft tagged = draft(fixtures.kind("ひろば"), "pg tagged");
        tagged.setInitiativeIds(Set.of(initiative.getId()));
        Event saved = fixtures.as(member, () -> events.save(tagged));
        fixtures.as(member, () -> events.submit(saved.getId(), saved.getVersion()));
        LocalDate day = saved.getStartsAt().toLocalDate();

        assertThat(events.publicDatesOfInitiative(initiative.getId(), day, day, 5)).hasSize(1);
        assertThat(events.publicDatesOfInitiativeByMonth(initiative.getId(), day, day))
                .containsExactly(new MonthCount(YearMonth.from(day), 1));
    }

    @Autowired
    OpeningService openings;

    @Autowired
    OfferService offers;

    @Autowired
    ApplicantService applicants;

    @Autowired
    StoryService stories;

    @Autowired
    VolunteerStatistics volunteerStatistics;

    @Test
    void volunteerBoardPipelineTotalsAndStoryPhotosWorkOnPostgres() throws Exception {
        Organisation organisation = fixtures.organisation("pg-volunteers", true);
        String member = fixtures.member(organisation);
        OpeningDraft draft = VolunteerFixtures.draft("pg 見守り");
        draft.setSuitableFor(EnumSet.of(SupporterType.UNIVERSITY));
        Opening saved = fixtures.as(member, () -> openings.save(draft));
        Opening opening = fixtures.as(member, () -> openings.submit(saved.getId(), saved.getVersion()));
        assertThat(openings.publicOpenings(new OpeningFilter(SupporterType.UNIVERSITY, null,
                OpeningFilter.Timing.ONGOING), 0, 500)).extracting(Opening::getRole).contains("pg 見守り");

        for (String email : List.of("pg@example.jp", "PG@example.jp")) {
            HelpOffer offer = new HelpOffer();
            offer.setName("pg 花子");
            offer.setEmail(email);
            offer.setAgeBand(VolunteerAgeBand.AGE_18_22);
            offer.setSupporterType(SupporterType.UNIVERSITY);
            offer.setPrivacyConsent(true);
            offers.offer(opening.getId(), offer, "pg-" + email);
        }
        List<Applicant> list = fixtures.as(member, () -> applicants.applicants(
                new PipelineFilter(null, Set.of(), false), 0, 10));
        assertThat(list).hasSize(2).anySatisfy(applicant -> assertThat(applicant.isDuplicate()).isTrue());
        Applicant first = list.getLast();
        Applicant contacted = fixtures.as(member, () -> applicants.moveTo(first.getId(), first.getVersion(),
                ApplicantStatus.CONTACTED));
        fixtures.as(member, () -> applicants.moveTo(first.getId(), contacted.getVersion(), ApplicantStatus.ACTIVE));
        fixtures.as(member, () -> applicants.recordActivity(first.getId(), LocalDate.now(), new BigDecimal("2.5"),
                "見守り"));
        StringWriter csv = new StringWriter();
        fixtures.as(member, () -> applicants.export(organisation.getId(), Locale.JAPANESE, csv));
        assertThat(csv.toString()).contains("pg 花子");

        VolunteerTotals totals = volunteerStatistics.totals(FiscalYear.of(LocalDate.now()));
        assertThat(totals.organisations()).filteredOn(row -> row.organisationId().equals(organisation.getId()))
                .singleElement().satisfies(row -> {
                    assertThat(row.recruited()).isOne();
                    assertThat(row.hours()).isEqualByComparingTo("2.5");
                });

        StoryDraft story = new StoryDraft();
        story.setAuthorLabel("pg Aさん");
        story.setText("楽しかったです");
        story.setPhotoConsent(true);
        Story written = fixtures.as(member, () -> stories.save(story));
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        Story withPhoto = fixtures.as(member, () -> stories.setPhoto(written.getId(), written.getVersion(),
                png.toByteArray()));
        fixtures.as(member, () -> stories.submit(withPhoto.getId(), withPhoto.getVersion()));
        assertThat(stories.publishedPhoto(written.getId())).get()
                .satisfies(photo -> assertThat(photo.data()).isNotEmpty());
    }
}
