package jp.kosodatehub.volunteers.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Set;
import jp.kosodatehub.KaribuTest;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.reference.District;
import jp.kosodatehub.reference.EventKind;
import jp.kosodatehub.volunteers.Opening;
import jp.kosodatehub.volunteers.OpeningSchedule;
import jp.kosodatehub.volunteers.OpeningService;
import jp.kosodatehub.volunteers.PostStatus;
import jp.kosodatehub.volunteers.SupporterType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Openings through the screens: a member posts one, the office publishes it, a visitor finds it. */
class OpeningsJourneyTest extends KaribuTest {

    @Autowired
    OpeningService openings;

    @Autowired
    EventService events;

    District district;
    String member;
    String coordinator;
    String role;

    @BeforeEach
    void setUp() {
        district = fixtures.district("富岡");
        Organisation salon = fixtures.organisation("salon", false);
        member = fixtures.member(salon);
        coordinator = fixtures.coordinator();
        role = TestFixtures.unique("サロンの受付");
    }

    @Test
    void memberPostsOfficePublishesVisitorFindsItWithTheFilter() {
        // A member fills in the form and submits.
        login(member);
        UI.getCurrent().navigate("my/volunteers/openings/new");
        _setValue(_get(TextField.class, spec -> spec.withLabel("役割")), role);
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withLabel("日時")), OpeningSchedule.ONGOING);
        _setValue(_get(TextField.class, spec -> spec.withLabel("場所")), "富岡地区センター");
        _setValue(_get(Select.class, spec -> spec.withLabel("地区")), district);
        _setValue(_get(IntegerField.class, spec -> spec.withLabel("募集人数")), 3);
        _setValue(_get(CheckboxGroup.class, spec -> spec.withLabel("どなた向け")), Set.of(SupporterType.PARENT));
        _setValue(_get(TextField.class, spec -> spec.withLabel("必要な研修・資格")), "子育て支援員研修");
        _setValue(_get(TextField.class, spec -> spec.withLabel("担当者")), "担当 山田");
        _setValue(_get(TextArea.class, spec -> spec.withLabel("内容")), "受付と見守りのお手伝いです。");
        _click(_get(Button.class, spec -> spec.withText("保存して提出")));

        NotificationsKt.expectNotifications("提出しました。事務局の承認をお待ちください");
        Opening submitted = mine();
        assertThat(submitted.getStatus()).isEqualTo(PostStatus.SUBMITTED);
        assertThat(submitted.getPeopleNeeded()).isEqualTo(3);
        assertThat(submitted.getSuitableFor()).containsExactly(SupporterType.PARENT);

        // The office sees it in its queue, as the public will, and publishes it.
        login(coordinator);
        UI.getCurrent().navigate("moderation/volunteers");
        Div entry = submission();
        assertThat(_find(entry, Anchor.class)).isEmpty();
        _click(_get(entry, Button.class, spec -> spec.withText("公開する")));
        NotificationsKt.expectNotifications("公開しました");
        assertThat(openings.findPublic(submitted.getId())).isPresent();

        // A visitor finds it on the board and narrows the board down.
        logout();
        UI.getCurrent().navigate("volunteer");
        _get(com.vaadin.flow.component.html.H1.class, spec -> spec.withText("ボランティア募集"));
        _setValue(_get(Select.class, spec -> spec.withLabel("地区")), district);
        assertThat(location()).contains("district=" + district.getCode());
        assertThat(roleLinks()).hasSize(1);
        Anchor link = roleLinks().get(0);
        assertThat(link.getHref()).isEqualTo("volunteer/" + submitted.getId());
        Div card = (Div) link.getParent().flatMap(heading -> heading.getParent()).orElseThrow();
        assertThat(_find(card, Span.class).stream().map(Span::getText))
                .contains("随時", "3人募集", "子育て中の方・子連れ可", "必要な研修・資格：子育て支援員研修");

        _setValue(_get(Select.class, spec -> spec.withLabel("どなた向け")), SupporterType.STUDENT);
        assertThat(location()).contains("for=student");
        assertThat(roleLinks()).isEmpty();
        _get(com.vaadin.flow.component.html.Paragraph.class,
                spec -> spec.withText("条件に合う募集は今ありません。条件を変えてみてください。"));

        _setValue(_get(Select.class, spec -> spec.withLabel("どなた向け")), SupporterType.PARENT);
        _setValue(_get(Select.class, spec -> spec.withLabel("時期")),
                jp.kosodatehub.volunteers.OpeningFilter.Timing.ONGOING);
        assertThat(location()).contains("when=ongoing");
        assertThat(roleLinks()).hasSize(1);

        // A shared link opens the same filtered board.
        UI.getCurrent().navigate("volunteer",
                QueryParameters.fromString("for=parent&district=" + district.getCode() + "&when=dated"));
        assertThat(_get(Select.class, spec -> spec.withLabel("時期")).getValue())
                .isEqualTo(jp.kosodatehub.volunteers.OpeningFilter.Timing.DATED);
        assertThat(roleLinks()).isEmpty();
    }

    @Test
    void trustedMemberLinksAnOpeningToAnEventAndTheEventPageShowsIt() {
        Organisation trusted = fixtures.organisation("trusted", true);
        String trustedMember = fixtures.member(trusted);
        EventKind kind = fixtures.kind("サロン");
        String title = TestFixtures.unique("ひよこサロン");
        Event event = fixtures.as(trustedMember, () -> {
            Event saved = events.save(TestFixtures.draft(kind, title));
            return events.submit(saved.getId(), saved.getVersion());
        });

        login(trustedMember);
        UI.getCurrent().navigate("my/volunteers/openings/new");
        _setValue(_get(TextField.class, spec -> spec.withLabel("役割")), role);
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withLabel("日時")), OpeningSchedule.EVENT);
        _setValue(_get(Select.class, spec -> spec.withLabel("催し")), event);
        _setValue(_get(CheckboxGroup.class, spec -> spec.withLabel("どなた向け")), Set.of(SupporterType.ANYONE));
        _setValue(_get(TextField.class, spec -> spec.withLabel("担当者")), "担当 佐藤");
        _click(_get(Button.class, spec -> spec.withText("保存して提出")));
        NotificationsKt.expectNotifications("公開しました");

        logout();
        UI.getCurrent().navigate("events/" + event.getId());
        _get(H2.class, spec -> spec.withText("この催しのボランティア募集"));
        Anchor link = _get(Anchor.class, spec -> spec.withText(role));
        assertThat(link.getHref()).startsWith("volunteer/");
    }

    @Test
    void badInputIsShownAtTheFieldsAndNothingIsSaved() {
        login(member);
        UI.getCurrent().navigate("my/volunteers/openings/new");
        _setValue(_get(TextField.class, spec -> spec.withLabel("役割")), "<b>受付</b>");
        _setValue(_get(IntegerField.class, spec -> spec.withLabel("募集人数")), 0);
        _click(_get(Button.class, spec -> spec.withText("下書き保存")));

        assertThat(_get(TextField.class, spec -> spec.withLabel("役割")).isInvalid()).isTrue();
        assertThat(_get(IntegerField.class, spec -> spec.withLabel("募集人数")).isInvalid()).isTrue();
        assertThat(_get(CheckboxGroup.class, spec -> spec.withLabel("どなた向け")).isInvalid()).isTrue();
        assertThat(fixtures.as(member, () -> openings.myOpeningsCount(Set.of()))).isZero();
    }

    private Opening mine() {
        return fixtures.as(member, () -> openings.myOpenings(Set.of(), 0, 10)).stream()
                .filter(opening -> opening.getRole().equals(role)).findFirst().orElseThrow();
    }

    /** Our submission among whatever else waits in the shared test database. */
    private Div submission() {
        while (true) {
            List<Div> entries = _find(Div.class, spec -> spec.withClasses("opening-submission"));
            for (Div entry : entries) {
                if (!_find(entry, H3.class, spec -> spec.withText(role)).isEmpty()) {
                    return entry;
                }
            }
            _click(_get(Button.class, spec -> spec.withText("もっと見る")));
        }
    }

    private List<Anchor> roleLinks() {
        return _find(Anchor.class, spec -> spec.withText(role));
    }

    private static String location() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters();
    }
}
