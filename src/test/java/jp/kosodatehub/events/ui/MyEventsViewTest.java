package jp.kosodatehub.events.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import jp.kosodatehub.KaribuTest;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.base.ui.NotFoundView;
import jp.kosodatehub.events.AgeBand;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.events.EventStatus;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.reference.EventKind;
import jp.kosodatehub.security.ui.LoginView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A member's list of their own events, the menu by role, duplicating, and the office posting for a member. */
class MyEventsViewTest extends KaribuTest {

    @Autowired
    EventService events;

    EventKind kind;
    Organisation ours;
    String member;
    String otherMember;
    String coordinator;

    @BeforeEach
    void setUp() {
        kind = fixtures.kind("サロン");
        ours = fixtures.organisation("ours", false);
        member = fixtures.member(ours);
        otherMember = fixtures.member(fixtures.organisation("theirs", false));
        coordinator = fixtures.coordinator();
    }

    private Event create(String who, String title) {
        return fixtures.as(who, () -> events.save(TestFixtures.draft(kind, title)));
    }

    @SuppressWarnings("unchecked")
    private static List<Event> rows() {
        return GridKt._findAll((Grid<Event>) _get(Grid.class));
    }

    @Test
    void memberSeesOwnEventsFilteredByStateWithTheSendBackReason() {
        Event draft = create(member, "下書きのイベント");
        Event sent = create(member, "差し戻されたイベント");
        Event submitted = fixtures.as(member, () -> events.submit(sent.getId(), sent.getVersion()));
        fixtures.as(coordinator, () -> events.sendBack(sent.getId(), submitted.getVersion(), "日時を確認してください"));
        create(otherMember, "よその団体のイベント");

        login(member);
        UI.getCurrent().navigate("my/events");
        assertThat(rows()).extracting(Event::getTitle)
                .containsExactlyInAnyOrder("下書きのイベント", "差し戻されたイベント");

        _setValue(_get(Select.class, spec -> spec.withLabel("状態")), EventStatus.SENT_BACK);
        assertThat(rows()).extracting(Event::getTitle).containsExactly("差し戻されたイベント");
        assertThat(rows().get(0).getStatusReason()).isEqualTo("日時を確認してください");
        assertThat(draft.getStatus()).isEqualTo(EventStatus.DRAFT);
    }

    @Test
    void duplicateStartsANewEventWithTheSameContent() {
        Event original = create(member, "毎月のサロン");
        login(member);
        UI.getCurrent().navigate("my/events/" + original.getId());

        _click(_get(Button.class, spec -> spec.withText("複製して新規作成")));
        assertThat(_get(TextField.class, spec -> spec.withLabel("タイトル")).getValue()).isEqualTo("毎月のサロン");
        _click(_get(Button.class, spec -> spec.withText("下書き保存")));

        NotificationsKt.expectNotifications("保存しました");
        assertThat(fixtures.as(member, () -> events.myEvents(Set.of(), 0, 10))).hasSize(2)
                .allSatisfy(event -> assertThat(event.getTitle()).isEqualTo("毎月のサロン"));
    }

    @Test
    void anotherOrganisationsEventCannotBeOpenedOrDuplicatedByAddress() {
        Event theirs = create(otherMember, "よその下書き");
        login(member);

        UI.getCurrent().navigate("my/events/" + theirs.getId());
        _get(NotFoundView.class);
        UI.getCurrent().navigate("my/events/new", QueryParameters.of("copy",
                String.valueOf(theirs.getId())));
        _get(NotFoundView.class);
    }

    @Test
    void withdrawingAskForConfirmationThenRemovesTheEventFromThePublicSide() {
        Event event = create(member, "取り下げるイベント");
        login(member);
        UI.getCurrent().navigate("my/events/" + event.getId());

        _click(_get(Button.class, spec -> spec.withText("取り下げる")));
        ConfirmDialog confirm =
                _get(ConfirmDialog.class);
        ComponentUtil.fireEvent(confirm,
                new ConfirmDialog.ConfirmEvent(confirm, true));

        assertThat(fixtures.as(member, () -> events.get(event.getId())).getStatus()).isEqualTo(EventStatus.WITHDRAWN);
    }

    @Test
    void officePostsAnEventForAMemberOrganisation() {
        login(coordinator);
        UI.getCurrent().navigate("my/events/new");
        _setValue(_get(ComboBox.class, spec -> spec.withLabel("主催")), ours);
        _setValue(_get(TextField.class, spec -> spec.withLabel("タイトル")), "事務局が代理で登録");
        _setValue(_get(Select.class, spec -> spec.withLabel("種類")), kind);
        _setValue(_get(DateTimePicker.class,
                spec -> spec.withLabel("開始")), LocalDate.now().plusDays(4).atTime(13, 0));
        _setValue(_get(TextField.class, spec -> spec.withLabel("会場名")), "区役所");
        _setValue(_get(CheckboxGroup.class, spec -> spec.withLabel("対象年齢")),
                Set.of(AgeBand.AGE_2));
        _click(_get(Button.class, spec -> spec.withText("下書き保存")));

        assertThat(fixtures.as(member, () -> events.myEvents(Set.of(), 0, 10))).extracting(Event::getTitle)
                .containsExactly("事務局が代理で登録");
    }

    @Test
    void anonymousVisitorIsSentToTheLoginForStaffPages() {
        for (String route : List.of("my/events", "my/events/new", "moderation", "admin/accounts", "my/password")) {
            UI.getCurrent().navigate(route);
            assertThat(_find(LoginView.class)).as(route).hasSize(1);
        }
    }

    @Test
    void memberIsRefusedTheModerationQueue() {
        login(member);
        UI.getCurrent().navigate("moderation");
        _get(NotFoundView.class);
        assertThat(_find(ModerationView.class)).isEmpty();
    }

    @Test
    void menuShowsWorkByRoleWithTheNumberWaitingForTheOffice() {
        Event event = create(member, "承認待ちのイベント");
        fixtures.as(member, () -> events.submit(event.getId(), event.getVersion()));
        long waiting = fixtures.as(coordinator, () -> events.moderationCount());

        login(coordinator);
        UI.getCurrent().navigate("my/events");
        SideNavItem moderation = _get(SideNavItem.class, spec -> spec.withLabel("承認待ち"));
        assertThat(moderation.getSuffixComponent().getElement().getText()).isEqualTo(String.valueOf(waiting));

        login(member);
        UI.getCurrent().navigate("my/events");
        assertThat(_find(SideNavItem.class, spec -> spec.withLabel("承認待ち"))).isEmpty();
        assertThat(_find(SideNavItem.class, spec -> spec.withLabel("自団体のイベント"))).hasSize(1);

        logout();
        assertThat(_find(SideNavItem.class)).isEmpty();
        assertThat(_get(Anchor.class, spec -> spec.withText("ログイン")).getHref()).isEqualTo("login");
    }
}
