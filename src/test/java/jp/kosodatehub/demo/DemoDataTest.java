package jp.kosodatehub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.kosodatehub.RestoreSecurityContextStrategy;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventFilter;
import jp.kosodatehub.events.EventOccurrence;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.events.EventStatus;
import jp.kosodatehub.goals.Aggregation;
import jp.kosodatehub.goals.Direction;
import jp.kosodatehub.goals.FiscalYear;
import jp.kosodatehub.goals.GoalProgress.Progress;
import jp.kosodatehub.goals.GoalService;
import jp.kosodatehub.goals.Indicator;
import jp.kosodatehub.goals.IndicatorKind;
import jp.kosodatehub.goals.Judgement;
import jp.kosodatehub.goals.PlanTree;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.organisations.OrganisationKind;
import jp.kosodatehub.organisations.OrganisationService;
import jp.kosodatehub.security.AccountRole;
import jp.kosodatehub.security.AccountService;
import jp.kosodatehub.security.AppUser;
import jp.kosodatehub.volunteers.Applicant;
import jp.kosodatehub.volunteers.ApplicantService;
import jp.kosodatehub.volunteers.ApplicantStatus;
import jp.kosodatehub.volunteers.OpeningFilter;
import jp.kosodatehub.volunteers.OpeningService;
import jp.kosodatehub.volunteers.PipelineFilter;
import jp.kosodatehub.volunteers.StoryService;
import jp.kosodatehub.volunteers.VolunteerStatistics;
import jp.kosodatehub.volunteers.VolunteerTotals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/** Starts the application with the demo profile on a database of its own, as {@code spring-boot:run} does. */
@ExtendWith(RestoreSecurityContextStrategy.class)
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:demo-test;DB_CLOSE_DELAY=-1")
@ActiveProfiles("demo")
class DemoDataTest {

    private static final String DEMO_PASSWORD = "kosodate-demo";
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    @Autowired
    DemoData demoData;

    @Autowired
    OrganisationService organisations;

    @Autowired
    EventService events;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    TestFixtures fixtures;

    private List<Organisation> allOrganisations() {
        return fixtures.as("coordinator", () -> organisations.findAll());
    }

    private long eventCount(Set<EventStatus> statuses) {
        return fixtures.as("coordinator", () -> events.myEventsCount(statuses));
    }

    @Autowired
    OpeningService openings;

    @Autowired
    ApplicantService applicants;

    @Autowired
    StoryService stories;

    @Autowired
    VolunteerStatistics volunteerStatistics;

    @Test
    void volunteerOpeningsOffersAndStoriesShowEveryPartOfRecruitment() {
        assertThat(openings.publicCount(new OpeningFilter(null, null, OpeningFilter.Timing.ANY)))
                .isGreaterThanOrEqualTo(4);
        assertThat(fixtures.as("coordinator", () -> openings.moderationCount())).isPositive();
        List<Applicant> all = fixtures.as("coordinator",
                () -> applicants.applicants(new PipelineFilter(null, Set.of(), false), 0, 100));
        assertThat(all).extracting(Applicant::getStatus).contains(ApplicantStatus.NEW, ApplicantStatus.CONTACTED,
                ApplicantStatus.ACTIVE, ApplicantStatus.FINISHED, ApplicantStatus.DECLINED);
        assertThat(all).anySatisfy(applicant -> assertThat(applicant.isDuplicate()).isTrue());
        assertThat(stories.publishedCount()).isGreaterThanOrEqualTo(2);
        VolunteerTotals totals = volunteerStatistics.totals(FiscalYear.of(LocalDate.now(JAPAN)));
        assertThat(totals.recruited()).isEqualTo(4);
        assertThat(totals.hours()).isEqualByComparingTo("11.5");
    }

    @Test
    void networkHasADozenOrganisations() {
        assertThat(allOrganisations()).hasSize(12);
    }

    @Test
    void atLeastFortyDatesInTheComingTwoMonthsFromWeeklyAndMonthlySeriesAndSingleEvents() {
        LocalDate today = LocalDate.now(JAPAN);
        EventFilter twoMonths = EventFilter.none().withDates(today, today.plusMonths(2));

        assertThat(events.feedCount(twoMonths)).isGreaterThanOrEqualTo(40L);
        List<Event> all = fixtures.as("coordinator", () -> events.myEvents(Set.of(), 0, 200));
        assertThat(all).filteredOn(Event::isSeries).hasSizeGreaterThanOrEqualTo(5)
                .anySatisfy(event -> assertThat(event.getRecurrenceRule()).startsWith("FREQ=WEEKLY"))
                .anySatisfy(event -> assertThat(event.getRecurrenceRule()).startsWith("FREQ=MONTHLY"));
        assertThat(events.feed(twoMonths, 0, 500)).as("single dates cancelled with a reason")
                .anySatisfy(date -> {
                    assertThat(date.isCancelled()).isTrue();
                    assertThat(date.getReason()).isNotBlank();
                });
    }

    @Test
    void everySeriesFallsOnTheDaysItsTitleStatesForAYear() {
        LocalDateTime yearAhead = LocalDateTime.now(JAPAN).plusYears(1);
        List<Event> series = fixtures.as("coordinator", () -> events.myEvents(Set.of(), 0, 200)).stream()
                .filter(Event::isSeries).toList();
        List<String> checked = new java.util.ArrayList<>();

        for (Event event : series) {
            StatedRule stated = StatedRule.of(event.getTitle()).orElse(null);
            if (stated == null) {
                continue;
            }
            List<LocalDate> dates = fixtures.as("coordinator", () -> events.upcomingDates(event.getId(), 0, 500))
                    .stream().map(EventOccurrence::getOriginalStart).filter(start -> start.isBefore(yearAhead))
                    .map(LocalDateTime::toLocalDate).toList();
            assertThat(stated.problems(dates)).as(event.getTitle()).isEmpty();
            checked.add(event.getTitle());
        }

        assertThat(checked).as("series whose title names its days").hasSizeGreaterThanOrEqualTo(2)
                .anySatisfy(title -> assertThat(title).contains("隔週"))
                .anySatisfy(title -> assertThat(title).contains("第2月曜"));
    }

    @Test
    void statedRuleCatchesDatesThatBreakTheTitle() {
        StatedRule firstAndThird = StatedRule.of("みんなのテーブル（第1・第3土曜の夕食会）").orElseThrow();
        StatedRule fortnightly = StatedRule.of("親子サロン「すくすく」（隔週木曜）").orElseThrow();
        StatedRule wednesdayAndFriday = StatedRule.of("ひろば（毎週水・金曜）").orElseThrow();

        // Every other Saturday from 9 January 2027: the 2nd and 4th Saturdays.
        assertThat(firstAndThird.problems(List.of(LocalDate.of(2027, 1, 9), LocalDate.of(2027, 1, 23))))
                .isNotEmpty();
        assertThat(firstAndThird.problems(List.of(LocalDate.of(2027, 1, 2), LocalDate.of(2027, 1, 16),
                LocalDate.of(2027, 2, 6), LocalDate.of(2027, 2, 20)))).isEmpty();
        assertThat(fortnightly.problems(List.of(LocalDate.of(2027, 1, 7), LocalDate.of(2027, 1, 14))))
                .isNotEmpty();
        assertThat(fortnightly.problems(List.of(LocalDate.of(2027, 1, 7), LocalDate.of(2027, 1, 21)))).isEmpty();
        assertThat(wednesdayAndFriday.problems(List.of(LocalDate.of(2027, 1, 6), LocalDate.of(2027, 1, 13))))
                .as("the Fridays are missing").isNotEmpty();
        assertThat(StatedRule.of("日曜 親子ヨガ")).isEmpty();
    }

    @Test
    void thereAreEventsInEveryState() {
        Map<EventStatus, Long> counts = new LinkedHashMap<>();
        for (EventStatus status : EventStatus.values()) {
            counts.put(status, eventCount(Set.of(status)));
        }

        assertThat(counts).allSatisfy((status, count) -> assertThat(count).as(status.name()).isPositive());
    }

    @Test
    void publicFeedShowsEventsIncludingACancelledOne() {
        List<Event> feed = events.feed(EventFilter.none(), 0, 200).stream().map(EventOccurrence::getEvent).toList();

        assertThat(feed).isNotEmpty();
        assertThat(feed).extracting(Event::getStatus).containsOnly(EventStatus.PUBLISHED, EventStatus.CANCELLED)
                .contains(EventStatus.CANCELLED);
        assertThat(feed).filteredOn(Event::isCancelled)
                .allSatisfy(event -> assertThat(event.getStatusReason()).isNotBlank());
    }

    @Test
    void upcomingPublishedEventsFallWithinTheComingTwoAndAHalfMonths() {
        LocalDateTime now = LocalDateTime.now(JAPAN);
        LocalDateTime horizon = LocalDate.now(JAPAN).plusMonths(2).plusDays(16).atStartOfDay();
        List<Event> published = fixtures.as("coordinator",
                () -> events.myEvents(EnumSet.of(EventStatus.PUBLISHED), 0, 200));
        List<Event> upcoming = published.stream().filter(event -> !event.getEndsAt().isBefore(now)).toList();

        assertThat(upcoming).isNotEmpty();
        assertThat(upcoming).allSatisfy(event -> assertThat(event.getStartsAt()).as(event.getTitle())
                .isBefore(horizon));
    }

    @Test
    void coordinatorAndMemberLogInWithTheDemoPassword() {
        assertLogsInWithDemoPassword("coordinator");
        assertLogsInWithDemoPassword("member");

        assertThat(((AppUser) users.loadUserByUsername("coordinator")).role()).isEqualTo(AccountRole.COORDINATOR);
        assertThat(((AppUser) users.loadUserByUsername("member")).role()).isEqualTo(AccountRole.MEMBER);
    }

    @Test
    void memberLoginBelongsToASalon() {
        AppUser member = (AppUser) users.loadUserByUsername("member");

        Organisation organisation = organisations.find(member.organisationId()).orElseThrow();
        assertThat(organisation.getKind()).isEqualTo(OrganisationKind.SALON);
    }

    @Test
    void everyKindOfDemoOrganisationHasAMemberLogin() {
        Map<String, OrganisationKind> logins = Map.of(
                "member", OrganisationKind.SALON,
                "nursery", OrganisationKind.NURSERY,
                "hub", OrganisationKind.CHILDCARE_HUB,
                "npo", OrganisationKind.NPO,
                "commissioner", OrganisationKind.WELFARE_COMMISSIONER,
                "wardoffice", OrganisationKind.WARD_OFFICE,
                "cafeteria", OrganisationKind.CHILDREN_CAFETERIA);
        Set<OrganisationKind> kindsInUse = allOrganisations().stream().map(Organisation::getKind)
                .collect(Collectors.toSet());

        assertThat(logins.values()).containsExactlyInAnyOrderElementsOf(kindsInUse);
        logins.forEach((username, kind) -> {
            AppUser user = assertLogsInWithDemoPassword(username);
            assertThat(user.role()).as(username).isEqualTo(AccountRole.MEMBER);
            assertThat(organisations.find(user.organisationId()).orElseThrow().getKind()).as(username)
                    .isEqualTo(kind);
        });
    }

    @Test
    void secondStartAddsNothing() throws Exception {
        int organisationsBefore = allOrganisations().size();
        long eventsBefore = eventCount(Set.of());
        long accountsBefore = fixtures.as("coordinator", () -> accounts.count());

        demoData.run(new DefaultApplicationArguments());

        assertThat(allOrganisations()).hasSize(organisationsBefore);
        assertThat(eventCount(Set.of())).isEqualTo(eventsBefore);
        assertThat(fixtures.as("coordinator", () -> accounts.count())).isEqualTo(accountsBefore);
    }

    private AppUser assertLogsInWithDemoPassword(String username) {
        AppUser user = (AppUser) users.loadUserByUsername(username);
        assertThat(user.isEnabled()).as(username + " enabled").isTrue();
        assertThat(encoder.matches(DEMO_PASSWORD, user.getPassword())).as(username + " password").isTrue();
        return user;
    }

    // --- shared goals (GoalsDemoData) ----------------------------------------------------------------------------

    @Autowired
    GoalsDemoData goalsDemoData;

    @Autowired
    GoalService goals;

    private PlanTree plan() {
        return goals.tree(goals.plans().getFirst().getId());
    }

    @Test
    void planHasTheFourPillarsOfTheSeedWithInitiativesAndTargetImages() {
        PlanTree tree = plan();

        assertThat(tree.plan().periodLabel()).isEqualTo("令和8年度〜令和12年度");
        assertThat(tree.pillars()).extracting(pillar -> pillar.pillar().getTitle()).containsExactly(
                "親子がほしい情報が見つかる発信の仕組みづくり", "親子が出会える地域の居場所づくり",
                "子育てを温かく見守る地域づくり", "子育てを支える持続可能なネットワークづくり");
        assertThat(tree.pillars()).extracting(pillar -> pillar.initiatives().size()).containsExactly(2, 3, 2, 2);
        assertThat(tree.initiatives()).allSatisfy(node -> assertThat(node.targetImages()).isNotEmpty());
    }

    @Test
    void indicatorsIncludeDecreaseDoneAndComputedOnesWithResults() {
        List<Indicator> indicators = plan().indicators().toList();
        Map<Long, Progress> progress = goals.progressOfPlan(plan().plan().getId());

        assertThat(indicators).extracting(Indicator::getName).contains("子ども食堂の数",
                "地域子育て支援拠点利用者数（延べ）", "ファミリー・サポート・センター会員数", "ヤングケアラー実態調査",
                "悩みの相談相手がいない保護者の割合");
        assertThat(indicators).anyMatch(i -> i.getDirection() == Direction.DECREASE)
                .anyMatch(i -> i.getKind() == IndicatorKind.DONE)
                .anyMatch(Indicator::isComputed)
                .anyMatch(i -> i.getBreakdowns().size() == 2);
        assertThat(progress.values()).allSatisfy(p -> assertThat(p.judgement()).isNotEqualTo(Judgement.NO_DATA));
        Indicator cafeterias = indicators.stream().filter(i -> i.getName().equals("子ども食堂の数")).findFirst()
                .orElseThrow();
        assertThat(goals.history(cafeterias.getId())).hasSize(3)
                .allSatisfy(result -> assertThat(result.getRecordedBy()).isEqualTo("みんなのテーブル 代表"));
    }

    @Test
    void demoIndicatorsAddUpTheirResultsTheWayTheirTargetsAreMeant() {
        Map<String, Indicator> byName = plan().indicators().collect(java.util.stream.Collectors.toMap(
                Indicator::getName, i -> i));

        assertThat(byName.get("「とことこ」の子育て相談件数").getAggregation()).isEqualTo(Aggregation.FISCAL_YEAR_TOTAL);
        assertThat(byName.get("地域子育て支援拠点利用者数（延べ）").getAggregation())
                .isEqualTo(Aggregation.FISCAL_YEAR_TOTAL);
        assertThat(List.of("子ども食堂の数", "ファミリー・サポート・センター会員数", "ヤングケアラー実態調査",
                "悩みの相談相手がいない保護者の割合")).allSatisfy(name ->
                        assertThat(byName.get(name).getAggregation()).as(name).isEqualTo(Aggregation.LATEST));
        assertThat(byName.values()).filteredOn(Indicator::isComputed).isNotEmpty().allSatisfy(indicator ->
                assertThat(indicator.getAggregation()).isEqualTo(Aggregation.FISCAL_YEAR_TOTAL));
    }

    @Test
    void consultationsShowThisFiscalYearsTotalOnTrackRatherThanOneBreakdownBehind() {
        Indicator consultations = plan().indicators().filter(i -> i.getName().equals("「とことこ」の子育て相談件数"))
                .findFirst().orElseThrow();
        Progress progress = goals.progress(consultations.getId());
        LocalDate lastMonthEnd = LocalDate.now(JAPAN).withDayOfMonth(1).minusDays(1);

        assertThat(progress.period().fiscalYear()).isEqualTo(FiscalYear.of(lastMonthEnd));
        assertThat(progress.date()).isEqualTo(lastMonthEnd);
        // About 15 a month (窓口 9–12, 電話 4–6) against 200 a year from 120: ahead of the baseline's pace.
        assertThat(progress.value()).isGreaterThan(BigDecimal.valueOf(20));
        assertThat(progress.percent()).isGreaterThan(0);
        assertThat(progress.judgement()).isIn(Judgement.ON_TRACK, Judgement.ACHIEVED);
    }

    @Test
    void somePublishedEventsServeInitiativesAndShowOnTheirPages() {
        List<Event> all = fixtures.as("coordinator", () -> events.myEvents(Set.of(EventStatus.PUBLISHED), 0, 200));
        Long weekends = plan().initiatives().filter(node -> node.initiative().getTitle().startsWith("平日日中以外"))
                .findFirst().orElseThrow().initiative().getId();
        LocalDate today = LocalDate.now(JAPAN);

        // An event's initiatives are read with it for editing only (the feed never needs them).
        assertThat(all).filteredOn(event -> !fixtures.as("coordinator", () -> events.loadForEdit(event.getId()))
                .getInitiativeIds().isEmpty()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(events.publicDatesOfInitiative(weekends, today.minusMonths(6), today.plusMonths(6), 5))
                .isNotEmpty();
    }

    @Test
    void secondStartAddsNoSecondPlan() {
        goalsDemoData.run(new DefaultApplicationArguments());

        assertThat(goals.plans()).hasSize(1);
    }
}
