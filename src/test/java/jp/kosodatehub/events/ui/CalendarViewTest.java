package jp.kosodatehub.events.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.kosodatehub.KaribuTest;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.base.i18n.TranslationProvider;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.events.AgeBand;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventDraft;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.events.JapaneseHolidays;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.reference.District;
import jp.kosodatehub.reference.EventKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The month calendar: dates in their day cells, the feed's filters in the address, Japanese calendar colours. */
class CalendarViewTest extends KaribuTest {

    @Autowired
    EventService events;

    EventKind kind;
    District district;
    String member;
    // Next month, so that every day of it is still to come whenever the test runs.
    YearMonth month;

    @BeforeEach
    void setUp() {
        kind = fixtures.kind("イベント");
        district = fixtures.district("カレンダー地区");
        Organisation trusted = fixtures.organisation("trusted", true);
        member = fixtures.member(trusted);
        month = YearMonth.now(Formats.JAPAN).plusMonths(1);
    }

    /** A published event in this test's district; the organisation is trusted, so submitting publishes it. */
    private Event event(String title, LocalDateTime start, AgeBand band) {
        EventDraft draft = TestFixtures.draft(kind, title);
        draft.setDistrict(district);
        draft.setStartsAt(start);
        draft.setEndsAt(start.plusHours(2));
        draft.setAgeBands(EnumSet.of(band));
        Event saved = fixtures.as(member, () -> events.save(draft));
        return fixtures.as(member, () -> events.submit(saved.getId(), saved.getVersion()));
    }

    private void open(Map<String, String> parameters) {
        UI.getCurrent().navigate("calendar", QueryParameters.simple(parameters));
    }

    private static NativeTableCell cell(LocalDate day) {
        return _find(NativeTableCell.class).stream()
                .filter(cell -> day.toString().equals(cell.getElement().getAttribute("data-date")))
                .findFirst().orElseThrow(() -> new AssertionError("no cell for " + day));
    }

    private static List<String> titles(NativeTableCell cell) {
        return _find(cell, RouterLink.class).stream().map(RouterLink::getText).toList();
    }

    private static List<String> allTitles() {
        return _find(ListItem.class, spec -> spec.withClasses("calendar-entry")).stream()
                .map(item -> _get(item, RouterLink.class).getText()).toList();
    }

    private static Location location() {
        return UI.getCurrent().getInternals().getActiveViewLocation();
    }

    private LocalDate first(DayOfWeek weekday) {
        return month.atDay(1).with(TemporalAdjusters.nextOrSame(weekday));
    }

    /** A Monday to Friday of the month that is no public holiday. */
    private LocalDate plainWeekday() {
        LocalDate day = first(DayOfWeek.WEDNESDAY);
        while (JapaneseHolidays.isWeekendOrHoliday(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    @Test
    void showsTheMonthsDatesInTheirDayCells() {
        event("third", month.atDay(3).atTime(10, 0), AgeBand.AGE_1);
        event("seventeenth", month.atDay(17).atTime(13, 30), AgeBand.AGE_1);
        event("next month", month.plusMonths(1).atDay(3).atTime(10, 0), AgeBand.AGE_1);

        open(Map.of("district", district.getCode(), "month", month.toString()));

        assertThat(_get(H1.class).getText()).isEqualTo(month.getYear() + "年" + month.getMonthValue() + "月");
        assertThat(titles(cell(month.atDay(3)))).containsExactly("third");
        assertThat(BasicUtilsKt.get_textRecursively(cell(month.atDay(17)))).contains("13:30");
        assertThat(titles(cell(month.atDay(17)))).containsExactly("seventeenth");
        assertThat(allTitles()).containsExactly("third", "seventeenth");
    }

    @Test
    void weeksStartOnSundayAndDaysOutsideTheMonthStayEmpty() {
        open(Map.of("district", district.getCode(), "month", month.toString()));

        List<NativeTableCell> cells = _find(NativeTableCell.class);
        LocalDate firstCell = LocalDate.parse(cells.getFirst().getElement().getAttribute("data-date"));
        assertThat(firstCell.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(cells).hasSizeBetween(28, 42);
        assertThat(cells.size() % 7).isZero();
        if (firstCell.isBefore(month.atDay(1))) {
            assertThat(cells.getFirst().getClassNames()).contains("outside");
            assertThat(BasicUtilsKt.get_textRecursively(cells.getFirst())).isBlank();
        }
    }

    @Test
    void ageBandAndWeekendFromTheAddressAreApplied() {
        LocalDate saturday = first(DayOfWeek.SATURDAY);
        LocalDate weekday = plainWeekday();
        event("weekday babies", weekday.atTime(10, 0), AgeBand.AGE_0);
        event("weekday school", weekday.atTime(15, 0), AgeBand.ELEMENTARY);
        event("saturday babies", saturday.atTime(10, 0), AgeBand.AGE_0);
        event("saturday school", saturday.atTime(15, 0), AgeBand.ELEMENTARY);

        open(Map.of("district", district.getCode(), "month", month.toString(), "age", "elementary",
                "weekend", "1"));

        assertThat(allTitles()).containsExactly("saturday school");
        assertThat(_get(Select.class, spec -> spec.withLabel("子どもの年齢")).getValue())
                .isEqualTo(AgeBand.ELEMENTARY);
    }

    @Test
    void nextAndPreviousMonthKeepTheFiltersAndUpdateTheAddress() {
        event("in the month after", month.plusMonths(1).atDay(8).atTime(10, 0), AgeBand.AGE_2);
        open(Map.of("district", district.getCode(), "age", "age-2", "month", month.toString()));
        assertThat(allTitles()).isEmpty();
        _click(_get(Button.class, spec -> spec.withText("次の月")));

        YearMonth after = month.plusMonths(1);
        assertThat(location().getPath()).isEqualTo("calendar");
        assertThat(location().getQueryParameters().getParameters()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "district", List.of(district.getCode()), "age", List.of("age-2"), "month", List.of(after.toString())));
        assertThat(_get(H1.class).getText()).isEqualTo(after.getYear() + "年" + after.getMonthValue() + "月");
        assertThat(allTitles()).containsExactly("in the month after");

        _click(_get(Button.class, spec -> spec.withText("前の月")));
        _click(_get(Button.class, spec -> spec.withText("前の月")));

        assertThat(location().getQueryParameters().getParameters()).containsEntry("month",
                List.of(month.minusMonths(1).toString())).containsEntry("age", List.of("age-2"));
    }

    @Test
    void changingAFilterKeepsTheMonth() {
        open(Map.of("district", district.getCode(), "month", month.toString()));

        _get(Select.class, spec -> spec.withLabel("子どもの年齢")).setValue(AgeBand.PRESCHOOL);

        assertThat(location().getQueryParameters().getParameters()).containsEntry("month",
                List.of(month.toString())).containsEntry("age", List.of("preschool"))
                .containsEntry("district", List.of(district.getCode()));
    }

    @Test
    void clearingTheFiltersKeepsTheMonth() {
        open(Map.of("district", district.getCode(), "weekend", "1", "month", month.toString()));

        _click(_get(Button.class, spec -> spec.withText("条件をクリア")));

        assertThat(location().getQueryParameters().getParameters())
                .containsExactlyEntriesOf(Map.of("month", List.of(month.toString())));
    }

    @Test
    void linksToTheListAndThePrintedSheetCarryTheFilters() {
        open(Map.of("district", district.getCode(), "free", "1", "month", month.toString()));

        RouterLink list = _get(RouterLink.class, spec -> spec.withText("一覧で見る"));
        RouterLink print = _get(RouterLink.class, spec -> spec.withText("印刷用"));

        assertThat(list.getHref()).startsWith("?").contains("district=" + district.getCode()).contains("free=1")
                .doesNotContain("month");
        assertThat(print.getHref()).startsWith("print?").contains("district=" + district.getCode())
                .contains("free=1").contains("month=" + month);
    }

    @Test
    void holidaysAndWeekendsAreMarked() {
        int year = LocalDate.now(Formats.JAPAN).getYear() + 1;
        LocalDate holiday = JapaneseHolidays.holidays(year).stream().sorted().findFirst().orElseThrow();
        YearMonth holidayMonth = YearMonth.from(holiday);

        open(Map.of("district", district.getCode(), "month", holidayMonth.toString()));

        NativeTableCell holidayCell = cell(holiday);
        assertThat(holidayCell.getClassNames()).contains("holiday");
        assertThat(BasicUtilsKt.get_textRecursively(holidayCell)).contains("祝日");
        LocalDate saturday = holidayMonth.atDay(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        LocalDate sunday = holidayMonth.atDay(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        if (!JapaneseHolidays.isHoliday(saturday)) {
            assertThat(cell(saturday).getClassNames()).contains("saturday").doesNotContain("holiday");
        }
        if (!JapaneseHolidays.isHoliday(sunday)) {
            assertThat(cell(sunday).getClassNames()).contains("sunday");
        }
        LocalDate workday = holidayMonth.atDay(1);
        while (JapaneseHolidays.isWeekendOrHoliday(workday)) {
            workday = workday.plusDays(1);
        }
        assertThat(cell(workday).getClassNames()).doesNotContain("holiday", "saturday", "sunday");
    }

    @Test
    void cancelledDateIsStruckThroughAndSaysSo() {
        Event cancelled = event("rained off", month.atDay(12).atTime(10, 0), AgeBand.AGE_1);
        fixtures.as(member, () -> events.cancel(cancelled.getId(), cancelled.getVersion(), "雨天中止"));

        open(Map.of("district", district.getCode(), "month", month.toString()));

        ListItem entry = _get(cell(month.atDay(12)), ListItem.class);
        assertThat(entry.getClassNames()).contains("cancelled");
        assertThat(BasicUtilsKt.get_textRecursively(entry)).contains("rained off").contains("中止");
    }

    @Test
    void todayIsHighlightedInTheCurrentMonthShownByDefault() {
        LocalDate today = LocalDate.now(Formats.JAPAN);

        open(Map.of("district", district.getCode()));

        assertThat(_get(H1.class).getText()).isEqualTo(today.getYear() + "年" + today.getMonthValue() + "月");
        NativeTableCell todayCell = cell(today);
        assertThat(todayCell.getClassNames()).contains("today");
        assertThat(todayCell.getElement().getAttribute("aria-current")).isEqualTo("date");
    }

    @Test
    void unreadableMonthShowsTheCurrentMonth() {
        LocalDate today = LocalDate.now(Formats.JAPAN);

        open(Map.of("district", district.getCode(), "month", "2026-13"));

        assertThat(_get(H1.class).getText()).isEqualTo(today.getYear() + "年" + today.getMonthValue() + "月");
    }

    @Test
    void englishBrowserGetsEnglishMonthAndWeekdayNames() {
        event("english", month.atDay(9).atTime(10, 0), AgeBand.AGE_1);
        useLocale(TranslationProvider.ENGLISH);

        open(Map.of("district", district.getCode(), "month", month.toString()));

        String monthName = month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        assertThat(_get(H1.class).getText()).isEqualTo(monthName + " " + month.getYear());
        assertThat(_get(Button.class, spec -> spec.withText("Next month"))).isNotNull();
        assertThat(BasicUtilsKt.get_textRecursively(_find(NativeTableRow.class).getFirst()))
                .contains("Sun").contains("Sat");
        assertThat(UI.getCurrent().getInternals().getTitle()).startsWith("Events calendar, " + monthName);
    }
}
