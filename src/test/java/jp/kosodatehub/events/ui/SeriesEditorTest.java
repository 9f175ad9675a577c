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
}
