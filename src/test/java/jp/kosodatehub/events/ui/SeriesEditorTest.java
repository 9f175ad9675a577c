package jp.kosodatehub.events.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import jp.kosodatehub.KaribuTest;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.base.ui.ReasonDialog;
import jp.kosodatehub.events.AgeBand;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventOccurrence;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.reference.EventKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A salon published once as a weekly series; one date cancelled from the editor; the series shortened. */
class SeriesEditorTest extends KaribuTest {

    @Autowired
    EventService events;

    EventKind kind;
    String member;
    String title;
    LocalDate first;

    @BeforeEach
    void setUp() {
        kind = fixtures.kind("サロン");
        member = fixtures.member(fixtures.organisation("trusted salon", true));
        title = TestFixtures.unique("毎週サロン");
        // A week without public holidays is not guaranteed; the series below does not skip them.
        first = LocalDate.now().plusDays(2);
    }

    @SuppressWarnings("unchecked")
    private void fillWeeklySeries(int weeks) {
        UI.getCurrent().navigate("my/events/new");
        _setValue(_get(TextField.class, spec -> spec.withLabel("タイトル")), title);
        _setValue(_get(Select.class, spec -> spec.withLabel("種類")), kind);
        _setValue(_get(DateTimePicker.class, spec -> spec.withLabel("開始")), first.atTime(10, 0));
        _setValue(_get(TextField.class, spec -> spec.withLabel("会場名")), "地区センター");
        _setValue(_get(CheckboxGroup.class, spec -> spec.withLabel("対象年齢")), Set.of(AgeBand.AGE_0));
        _setValue(_get(Select.class, spec -> spec.withLabel("繰り返し")), RepeatFields.Kind.WEEKLY);
        assertThat(_get(CheckboxGroup.class, spec -> spec.withLabel("曜日")).getValue())
                .as("the start's weekday is proposed").isEqualTo(Set.of(first.getDayOfWeek()));
        _setValue(_get(DatePicker.class, spec -> spec.withLabel("終了日")), first.plusWeeks(weeks));
        _setValue(_get(com.vaadin.flow.component.checkbox.Checkbox.class, spec -> spec.withLabel("祝日は休み")),
                false);
    }

    private Event saved() {
        List<Event> mine = fixtures.as(member, () -> events.myEvents(Set.of(), 0, 10));
        assertThat(mine).hasSize(1);
        return mine.get(0);
    }

    @Test
    void memberPublishesAWeeklySalonOnceAndCancelsOneDate() {
        login(member);
        fillWeeklySeries(3);
        _click(_get(Button.class, spec -> spec.withText("保存して提出")));

        NotificationsKt.expectNotifications("公開しました");
        Event event = saved();
        assertThat(event.getRecurrenceRule()).startsWith("FREQ=WEEKLY;BYDAY=");
        assertThat(_find(SeriesDates.class)).hasSize(1);

        // Cancel the second date from the list of coming dates.
        SeriesDates dates = _get(SeriesDates.class);
        _click(_find(dates, Button.class, spec -> spec.withText("この日を中止")).get(1));
        ReasonDialog dialog = _get(ReasonDialog.class);
        _setValue(_get(dialog, TextArea.class, spec -> spec.withLabel("理由")), "スタッフの体調不良");
        _click(_get(dialog, Button.class, spec -> spec.withText("この日を中止")));
        NotificationsKt.expectNotifications("この日を中止にしました");

        List<EventOccurrence> upcoming = fixtures.as(member, () -> events.upcomingDates(event.getId(), 0, 10));
        assertThat(upcoming).hasSize(4);
        assertThat(upcoming.get(1).isCancelled()).isTrue();
        assertThat(BasicUtilsKt.get_textRecursively(_get(SeriesDates.class))).contains("スタッフの体調不良");

        // The public page lists the next dates with the cancelled one marked.
        logout();
        UI.getCurrent().navigate("events/" + event.getId());
        String next = BasicUtilsKt.get_textRecursively(_get(com.vaadin.flow.component.html.Div.class,
                spec -> spec.withClasses("next-dates")));
        assertThat(next).contains("次回以降の日程").contains("中止").contains("スタッフの体調不良");
        String facts = BasicUtilsKt.get_textRecursively(_get(com.vaadin.flow.component.html.Div.class,
                spec -> spec.withClasses("event-facts")));
        assertThat(facts).contains("毎週" + first.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT,
                java.util.Locale.JAPANESE) + "曜日 10:00〜12:00").contains("まで）");
    }

    @Test
    void shorteningTheSeriesSaysWhichDatesDisappearBeforeSaving() {
        login(member);
        fillWeeklySeries(4);
        _click(_get(Button.class, spec -> spec.withText("保存して提出")));
        Event event = saved();

        _setValue(_get(DatePicker.class, spec -> spec.withLabel("終了日")), first.plusWeeks(2));
        _click(_get(Button.class, spec -> spec.withText("変更を保存")));

        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(fixtures.as(member, () -> events.upcomingDates(event.getId(), 0, 10))).as("not yet saved")
                .hasSize(5);
        ComponentUtil.fireEvent(confirm, new ConfirmDialog.ConfirmEvent(confirm, true));
        assertThat(fixtures.as(member, () -> events.upcomingDates(event.getId(), 0, 10))).hasSize(3);
    }

    @Test
    @SuppressWarnings("unchecked")
    void repetitionWithoutEndIsShownAtTheCountAndNothingIsSaved() {
        login(member);
        fillWeeklySeries(3);
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withLabel("終わり")), RepeatFields.End.COUNT);
        IntegerField count = _get(IntegerField.class, spec -> spec.withLabel("回数"));

        _click(_get(Button.class, spec -> spec.withText("下書き保存")));

        assertThat(count.isInvalid()).isTrue();
        assertThat(count.getErrorMessage()).contains("終了日か回数");
        assertThat(fixtures.as(member, () -> events.myEventsCount(Set.of()))).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void weekdayNotMatchingTheFirstDateIsShownAtTheWeekdays() {
        login(member);
        fillWeeklySeries(3);
        CheckboxGroup<DayOfWeek> weekdays = _get(CheckboxGroup.class, spec -> spec.withLabel("曜日"));
        _setValue(weekdays, Set.of(first.getDayOfWeek().plus(1)));

        _click(_get(Button.class, spec -> spec.withText("下書き保存")));

        assertThat(weekdays.isInvalid()).isTrue();
        assertThat(weekdays.getErrorMessage()).isEqualTo("最初の開催日時が繰り返しの曜日・日付と合っていません");
        assertThat(fixtures.as(member, () -> events.myEventsCount(Set.of()))).isZero();
    }

    @SuppressWarnings("unchecked")
    private void fillMonthlySeries(LocalDate day) {
        UI.getCurrent().navigate("my/events/new");
        _setValue(_get(TextField.class, spec -> spec.withLabel("タイトル")), title);
        _setValue(_get(Select.class, spec -> spec.withLabel("種類")), kind);
        _setValue(_get(DateTimePicker.class, spec -> spec.withLabel("開始")), day.atTime(10, 0));
        _setValue(_get(TextField.class, spec -> spec.withLabel("会場名")), "地区センター");
        _setValue(_get(CheckboxGroup.class, spec -> spec.withLabel("対象年齢")), Set.of(AgeBand.AGE_0));
        _setValue(_get(Select.class, spec -> spec.withLabel("繰り返し")), RepeatFields.Kind.MONTHLY_WEEKDAY);
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withLabel("終わり")), RepeatFields.End.COUNT);
        _setValue(_get(IntegerField.class, spec -> spec.withLabel("回数")), 12);
    }

    private static String summary() {
        return _get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withClasses("repeat-summary"))
                .getText();
    }

    /** The script the server sends the browser for one component after this round trip. */
    private static List<String> scriptsFor(com.vaadin.flow.component.Component component) {
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .filter(script -> script.getOwner() == component.getElement().getNode())
                .map(script -> script.getInvocation().getExpression()).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void summaryFollowsTheWeekOfTheMonthAtOnce() {
        login(member);
        fillMonthlySeries(LocalDate.of(2027, 1, 5));
        assertThat(summary()).contains("毎月 第1火曜日");

        _setValue(_get(Select.class, spec -> spec.withLabel("第何週")), 2);

        assertThat(summary()).contains("毎月 第2火曜日").doesNotContain("第1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void firstDateInTheFifthWeekIsOfferedAsTheLastWeekdayOfTheMonth() {
        login(member);
        // 29 January 2027 is the fifth Friday: a rule has no 第5, the last Friday of the month is meant.
        fillMonthlySeries(LocalDate.of(2027, 1, 29));

        assertThat(_get(Select.class, spec -> spec.withLabel("第何週")).getValue()).isEqualTo(-1);
        assertThat(summary()).contains("毎月 最終金曜日");
        _click(_get(Button.class, spec -> spec.withText("保存して提出")));
        assertThat(saved().getRecurrenceRule()).isEqualTo("FREQ=MONTHLY;BYDAY=-1FR;COUNT=12");
    }

    @Test
    @SuppressWarnings("unchecked")
    void weekdayIsChosenAndTheFirstDateOnTheRuleIsOffered() {
        login(member);
        // 2026年12月1日 is a Tuesday: 第2月曜 was chosen, whose first date is 14 December.
        fillMonthlySeries(LocalDate.of(2026, 12, 1));
        Select<DayOfWeek> weekday = _get(Select.class, spec -> spec.withLabel("曜日"));
        assertThat(weekday.getValue()).as("proposed from the first date").isEqualTo(DayOfWeek.TUESDAY);
        _setValue(_get(Select.class, spec -> spec.withLabel("第何週")), 2);
        _setValue(weekday, DayOfWeek.MONDAY);

        assertThat(summary()).contains("毎月 第2月曜日");
        String offer = BasicUtilsKt.get_textRecursively(_get(com.vaadin.flow.component.html.Div.class,
                spec -> spec.withClasses("repeat-suggestion")));
        assertThat(offer).contains("2026年12月1日(火)").contains("2026年12月14日(月)");
        _click(_get(Button.class, spec -> spec.withText("最初の開催日をこの日にする")));

        assertThat(_get(DateTimePicker.class, spec -> spec.withLabel("開始")).getValue())
                .isEqualTo(LocalDate.of(2026, 12, 14).atTime(10, 0));
        assertThat(_get(DateTimePicker.class, spec -> spec.withLabel("終了")).getValue())
                .as("the end moves with the start").isEqualTo(LocalDate.of(2026, 12, 14).atTime(12, 0));
        assertThat(_find(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("repeat-suggestion")))
                .as("the offer is gone once taken").isEmpty();
        _click(_get(Button.class, spec -> spec.withText("保存して提出")));

        NotificationsKt.expectNotifications("公開しました");
        assertThat(saved().getRecurrenceRule()).isEqualTo("FREQ=MONTHLY;BYDAY=2MO;COUNT=12");
    }

    @Test
    @SuppressWarnings("unchecked")
    void firstDateOffTheRuleIsRefusedAtTheWeekdayBroughtIntoViewAndFocused() {
        login(member);
        fillMonthlySeries(LocalDate.of(2026, 12, 1));
        _setValue(_get(Select.class, spec -> spec.withLabel("第何週")), 2);
        Select<DayOfWeek> weekday = _get(Select.class, spec -> spec.withLabel("曜日"));
        _setValue(weekday, DayOfWeek.MONDAY);
        scriptsFor(weekday);

        _click(_get(Button.class, spec -> spec.withText("下書き保存")));

        assertThat(weekday.isInvalid()).isTrue();
        assertThat(weekday.getErrorMessage()).isEqualTo("最初の開催日時が繰り返しの曜日・日付と合っていません");
        assertThat(scriptsFor(weekday)).anySatisfy(script -> assertThat(script).contains("scrollIntoView"))
                .anySatisfy(script -> assertThat(script).contains("focus("));
        assertThat(fixtures.as(member, () -> events.myEventsCount(Set.of()))).isZero();
    }

    @Test
    void emptyTitleIsBroughtIntoViewAndFocused() {
        login(member);
        fillWeeklySeries(3);
        TextField titleField = _get(TextField.class, spec -> spec.withLabel("タイトル"));
        _setValue(titleField, "");
        scriptsFor(titleField);

        _click(_get(Button.class, spec -> spec.withText("下書き保存")));

        assertThat(titleField.isInvalid()).isTrue();
        assertThat(scriptsFor(titleField)).anySatisfy(script -> assertThat(script).contains("scrollIntoView"))
                .anySatisfy(script -> assertThat(script).contains("focus("));
    }

    @Test
    @SuppressWarnings("unchecked")
    void countSaysItCountsDatesHeldAndEditorAndPublicPageAgreeOnTwelve() {
        login(member);
        // 第2月曜, 12回, 祝日は休み: 11 October 2027 and 10 January 2028 fall out, so the twelfth is 13 March 2028.
        fillMonthlySeries(LocalDate.of(2027, 2, 8));
        assertThat(_get(IntegerField.class, spec -> spec.withLabel("回数")).getHelperText())
                .contains("休む日は数えず");
        assertThat(summary()).contains("全12回開催、最終回は2028年3月13日(月)です").contains("休む2日は回数に数えません");
        _click(_get(Button.class, spec -> spec.withText("保存して提出")));
        Event event = saved();

        logout();
        UI.getCurrent().navigate("events/" + event.getId());
        String facts = BasicUtilsKt.get_textRecursively(_get(com.vaadin.flow.component.html.Div.class,
                spec -> spec.withClasses("event-facts")));
        assertThat(facts).contains("毎月 第2月曜日").contains("全12回開催・最終回 2028年3月13日(月)")
                .contains("祝日・休止期間の2日は休みで、回数に数えません").doesNotContain("全10回");
    }
}
