package jp.kosodatehub.events.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import jp.kosodatehub.KaribuTest;
import jp.kosodatehub.events.AgeBand;
import jp.kosodatehub.events.EventLimits;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.reference.EventKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Each kind of bad input is reported at its field, in Japanese, and nothing is saved. */
class EventFormValidationTest extends KaribuTest {

    @Autowired
    EventService events;

    String member;
    EventKind kind;
    LocalDateTime start = LocalDate.now().plusDays(3).atTime(10, 0);

    @BeforeEach
    void openEmptyForm() {
        kind = fixtures.kind("講座");
        member = fixtures.member(fixtures.organisation("validation", false));
        login(member);
        UI.getCurrent().navigate("my/events/new");
        _setValue(title(), "離乳食講座");
        _setValue(_get(Select.class, spec -> spec.withLabel("種類")), kind);
        _setValue(startsAt(), start);
        _setValue(_get(TextField.class, spec -> spec.withLabel("会場名")), "地区センター");
        _setValue(_get(CheckboxGroup.class, spec -> spec.withLabel("対象年齢")), Set.of(AgeBand.AGE_0));
    }

    private static TextField title() {
        return _get(TextField.class, spec -> spec.withLabel("タイトル"));
    }

    private static DateTimePicker startsAt() {
        return _get(DateTimePicker.class, spec -> spec.withLabel("開始"));
    }

    private static DateTimePicker endsAt() {
        return _get(DateTimePicker.class, spec -> spec.withLabel("終了"));
    }

    private void saveAndExpectRefusal(HasValidation field, String message) {
        _click(_get(Button.class, spec -> spec.withText("下書き保存")));
        assertThat(field.isInvalid()).as("field marked invalid").isTrue();
        assertThat(field.getErrorMessage()).isEqualTo(message);
        NotificationsKt.expectNotifications("入力内容をご確認ください。");
        assertThat(fixtures.as(member, () -> events.myEventsCount(Set.of()))).as("nothing saved").isZero();
    }

    @Test
    void validFormIsSavedAsDraft() {
        _click(_get(Button.class, spec -> spec.withText("下書き保存")));

        NotificationsKt.expectNotifications("保存しました");
        assertThat(fixtures.as(member, () -> events.myEventsCount(Set.of()))).isOne();
    }

    @Test
    void endBeforeStartIsShownAtTheEnd() {
        _setValue(endsAt(), start.minusHours(1));
        saveAndExpectRefusal(endsAt(), "終了は開始より後にしてください");
    }

    @Test
    void emptyTitleIsShownAtTheTitle() {
        _setValue(title(), "   ");
        saveAndExpectRefusal(title(), "入力してください");
    }

    @Test
    void overlongTitleIsShownAtTheTitle() {
        _setValue(title(), "長".repeat(EventLimits.TITLE_MAX + 1));
        saveAndExpectRefusal(title(), "文字数が多すぎます");
    }

    @Test
    void scriptInTitleIsShownAtTheTitle() {
        _setValue(title(), "<script>alert('x')</script>");
        saveAndExpectRefusal(title(), "HTMLタグやスクリプトは使えません");
    }

    @Test
    void markupInDescriptionIsShownAtTheDescription() {
        TextArea description = _get(TextArea.class, spec -> spec.withLabel("内容"));
        _setValue(description, "楽しい会です<iframe src=https://evil.example/>");
        saveAndExpectRefusal(description, "HTMLタグやスクリプトは使えません");
    }

    @Test
    void negativeCapacityIsShownAtTheCapacity() {
        IntegerField capacity = _get(IntegerField.class, spec -> spec.withLabel("定員"));
        _setValue(capacity, -1);
        saveAndExpectRefusal(capacity, "定員は0〜100000の数で入力してください");
    }

    @Test
    void dateInYear99999IsShownAtTheStart() {
        _setValue(startsAt(), LocalDateTime.of(99999, 11, 24, 10, 0));
        saveAndExpectRefusal(startsAt(), "日付が範囲外です（1年前から3年先まで）");
    }
}
