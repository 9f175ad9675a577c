package jp.kosodatehub.events.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import jp.kosodatehub.KaribuTest;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.base.ui.ReasonDialog;
import jp.kosodatehub.events.AgeBand;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.events.EventStatus;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.reference.District;
import jp.kosodatehub.reference.EventKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The central loop, through the screens: member submits, office sends back, member fixes, office publishes. */
class PublishingLoopTest extends KaribuTest {

    @Autowired
    EventService events;

    EventKind kind;
    District district;
    String member;
    String coordinator;
    String title;

    @BeforeEach
    void setUp() {
        kind = fixtures.kind("サロン");
        district = fixtures.district("富岡");
        Organisation salon = fixtures.organisation("salon", false);
        member = fixtures.member(salon);
        coordinator = fixtures.coordinator();
        title = TestFixtures.unique("ひよこサロン");
    }

    @Test
    void memberSubmitsOfficeSendsBackMemberFixesOfficePublishesParentFindsIt() {
        // A member creates and submits an event.
        login(member);
        UI.getCurrent().navigate("my/events/new");
        _setValue(_get(TextField.class, spec -> spec.withLabel("タイトル")), title);
        _setValue(_get(Select.class, spec -> spec.withLabel("種類")), kind);
        _setValue(_get(Select.class, spec -> spec.withLabel("地区")), district);
        _setValue(_get(DateTimePicker.class, spec -> spec.withLabel("開始")),
                LocalDate.now().plusDays(2).atTime(10, 0));
        _setValue(_get(TextField.class, spec -> spec.withLabel("会場名")), "富岡地区センター");
        _setValue(_get(CheckboxGroup.class, spec -> spec.withLabel("対象年齢")), Set.of(AgeBand.AGE_1));
        _click(_get(Button.class, spec -> spec.withText("保存して提出")));

        NotificationsKt.expectNotifications("提出しました。事務局の承認をお待ちください");
        Event submitted = single();
        assertThat(submitted.getStatus()).isEqualTo(EventStatus.SUBMITTED);
        assertThat(submitted.getEndsAt()).isEqualTo(submitted.getStartsAt().plusHours(2));

        // The coordinator sees it in the queue and sends it back with a reason.
        logout();
        login(coordinator);
        UI.getCurrent().navigate("moderation");
        Grid<?> queue = _get(Grid.class);
        assertThat(GridKt._findAll(queue)).extracting(item -> ((Event) item).getTitle()).contains(title);
        UI.getCurrent().navigate("moderation/" + submitted.getId());
        _click(_get(Button.class, spec -> spec.withText("差し戻す")));
        ReasonDialog dialog = _get(ReasonDialog.class);
        _setValue(_get(dialog, TextArea.class, spec -> spec.withLabel("理由")), "住所を書いてください");
        _click(_get(dialog, Button.class, spec -> spec.withText("差し戻す")));
        NotificationsKt.expectNotifications("差し戻しました");

        // The member sees the reason, fixes the event and resubmits.
        logout();
        login(member);
        UI.getCurrent().navigate("my/events/" + submitted.getId());
        assertThat(_get(H1.class).getText()).isEqualTo("イベントを編集");
        assertThat(_find(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("status-reason")))
                .singleElement()
                .satisfies(box -> assertThat(com.github.mvysny.kaributesting.v10.BasicUtilsKt
                        .get_textRecursively(box)).contains("住所を書いてください"));
        _setValue(_get(TextField.class, spec -> spec.withLabel("住所")), "横浜市金沢区富岡東4-1-5");
        _click(_get(Button.class, spec -> spec.withText("保存して提出")));
        assertThat(single().getStatus()).isEqualTo(EventStatus.SUBMITTED);

        // The coordinator publishes it.
        logout();
        login(coordinator);
        UI.getCurrent().navigate("moderation/" + submitted.getId());
        _click(_get(Button.class, spec -> spec.withText("公開する")));
        NotificationsKt.expectNotifications("公開しました");
        assertThat(single().getStatus()).isEqualTo(EventStatus.PUBLISHED);

        // An anonymous parent finds it by age band and opens its page.
        logout();
        UI.getCurrent().navigate("", QueryParameters.of("district", district.getCode()));
        _setValue(_get(Select.class, spec -> spec.withLabel("子どもの年齢")), AgeBand.AGE_2);
        assertThat(feedTitles()).doesNotContain(title);
        _setValue(_get(Select.class, spec -> spec.withLabel("子どもの年齢")), AgeBand.AGE_1);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters())
                .contains("age=age-1").contains("district=" + district.getCode());
        assertThat(feedTitles()).containsExactly(title);
        // The card's title is a plain link for the browser's router: follow it as the browser would.
        UI.getCurrent().navigate(_get(EventCard.class).href());
        assertThat(_get(EventPageView.class)).isNotNull();
        assertThat(_get(H1.class).getText()).isEqualTo(title);
    }

    private List<String> feedTitles() {
        return _find(EventCard.class).stream()
                .map(EventCard::title).toList();
    }

    private Event single() {
        List<Event> mine = fixtures.as(member, () -> events.myEvents(Set.of(), 0, 10));
        assertThat(mine).hasSize(1);
        return mine.get(0);
    }
}
