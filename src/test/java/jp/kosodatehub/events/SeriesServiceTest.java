package jp.kosodatehub.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.base.validation.InvalidInputException;
import jp.kosodatehub.reference.District;
import jp.kosodatehub.reference.EventKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

/** Recurring salons: one rule, holidays and breaks skipped, single dates cancelled or moved. */
@SpringBootTest
class SeriesServiceTest {

    @Autowired
    EventService events;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DatesBackfill datesBackfill;

    EventKind salon;
    District district;
    String member;
    String otherMember;

    @BeforeEach
    void setUp() {
        salon = fixtures.kind("サロン");
        district = fixtures.district("富岡");
        member = fixtures.member(fixtures.organisation("series", true));
        otherMember = fixtures.member(fixtures.organisation("other", true));
    }

    private EventDraft weekly(LocalDate first, LocalDate until, Set<DayOfWeek> days) {
        EventDraft draft = TestFixtures.draft(salon, TestFixtures.unique("毎週サロン"));
        draft.setDistrict(district);
        draft.setStartsAt(first.atTime(10, 0));
        draft.setEndsAt(first.atTime(12, 0));
        draft.setRecurrence(new Recurrence(Recurrence.Pattern.WEEKLY, 1, days, 0, 0, until, null));
        return draft;
    }

    private Event publish(EventDraft draft) {
        Event saved = fixtures.as(member, () -> events.save(draft));
        return fixtures.as(member, () -> events.submit(saved.getId(), saved.getVersion()));
    }

    private List<EventOccurrence> feedOf(Event event) {
        return events.feed(new EventFilter(event.getTitle(), null, null, district.getId(), null, null), 0, 500);
    }

    private static LocalDate nextHolidayOnAWeekday() {
        LocalDate day = LocalDate.now().plusDays(8);
        while (!JapaneseHolidays.isHoliday(day) || day.getDayOfWeek().getValue() > 5) {
            day = day.plusDays(1);
        }
        return day;
    }

    @Test
    void weeklySeriesListsEveryWeekButThePublicHoliday() {
        LocalDate holiday = nextHolidayOnAWeekday();
        LocalDate first = holiday.minusWeeks(1);
        Event event = publish(weekly(first, holiday.plusWeeks(1), EnumSet.of(holiday.getDayOfWeek())));

        assertThat(feedOf(event)).extracting(date -> date.getStartsAt().toLocalDate())
                .containsExactly(first, holiday.plusWeeks(1));
        assertThat(event.getRecurrenceRule()).startsWith("FREQ=WEEKLY;BYDAY=");
    }

    @Test
    void holidaysAreKeptWhenTheSeriesDoesNotSkipThem() {
        LocalDate holiday = nextHolidayOnAWeekday();
        EventDraft draft = weekly(holiday.minusWeeks(1), holiday.plusWeeks(1), EnumSet.of(holiday.getDayOfWeek()));
        draft.setSkipHolidays(false);
        Event event = publish(draft);

        List<EventOccurrence> dates = feedOf(event);
        assertThat(dates).hasSize(3);
        assertThat(dates.get(1).isWeekendOrHoliday()).as("the holiday date counts as a day off").isTrue();
    }

    @Test
    void closedPeriodIsSkipped() {
        LocalDate first = LocalDate.now().plusDays(3);
        EventDraft draft = weekly(first, first.plusWeeks(4), EnumSet.of(first.getDayOfWeek()));
        draft.setSkipHolidays(false);
        draft.setSkipFrom(first.plusWeeks(1));
        draft.setSkipTo(first.plusWeeks(2));
        Event event = publish(draft);

        assertThat(feedOf(event)).extracting(date -> date.getStartsAt().toLocalDate())
                .containsExactly(first, first.plusWeeks(3), first.plusWeeks(4));
    }

    @Test
    void monthlySecondTuesdayFollowsTheCalendar() {
        LocalDate start = LocalDate.now().plusMonths(1).withDayOfMonth(1)
                .with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.TUESDAY));
        EventDraft draft = TestFixtures.draft(salon, TestFixtures.unique("第2火曜サロン"));
        draft.setDistrict(district);
        draft.setStartsAt(start.atTime(10, 0));
        draft.setEndsAt(start.atTime(12, 0));
        draft.setSkipHolidays(false);
        draft.setRecurrence(new Recurrence(Recurrence.Pattern.MONTHLY_WEEKDAY, 1, EnumSet.of(DayOfWeek.TUESDAY), 2,
                0, null, 4));
        Event event = publish(draft);

        assertThat(feedOf(event)).extracting(date -> date.getStartsAt().toLocalDate()).hasSize(4)
                .allSatisfy(day -> {
                    assertThat(day.getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
                    assertThat((day.getDayOfMonth() - 1) / 7 + 1).isEqualTo(2);
                });
        assertThat(event.getRecurrenceRule()).isEqualTo("FREQ=MONTHLY;BYDAY=2TU;COUNT=4");
    }

    /** 毎月 第2月曜日 from 8 February 2027: 11 October 2027 (スポーツの日) and 10 January 2028 (成人の日) fall out. */
    private EventDraft secondMondayTwelveTimes() {
        LocalDate first = LocalDate.of(2027, 2, 8);
        EventDraft draft = TestFixtures.draft(salon, TestFixtures.unique("第2月曜サロン"));
        draft.setDistrict(district);
        draft.setStartsAt(first.atTime(10, 0));
        draft.setEndsAt(first.atTime(12, 0));
        draft.setSkipHolidays(true);
        draft.setRecurrence(new Recurrence(Recurrence.Pattern.MONTHLY_WEEKDAY, 1, EnumSet.of(DayOfWeek.MONDAY), 2,
                0, null, 12));
        return draft;
    }

    @Test
    void countIsTheNumberOfDatesHeldAndTheSeriesRunsOnPastSkippedHolidays() {
        Event event = publish(secondMondayTwelveTimes());

        List<OccurrencePlan.Entry> plan = events.publicPlan(event.getId());
        assertThat(plan).filteredOn(date -> date.skip() == null).extracting(date -> date.start().toLocalDate())
                .hasSize(12).startsWith(LocalDate.of(2027, 2, 8)).endsWith(LocalDate.of(2028, 3, 13))
                .doesNotContain(LocalDate.of(2027, 10, 11), LocalDate.of(2028, 1, 10));
        assertThat(plan).filteredOn(date -> date.skip() != null).extracting(date -> date.start().toLocalDate())
                .containsExactly(LocalDate.of(2027, 10, 11), LocalDate.of(2028, 1, 10));
        LocalDateTime now = LocalDateTime.now();
        assertThat(feedOf(event)).as("the feed lists the same dates, those still to come")
                .extracting(EventOccurrence::getStartsAt).containsExactlyElementsOf(plan.stream()
                        .filter(date -> date.skip() == null && date.start().isAfter(now))
                        .map(OccurrencePlan.Entry::start).toList());
        assertThat(event.getRecurrenceRule()).isEqualTo("FREQ=MONTHLY;BYDAY=2MO;COUNT=12");
    }

    @Test
    void seriesStoredWhenTheCountIncludedSkippedDaysGetTheirLastDatesAtStartUp() {
        Event event = publish(secondMondayTwelveTimes());
        // As stored before: twelve dates of the rule up to 10 January 2028, two of them holidays, ten held.
        jdbc.update("delete from event_occurrence where event_id = ? and original_start > ?", event.getId(),
                LocalDate.of(2028, 1, 1).atStartOfDay());
        assertThat(feedOf(event)).extracting(date -> date.getStartsAt().toLocalDate())
                .doesNotContain(LocalDate.of(2028, 3, 13));

        datesBackfill.run(new DefaultApplicationArguments());

        assertThat(feedOf(event)).extracting(date -> date.getStartsAt().toLocalDate())
                .endsWith(LocalDate.of(2028, 2, 14), LocalDate.of(2028, 3, 13));
    }

    @Test
    void closedPeriodDoesNotCountEither() {
        LocalDate first = LocalDate.of(2026, 12, 23);
        EventDraft draft = weekly(first, null, EnumSet.of(DayOfWeek.WEDNESDAY));
        draft.setRecurrence(new Recurrence(Recurrence.Pattern.WEEKLY, 1, EnumSet.of(DayOfWeek.WEDNESDAY), 0, 0, null,
                4));
        draft.setSkipFrom(LocalDate.of(2026, 12, 28));
        draft.setSkipTo(LocalDate.of(2027, 1, 4));
        Event event = publish(draft);

        assertThat(events.publicPlan(event.getId())).filteredOn(date -> date.skip() == null)
                .extracting(date -> date.start().toLocalDate()).containsExactly(first, LocalDate.of(2027, 1, 6),
                        LocalDate.of(2027, 1, 13), LocalDate.of(2027, 1, 20));
    }

    @Test
    void countThatSkippedDaysPushBeyondFiveYearsIsRefused() {
        LocalDate first = LocalDate.of(2027, 1, 6);
        EventDraft draft = weekly(first, null, EnumSet.of(DayOfWeek.WEDNESDAY));
        // 261 Wednesdays fit in five years; a two-month break pushes the 258th held beyond them.
        draft.setRecurrence(new Recurrence(Recurrence.Pattern.WEEKLY, 1, EnumSet.of(DayOfWeek.WEDNESDAY), 0, 0, null,
                258));
        draft.setSkipFrom(LocalDate.of(2027, 7, 1));
        draft.setSkipTo(LocalDate.of(2027, 8, 31));

        assertRuleRefused(draft, "series.validation.too-many");
    }

    @Test
    void oneDateIsCancelledWithItsReasonAndTheOthersStay() {
        LocalDate first = LocalDate.now().plusDays(2);
        Event event = publish(weekly(first, first.plusWeeks(3), EnumSet.of(first.getDayOfWeek())));
        LocalDateTime second = first.plusWeeks(1).atTime(10, 0);

        fixtures.as(member, () -> events.cancelDate(event.getId(), event.getVersion(), second, "雨天中止"));

        List<EventOccurrence> dates = feedOf(event);
        assertThat(dates).hasSize(4);
        assertThat(dates).filteredOn(EventOccurrence::isCancelled).singleElement().satisfies(date -> {
            assertThat(date.getStartsAt()).isEqualTo(second);
            assertThat(date.getReason()).isEqualTo("雨天中止");
        });
        assertThat(events.findPublic(event.getId()).orElseThrow().getStatus()).isEqualTo(EventStatus.PUBLISHED);
    }

    @Test
    void movedDateKeepsItsIdAndShowsTheNewTime() {
        LocalDate first = LocalDate.now().plusDays(2);
        Event event = publish(weekly(first, first.plusWeeks(2), EnumSet.of(first.getDayOfWeek())));
        LocalDateTime original = first.plusWeeks(1).atTime(10, 0);
        String idBefore = EventOccurrence.publicId(event.getId(), original);

        fixtures.as(member, () -> events.moveDate(event.getId(), event.getVersion(), original,
                original.plusDays(1).withHour(14), original.plusDays(1).withHour(16), "会場の都合"));

        EventOccurrence moved = feedOf(event).stream().filter(EventOccurrence::isMoved).findFirst().orElseThrow();
        assertThat(moved.publicId()).isEqualTo(idBefore);
        assertThat(moved.getStartsAt()).isEqualTo(original.plusDays(1).withHour(14));
        assertThat(moved.getReason()).isEqualTo("会場の都合");
    }

    @Test
    void restoringAChangedDateBringsBackThePlan() {
        LocalDate first = LocalDate.now().plusDays(2);
        Event event = publish(weekly(first, first.plusWeeks(1), EnumSet.of(first.getDayOfWeek())));
        LocalDateTime second = first.plusWeeks(1).atTime(10, 0);
        Event cancelled = fixtures.as(member, () -> events.cancelDate(event.getId(), event.getVersion(), second,
                "体調不良"));

        fixtures.as(member, () -> events.restoreDate(event.getId(), cancelled.getVersion(), second));

        assertThat(feedOf(event)).noneMatch(EventOccurrence::isCancelled).hasSize(2);
    }

    @Test
    void aDateOutsideTheSeriesCannotBeCancelled() {
        LocalDate first = LocalDate.now().plusDays(2);
        Event event = publish(weekly(first, first.plusWeeks(2), EnumSet.of(first.getDayOfWeek())));

        assertThatThrownBy(() -> fixtures.as(member, () -> events.cancelDate(event.getId(), event.getVersion(),
                first.plusDays(1).atTime(10, 0), "雨天")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::messageKey)
                        .containsExactly("series.validation.not-a-date-of-series"));
        assertThat(feedOf(event)).noneMatch(EventOccurrence::isCancelled);
    }

    @Test
    void anotherOrganisationCannotCancelOrMoveADate() {
        LocalDate first = LocalDate.now().plusDays(2);
        Event event = publish(weekly(first, first.plusWeeks(2), EnumSet.of(first.getDayOfWeek())));

        assertThatThrownBy(() -> fixtures.as(otherMember, () -> events.cancelDate(event.getId(), event.getVersion(),
                first.atTime(10, 0), "x"))).isInstanceOf(AccessDeniedException.class);
        assertThat(feedOf(event)).noneMatch(EventOccurrence::isCancelled);
    }

    private void assertRuleRefused(EventDraft draft, String key) {
        assertThatThrownBy(() -> fixtures.as(member, () -> events.save(draft)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::messageKey).contains(key));
    }

    @Test
    void endlessRuleIsRefused() {
        LocalDate first = LocalDate.now().plusDays(2);
        assertRuleRefused(weekly(first, null, EnumSet.of(first.getDayOfWeek())), "series.validation.no-end");
    }

    @Test
    void ruleRunningMoreThanFiveYearsIsRefused() {
        LocalDate first = LocalDate.now().plusDays(2);
        assertRuleRefused(weekly(first, first.plusYears(5).plusWeeks(1), EnumSet.of(first.getDayOfWeek())),
                "series.validation.until");
        EventDraft byCount = weekly(first, null, EnumSet.allOf(DayOfWeek.class));
        byCount.setRecurrence(new Recurrence(Recurrence.Pattern.WEEKLY, 1, EnumSet.allOf(DayOfWeek.class), 0, 0, null,
                1_850));
        assertRuleRefused(byCount, "series.validation.too-many");
    }

    @Test
    void firstDateMustBeADateOfTheRule() {
        LocalDate first = LocalDate.now().plusDays(2);
        DayOfWeek other = first.getDayOfWeek().plus(1);
        assertRuleRefused(weekly(first, first.plusWeeks(3), EnumSet.of(other)),
                "series.validation.start-not-in-rule");
    }

    @Test
    void malformedRulesAreRecognised() {
        assertThatThrownBy(() -> Recurrence.parse("FREQ=SECONDLY;COUNT=5")).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> Recurrence.parse("FREQ=WEEKLY;BYDAY=XX")).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> Recurrence.parse("garbage")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Recurrence.parse("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20270331T235959").toRule())
                .isEqualTo("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20270331T235959");
    }

    @Test
    void previewSaysWhichComingDatesAnEditRemoves() {
        LocalDate first = LocalDate.now().plusDays(2);
        EventDraft draft = weekly(first, first.plusWeeks(4), EnumSet.of(first.getDayOfWeek()));
        draft.setSkipHolidays(false);
        Event event = publish(draft);

        EventDraft shorter = fixtures.as(member, () -> events.loadForEdit(event.getId()));
        shorter.setRecurrence(new Recurrence(Recurrence.Pattern.WEEKLY, 1, EnumSet.of(first.getDayOfWeek()), 0, 0,
                first.plusWeeks(2), null));
        EventService.SeriesChange change = fixtures.as(member, () -> events.previewDates(shorter));

        assertThat(change.removed()).containsExactly(first.plusWeeks(3).atTime(10, 0),
                first.plusWeeks(4).atTime(10, 0));
        assertThat(change.added()).isEmpty();
        assertThat(change.upcoming()).isEqualTo(3);
    }

    @Test
    void feedFiltersWeekendEveningFreeBookingGroupAndFacilities() {
        LocalDate saturday = LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        String word = TestFixtures.unique("filters");
        EventDraft weekendEvening = TestFixtures.draft(salon, word + " weekend evening");
        weekendEvening.setDistrict(district);
        weekendEvening.setStartsAt(saturday.atTime(17, 30));
        weekendEvening.setEndsAt(saturday.atTime(19, 0));
        weekendEvening.setTargetGroups(EnumSet.of(TargetGroup.SINGLE_PARENTS));
        weekendEvening.setFacilities(EnumSet.of(Facility.STROLLER, Facility.NURSING_ROOM));
        publish(weekendEvening);
        EventDraft weekdayPaid = TestFixtures.draft(salon, word + " weekday paid");
        weekdayPaid.setDistrict(district);
        LocalDate weekday = saturday.plusDays(3);
        weekdayPaid.setStartsAt(weekday.atTime(10, 0));
        weekdayPaid.setEndsAt(weekday.atTime(11, 0));
        weekdayPaid.setFree(false);
        weekdayPaid.setFeeYen(300);
        weekdayPaid.setBookingRequired(true);
        weekdayPaid.setBookingHow("電話で");
        weekdayPaid.setFacilities(EnumSet.of(Facility.STROLLER));
        publish(weekdayPaid);

        assertThat(titles(filter(word, true, false, false, false, null, Set.of()))).containsExactly(
                word + " weekend evening");
        assertThat(titles(filter(word, false, true, false, false, null, Set.of()))).containsExactly(
                word + " weekend evening");
        assertThat(titles(filter(word, false, false, true, true, null, Set.of()))).containsExactly(
                word + " weekend evening");
        assertThat(titles(filter(word, false, false, false, false, TargetGroup.SINGLE_PARENTS, Set.of())))
                .containsExactly(word + " weekend evening");
        assertThat(titles(filter(word, false, false, false, false, null, Set.of(Facility.STROLLER))))
                .containsExactly(word + " weekend evening", word + " weekday paid");
        assertThat(titles(filter(word, false, false, false, false, null,
                Set.of(Facility.STROLLER, Facility.NURSING_ROOM)))).containsExactly(word + " weekend evening");
    }

    @Test
    void exportListsPublicEventsWithDatesAheadOnly() {
        LocalDate first = LocalDate.now().plusDays(2);
        Event series = publish(weekly(first, first.plusWeeks(2), EnumSet.of(first.getDayOfWeek())));
        EventDraft past = TestFixtures.draft(salon, series.getTitle() + " past");
        past.setDistrict(district);
        past.setStartsAt(LocalDate.now().minusDays(3).atTime(10, 0));
        past.setEndsAt(LocalDate.now().minusDays(3).atTime(11, 0));
        publish(past);
        EventDraft draft = TestFixtures.draft(salon, series.getTitle() + " draft");
        draft.setDistrict(district);
        fixtures.as(member, () -> events.save(draft));

        assertThat(events.publicEventsWithDatesAhead(new EventFilter(series.getTitle(), null, null, district.getId(),
                null, null), 10)).extracting(Event::getTitle).containsExactly(series.getTitle());
    }

    @Test
    void aMonthViewIncludesDatesAlreadyPastButTheFeedDoesNot() {
        EventDraft past = TestFixtures.draft(salon, TestFixtures.unique("先週のサロン"));
        past.setDistrict(district);
        past.setStartsAt(LocalDate.now().minusDays(2).atTime(10, 0));
        past.setEndsAt(LocalDate.now().minusDays(2).atTime(11, 0));
        publish(past);
        EventFilter range = new EventFilter(past.getTitle(), null, null, district.getId(),
                LocalDate.now().minusDays(7), LocalDate.now().plusDays(7));

        assertThat(events.datesInRange(range, 0, 10)).hasSize(1);
        assertThat(events.datesInRangeCount(range)).isOne();
        assertThat(events.feed(range, 0, 10)).isEmpty();
    }

    private static EventFilter filter(String word, boolean weekend, boolean evening, boolean free, boolean noBooking,
                                      TargetGroup group, Set<Facility> facilities) {
        return new EventFilter(word, null, null, null, null, null, weekend, evening, free, noBooking, group,
                facilities);
    }

    private List<String> titles(EventFilter filter) {
        return events.feed(filter, 0, 50).stream().map(date -> date.getEvent().getTitle()).toList();
    }
}
