package jp.kosodatehub.events.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.kosodatehub.KaribuTest;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.base.AppProperties;
import jp.kosodatehub.base.i18n.TranslationProvider;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.base.ui.MainLayout;
import jp.kosodatehub.events.AgeBand;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventDraft;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.events.JapaneseHolidays;
import jp.kosodatehub.events.Recurrence;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.reference.District;
import jp.kosodatehub.reference.EventKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The printed month sheet: dates grouped by day in order, the filter in words, cancellations in words. */
class PrintViewTest extends KaribuTest {

    private static final String WEEKDAYS = "日月火水木金土";

    @Autowired
    EventService events;

    @Autowired
    AppProperties properties;

    EventKind kind;
    District district;
    String member;
    // Next month, so that every day of it is still to come whenever the test runs.
    YearMonth month;

    @BeforeEach
    void setUp() {
        kind = fixtures.kind("イベント");
        district = fixtures.district("富岡");
        Organisation trusted = fixtures.organisation("trusted", true);
        member = fixtures.member(trusted);
        month = YearMonth.now(Formats.JAPAN).plusMonths(1);
    }

    private EventDraft draft(String title, LocalDateTime start, AgeBand band) {
        EventDraft draft = TestFixtures.draft(kind, title);
        draft.setDistrict(district);
        draft.setStartsAt(start);
        draft.setEndsAt(start.plusHours(2));
        draft.setAgeBands(EnumSet.of(band));
        return draft;
    }

    /** Publishes the draft; the organisation is trusted, so submitting publishes it. */
    private Event publish(EventDraft draft) {
        Event saved = fixtures.as(member, () -> events.save(draft));
        return fixtures.as(member, () -> events.submit(saved.getId(), saved.getVersion()));
    }

    private Event event(String title, LocalDateTime start) {
        return publish(draft(title, start, AgeBand.AGE_1));
    }

    private void open(Map<String, String> parameters) {
        UI.getCurrent().navigate("print", QueryParameters.simple(parameters));
    }

    private static List<NativeTableBody> days() {
        return _find(NativeTableBody.class, spec -> spec.withClasses("print-day"));
    }

    private static String dayLabel(NativeTableBody day) {
        return _get(day, NativeTableHeaderCell.class).getText();
    }

    private static List<String> titles(NativeTableBody day) {
        return _find(day, Span.class, spec -> spec.withClasses("print-event-title")).stream().map(Span::getText)
                .toList();
    }

    private static String conditions() {
        return _get(Paragraph.class, spec -> spec.withClasses("print-conditions")).getText();
    }

    @Test
    void listsTheMonthsDatesGroupedByDayInOrder() {
        event("afternoon", month.atDay(20).atTime(14, 0));
        event("early", month.atDay(5).atTime(10, 0));
        event("morning", month.atDay(20).atTime(9, 0));
        event("not this month", month.plusMonths(1).atDay(2).atTime(10, 0));

        open(Map.of("district", district.getCode(), "month", month.toString()));

        List<NativeTableBody> days = days();
        assertThat(days).hasSize(2);
        LocalDate fifth = month.atDay(5);
        String weekday = String.valueOf(WEEKDAYS.charAt(fifth.getDayOfWeek().getValue() % 7));
        assertThat(dayLabel(days.get(0))).startsWith("5日(" + weekday);
        assertThat(titles(days.get(0))).containsExactly("early");
        assertThat(dayLabel(days.get(1))).startsWith("20日(");
        assertThat(titles(days.get(1))).containsExactly("morning", "afternoon");
        assertThat(BasicUtilsKt.get_textRecursively(days.get(1))).contains("9:00〜11:00").contains("富岡")
                .contains("1歳").contains("無料").contains("申込不要");
        assertThat(_get(H1.class).getText()).isEqualTo(properties.networkName() + " 子育てイベント "
                + month.getYear() + "年" + month.getMonthValue() + "月");
    }

    @Test
    void holidaysAreMarkedInTheDateColumn() {
        int year = LocalDate.now(Formats.JAPAN).getYear() + 1;
        LocalDate holiday = JapaneseHolidays.holidays(year).stream().sorted().findFirst().orElseThrow();
        event("on a holiday", holiday.atTime(10, 0));

        open(Map.of("district", district.getCode(), "month", YearMonth.from(holiday).toString()));

        assertThat(dayLabel(days().getFirst())).endsWith("・祝)");
    }

    @Test
    void describesTheFilterInWords() {
        open(Map.of("district", district.getCode(), "age", "age-1", "weekend", "1", "month", month.toString()));

        assertThat(conditions()).isEqualTo("条件：対象：1歳・地区：富岡・土日祝のみ");
    }

    @Test
    void withoutAFilterSaysAllEvents() {
        open(Map.of("month", month.toString()));

        assertThat(conditions()).isEqualTo("条件：すべてのイベント");
    }

    @Test
    void cancelledDateSaysSoInWords() {
        Event cancelled = event("rained off", month.atDay(12).atTime(10, 0));
        fixtures.as(member, () -> events.cancel(cancelled.getId(), cancelled.getVersion(), "雨天中止"));

        open(Map.of("district", district.getCode(), "month", month.toString()));

        NativeTableRow row = _get(days().getFirst(), NativeTableRow.class);
        assertThat(row.getClassNames()).contains("cancelled");
        assertThat(BasicUtilsKt.get_textRecursively(row)).contains("【中止】").contains("rained off");
    }

    @Test
    void standsAloneWithoutTheAppFrame() {
        open(Map.of("district", district.getCode(), "month", month.toString()));

        _assertNone(MainLayout.class);
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain()).singleElement()
                .isInstanceOf(PrintView.class);
        assertThat(_get(Button.class, spec -> spec.withText("印刷する"))).isNotNull();
    }

    @Test
    void unreadableMonthFallsBackToTheCurrentMonth() {
        YearMonth current = YearMonth.now(Formats.JAPAN);

        open(Map.of("district", district.getCode(), "month", "next-month"));

        assertThat(_get(H1.class).getText()).endsWith(current.getYear() + "年" + current.getMonthValue() + "月");
    }

    @Test
    void footerGivesTheAddressOfTheSameSearchAndTheDateMade() {
        open(Map.of("district", district.getCode(), "free", "1", "month", month.toString()));

        String footer = BasicUtilsKt.get_textRecursively(_get(Footer.class));
        assertThat(footer).containsPattern("https?://[^/]+/\\?district=" + district.getCode() + "&free=1")
                .doesNotContain("month=").contains("作成日：" + LocalDate.now(Formats.JAPAN).getYear() + "年");
    }

    @Test
    void aMonthTooLongForTheSheetSaysHowManyDatesAreLeftOut() {
        // Daily series of 28 dates fit any month: eleven of them make 308 dates.
        Recurrence daily = new Recurrence(Recurrence.Pattern.WEEKLY, 1, EnumSet.allOf(DayOfWeek.class), 0, 0, null,
                28);
        for (int i = 0; i < 11; i++) {
            EventDraft draft = draft("daily " + i, month.atDay(1).atTime(9, i), AgeBand.AGE_1);
            // Every day counts, whatever the month: January's New Year holidays would otherwise be skipped.
            draft.setSkipHolidays(false);
            draft.setRecurrence(daily);
            publish(draft);
        }

        open(Map.of("district", district.getCode(), "month", month.toString()));

        long shown = days().stream().mapToLong(day -> titles(day).size()).sum();
        assertThat(shown).isEqualTo(PrintView.MAX_DATES);
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("print-more")).getText())
                .contains(String.valueOf(308 - PrintView.MAX_DATES));
    }

    @Test
    void englishBrowserGetsEnglishMonthAndWeekdays() {
        event("english", month.atDay(9).atTime(10, 0));
        useLocale(TranslationProvider.ENGLISH);

        open(Map.of("district", district.getCode(), "age", "age-1", "month", month.toString()));

        String monthName = month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        assertThat(_get(H1.class).getText()).endsWith(monthName + " " + month.getYear());
        String weekday = month.atDay(9).getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        assertThat(dayLabel(days().getFirst())).startsWith(weekday + " 9");
        assertThat(conditions()).isEqualTo("Showing: For: Age 1 · Area: 富岡 (en)");
    }
}
