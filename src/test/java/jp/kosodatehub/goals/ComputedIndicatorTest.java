package jp.kosodatehub.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.base.validation.InvalidInputException;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventDraft;
import jp.kosodatehub.events.EventFilter;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.events.JapaneseHolidays;
import jp.kosodatehub.events.Recurrence;
import jp.kosodatehub.events.TargetGroup;
import jp.kosodatehub.goals.GoalForms.ResultForm;
import jp.kosodatehub.reference.District;
import jp.kosodatehub.reference.EventKind;
import jp.kosodatehub.volunteers.ApplicantStatus;
import jp.kosodatehub.volunteers.Opening;
import jp.kosodatehub.volunteers.SupporterType;
import jp.kosodatehub.volunteers.VolunteerFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Computed indicators against events created here, under an event kind and districts of their own so that other
 * tests' events never count. A trusted organisation's submissions are published at once.
 */
@SpringBootTest
class ComputedIndicatorTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

    @Autowired
    GoalService goals;

    @Autowired
    EventService events;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    VolunteerFixtures volunteers;

    String coordinator;
    String member;
    EventKind kind;
    District north;
    District south;
    GoalTestData data;
    /** Dates that should count: on a weekend or holiday, of published events, not cancelled. */
    final List<LocalDate> weekendDates = new ArrayList<>();

    LocalDate saturday;
    LocalDate weekday;

    @BeforeEach
    void setUp() {
        coordinator = fixtures.coordinator();
        member = fixtures.member(fixtures.organisation("tokotoko", true));
        kind = fixtures.kind("週末イベント");
        north = fixtures.district("富岡");
        south = fixtures.district("六浦");
        data = new GoalTestData(goals, fixtures, coordinator);

        saturday = TODAY.plusDays(2).with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        weekday = saturday.plusDays(3);
        while (JapaneseHolidays.isWeekendOrHoliday(weekday)) {
            weekday = weekday.plusDays(1);
        }
        publish(single(saturday, north));
        weekendDates.add(saturday);
        publish(single(weekday, north));
        EventDraft sunday = single(saturday.plusDays(1), south);
        sunday.setTargetGroups(EnumSet.of(TargetGroup.SINGLE_PARENTS));
        publish(sunday);
        weekendDates.add(saturday.plusDays(1));

        EventDraft series = single(saturday.plusWeeks(1), south);
        series.setRecurrence(new Recurrence(Recurrence.Pattern.WEEKLY, 1, EnumSet.of(DayOfWeek.SATURDAY), 0, 0, null,
                3));
        series.setSkipHolidays(false);
        Event weekly = publish(series);
        Event afterCancel = fixtures.as(member, () -> events.cancelDate(weekly.getId(), weekly.getVersion(),
                saturday.plusWeeks(2).atTime(10, 0), "雨天中止"));
        assertThat(afterCancel.getId()).isEqualTo(weekly.getId());
        weekendDates.add(saturday.plusWeeks(1));
        weekendDates.add(saturday.plusWeeks(3));

        // Neither a draft nor a cancelled event counts.
        Event draft = fixtures.as(member, () -> events.save(single(saturday, north)));
        assertThat(draft.getId()).isNotNull();
        Event cancelled = publish(single(saturday, north));
        fixtures.as(member, () -> events.cancel(cancelled.getId(), cancelled.getVersion(), "講師急病のため"));
    }

    private EventDraft single(LocalDate date, District district) {
        EventDraft draft = TestFixtures.draft(kind, TestFixtures.unique("おやこひろば"));
        draft.setStartsAt(date.atTime(10, 0));
        draft.setEndsAt(date.atTime(12, 0));
        draft.setDistrict(district);
        return draft;
    }

    private Event publish(EventDraft draft) {
        Event saved = fixtures.as(member, () -> events.save(draft));
        return fixtures.as(member, () -> events.submit(saved.getId(), saved.getVersion()));
    }

    private EventFilter filter(Long districtId, boolean weekend) {
        return new EventFilter(null, kind.getId(), null, districtId, null, null, weekend, false, false, false, null,
                java.util.Set.of());
    }

    private Indicator computed(String name, ComputedDefinition definition) {
        IndicatorForm base = data.count(name, null);
        return fixtures.as(coordinator, () -> goals.saveIndicator(new IndicatorForm(null, 0, base.initiativeId(),
                name, "回", IndicatorKind.COUNT, Direction.INCREASE, BigDecimal.ZERO, TODAY, new BigDecimal("50"),
                2030, null, "とことこ", UpdateFrequency.YEARLY, List.of(), definition)));
    }

    private long inThisFiscalYear(List<LocalDate> dates) {
        return dates.stream().filter(date -> FiscalYear.of(date) == FiscalYear.of(TODAY)).count();
    }

    @Test
    void eventServiceCountsPublishedDatesLeavingOutCancelledOnes() {
        LocalDate from = saturday.minusDays(1);
        LocalDate to = saturday.plusWeeks(4);

        assertThat(events.countPublicDates(filter(null, true), from, to)).isEqualTo(4);
        assertThat(events.countPublicDates(filter(null, false), from, to)).isEqualTo(5);
        assertThat(events.countPublicDates(filter(north.getId(), false), from, to)).isEqualTo(2);
        assertThat(events.countPublicDates(filter(south.getId(), false), from, to)).isEqualTo(3);
        assertThat(events.countPublicDates(filter(null, true), saturday.plusDays(2), to)).isEqualTo(2);
    }

    @Test
    void weekendIndicatorCountsWeekendDatesOfTheFiscalYear() {
        Indicator indicator = computed("週末・祝日のイベント開催数",
                ComputedDefinition.eventDates(kind.getCode(), null, true, null));

        List<IndicatorResult> results = goals.currentResults(indicator.getId());

        assertThat(indicator.isComputed()).isTrue();
        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.getFiscalYear()).isEqualTo(FiscalYear.of(TODAY));
            assertThat(result.getValue()).isEqualByComparingTo(BigDecimal.valueOf(inThisFiscalYear(weekendDates)));
            assertThat(result.getRecordedBy()).isEqualTo(GoalService.COMPUTED_BY);
            assertThat(result.getId()).isNull();
        });
        assertThat(goals.progress(indicator.getId()).value())
                .isEqualByComparingTo(BigDecimal.valueOf(inThisFiscalYear(weekendDates)));
        assertThat(goals.progress(indicator.getId()).stale()).isFalse();
        // The year's published dates, those to come included: the whole fiscal year, taken as it stands.
        GoalProgress.Progress progress = goals.progress(indicator.getId());
        assertThat(progress.period()).isEqualTo(new GoalProgress.Period(Aggregation.FISCAL_YEAR_TOTAL,
                FiscalYear.of(TODAY), java.time.YearMonth.from(FiscalYear.firstDay(FiscalYear.of(TODAY))),
                java.time.YearMonth.from(FiscalYear.lastDay(FiscalYear.of(TODAY)))));
        assertThat(progress.fraction()).isCloseTo(inThisFiscalYear(weekendDates) / 50.0,
                org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void districtIndicatorCountsEveryDateOfThatDistrict() {
        Indicator northern = computed("富岡地区の開催数", ComputedDefinition.eventDates(kind.getCode(),
                north.getCode(), false, null));
        Indicator southern = computed("六浦地区の開催数", ComputedDefinition.eventDates(kind.getCode(),
                south.getCode(), false, null));

        long northExpected = inThisFiscalYear(List.of(saturday, weekday));
        long southExpected = inThisFiscalYear(List.of(saturday.plusDays(1), saturday.plusWeeks(1),
                saturday.plusWeeks(3)));

        assertThat(goals.currentResults(northern.getId()).getLast().getValue())
                .isEqualByComparingTo(BigDecimal.valueOf(northExpected));
        assertThat(goals.currentResults(southern.getId()).getLast().getValue())
                .isEqualByComparingTo(BigDecimal.valueOf(southExpected));
    }

    @Test
    void targetGroupNarrowsTheCount() {
        Indicator singleParents = computed("ひとり親向けの開催数", ComputedDefinition.eventDates(kind.getCode(), null,
                false, TargetGroup.SINGLE_PARENTS));

        assertThat(goals.currentResults(singleParents.getId()).getLast().getValue())
                .isEqualByComparingTo(BigDecimal.valueOf(inThisFiscalYear(List.of(saturday.plusDays(1)))));
    }

    @Test
    void computedIndicatorRefusesManualResultsAndUnknownCodes() {
        Indicator indicator = computed("週末・祝日のイベント開催数",
                ComputedDefinition.eventDates(kind.getCode(), null, true, null));

        assertThatThrownBy(() -> fixtures.as(coordinator, () -> goals.recordResult(new ResultForm(indicator.getId(),
                TODAY, null, BigDecimal.ONE, null, null, null))))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting("messageKey")
                        .containsExactly("goals.validation.computed-no-entry"));
        assertThatThrownBy(() -> computed("不明", ComputedDefinition.eventDates("no-such-kind", null, true, null)))
                .isInstanceOf(InvalidInputException.class);
    }

    private Indicator volunteerIndicator(String name, ComputedDefinition definition, IndicatorKind kind) {
        IndicatorForm base = data.count(name, null);
        return fixtures.as(coordinator, () -> goals.saveIndicator(new IndicatorForm(null, 0, base.initiativeId(),
                name, "人", kind, Direction.INCREASE, BigDecimal.ZERO, LocalDate.of(2025, 4, 1),
                new BigDecimal("100"), 2030, null, "とことこ", UpdateFrequency.YEARLY, List.of(), definition)));
    }

    private Map<Integer, BigDecimal> byYear(Indicator indicator) {
        return goals.currentResults(indicator.getId()).stream()
                .collect(Collectors.toMap(IndicatorResult::getFiscalYear, IndicatorResult::getValue));
    }

    private static Instant japan(LocalDateTime time) {
        return time.atZone(ZoneId.of("Asia/Tokyo")).toInstant();
    }

    @Test
    void volunteersRecruitedIndicatorCountsEachFiscalYear() {
        Indicator recruited = volunteerIndicator("活動を始めたボランティアの人数",
                ComputedDefinition.volunteers(ComputedDefinition.Source.VOLUNTEERS_RECRUITED), IndicatorKind.COUNT);
        Map<Integer, BigDecimal> before = byYear(recruited);
        Opening opening = volunteers.publishedOpening(fixtures.organisation("ひまわりサロン", false),
                Set.of(SupporterType.ANYONE), null);
        volunteers.applicant(opening, "山田", null, ApplicantStatus.ACTIVE, japan(LocalDateTime.of(2025, 9, 1, 10, 0)));
        volunteers.applicant(opening, "佐藤", null, ApplicantStatus.FINISHED,
                japan(LocalDateTime.of(2026, 4, 10, 10, 0)));
        volunteers.applicant(opening, "鈴木", null, ApplicantStatus.ACTIVE, japan(LocalDateTime.of(2026, 5, 1, 10, 0)));
        volunteers.applicant(opening, "田中", null, ApplicantStatus.NEW, japan(LocalDateTime.of(2026, 5, 1, 10, 0)));

        Map<Integer, BigDecimal> after = byYear(recruited);

        int current = FiscalYear.of(TODAY);
        assertThat(goals.currentResults(recruited.getId())).extracting(IndicatorResult::getFiscalYear)
                .containsExactlyElementsOf(IntStream.rangeClosed(2025, current).boxed().toList());
        assertThat(after.get(2025).subtract(before.get(2025))).isEqualByComparingTo("1");
        assertThat(after.get(2026).subtract(before.get(2026))).isEqualByComparingTo("2");
        assertThat(goals.currentResults(recruited.getId())).allSatisfy(result -> {
            assertThat(result.getRecordedBy()).isEqualTo(GoalService.COMPUTED_BY);
            assertThat(result.getId()).isNull();
        });
        // Counted up to today, like monthly counts: this fiscal year so far.
        assertThat(goals.progress(recruited.getId()).period().to()).isEqualTo(java.time.YearMonth.from(TODAY));
        assertThat(goals.progress(recruited.getId()).value()).isEqualByComparingTo(after.get(current));
    }

    @Test
    void volunteerHoursMayBeAPlainNumber() {
        Indicator hours = volunteerIndicator("ボランティアの活動時間",
                ComputedDefinition.volunteers(ComputedDefinition.Source.VOLUNTEER_HOURS), IndicatorKind.NUMBER);

        assertThat(hours.getComputed().source()).isEqualTo(ComputedDefinition.Source.VOLUNTEER_HOURS);
        assertThat(byYear(hours)).containsKeys(2025, 2026);
    }

    @Test
    void volunteerSourcesRefuseEventFilters() {
        for (ComputedDefinition definition : List.of(
                new ComputedDefinition(ComputedDefinition.Source.VOLUNTEERS_RECRUITED, null, north.getCode(), false,
                        null),
                new ComputedDefinition(ComputedDefinition.Source.VOLUNTEERS_RECRUITED, kind.getCode(), null, false,
                        null),
                new ComputedDefinition(ComputedDefinition.Source.VOLUNTEER_HOURS, null, null, true, null),
                new ComputedDefinition(ComputedDefinition.Source.VOLUNTEER_HOURS, null, null, false,
                        TargetGroup.SINGLE_PARENTS))) {
            assertThatThrownBy(() -> volunteerIndicator("地区別のボランティア", definition, IndicatorKind.COUNT))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                            .extracting("field", "messageKey")
                            .contains(tuple("computed",
                                    "goals.validation.computed-volunteer-filters")));
        }
        assertThatThrownBy(() -> volunteerIndicator("割合", ComputedDefinition.volunteers(
                ComputedDefinition.Source.VOLUNTEERS_RECRUITED), IndicatorKind.NUMBER))
                .isInstanceOf(InvalidInputException.class);
    }
}
