package jp.kosodatehub.volunteers.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import jp.kosodatehub.KaribuTest;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.base.ui.ReasonDialog;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.volunteers.PostStatus;
import jp.kosodatehub.volunteers.Story;
import jp.kosodatehub.volunteers.StoryService;
import jp.kosodatehub.volunteers.SupporterType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A supporter's story through the screens: a member writes it, the office publishes it, a visitor reads it. */
class StoriesJourneyTest extends KaribuTest {

    @Autowired
    StoryService stories;

    String member;
    String coordinator;
    String words;

    @BeforeEach
    void setUp() {
        Organisation salon = fixtures.organisation("story-salon", false);
        member = fixtures.member(salon);
        coordinator = fixtures.coordinator();
        words = TestFixtures.unique("子どもたちと遊ぶ時間が、私にとっても元気のもとです");
    }

    @Test
    void memberWritesAStoryOfficePublishesItVisitorReadsIt() {
        login(member);
        UI.getCurrent().navigate("my/volunteers/stories");
        _click(_get(Button.class, spec -> spec.withText("声を書く")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("公開するときのお名前")), "大学生ボランティア Aさん");
        _setValue(_get(Select.class, spec -> spec.withLabel("どんな立場の方か")), SupporterType.UNIVERSITY);
        _setValue(_get(TextArea.class, spec -> spec.withLabel("声（本文）")), words);
        _click(_get(Button.class, spec -> spec.withText("保存して提出")));

        NotificationsKt.expectNotifications("提出しました。事務局の承認をお待ちください");
        Story submitted = mine();
        assertThat(submitted.getStatus()).isEqualTo(PostStatus.SUBMITTED);

        logout();
        login(coordinator);
        UI.getCurrent().navigate("moderation/stories");
        select(_get(Grid.class), submitted.getId());
        assertThat(BasicUtilsKt.get_textRecursively(_get(StoryCard.class))).contains(words).contains("大学生");
        _click(_get(Button.class, spec -> spec.withText("公開する")));
        NotificationsKt.expectNotifications("公開しました");
        assertThat(mine().getStatus()).isEqualTo(PostStatus.PUBLISHED);

        logout();
        UI.getCurrent().add(new StoriesSection(stories));
        StoriesSection section = _get(StoriesSection.class);
        assertThat(section.isVisible()).isTrue();
        assertThat(BasicUtilsKt.get_textRecursively(section)).contains("活動している人の声").contains(words)
                .contains("大学生ボランティア Aさん");
    }

    @Test
    void memberSeesTheOfficesReasonAndAPhotoNeedsConsentFirst() {
        Story story = fixtures.as(member, () -> {
            jp.kosodatehub.volunteers.StoryDraft draft = new jp.kosodatehub.volunteers.StoryDraft();
            draft.setAuthorLabel("定年後ボランティア Bさん");
            draft.setText(words);
            Story saved = stories.save(draft);
            return stories.submit(saved.getId(), saved.getVersion());
        });
        login(coordinator);
        UI.getCurrent().navigate("moderation/stories");
        select(_get(Grid.class), story.getId());
        _click(_get(Button.class, spec -> spec.withText("差し戻す")));
        ReasonDialog dialog = _get(ReasonDialog.class);
        _setValue(_get(dialog, TextArea.class, spec -> spec.withLabel("理由")), "お名前をイニシャルにしてください");
        _click(_get(dialog, Button.class, spec -> spec.withText("差し戻す")));
        NotificationsKt.expectNotifications("差し戻しました");

        logout();
        login(member);
        UI.getCurrent().navigate("my/volunteers/stories");
        Grid<?> list = _get(Grid.class);
        assertThat(GridKt._findAll(list)).extracting(item -> ((Story) item).getStatusReason())
                .contains("お名前をイニシャルにしてください");
        GridKt._clickItem(list, indexOf(list, story.getId()));
        assertThat(BasicUtilsKt.get_textRecursively(_get(com.vaadin.flow.component.html.Div.class,
                spec -> spec.withClasses("status-reason")))).contains("お名前をイニシャルにしてください");
        assertThat(_find(com.vaadin.flow.component.upload.Upload.class)).isEmpty();

        _setValue(_get(Checkbox.class, spec -> spec.withLabel("写真に写っている全員から、公開の同意をいただいています")), true);
        _click(_get(Button.class, spec -> spec.withText("下書き保存")));
        NotificationsKt.expectNotifications("保存しました");
        assertThat(_find(com.vaadin.flow.component.upload.Upload.class)).hasSize(1);
        assertThat(_find(Image.class)).isEmpty();

        _click(_get(Button.class, spec -> spec.withText("取り下げる")));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        ComponentUtil.fireEvent(confirm, new ConfirmDialog.ConfirmEvent(confirm, true));
        assertThat(mine().getStatus()).isEqualTo(PostStatus.WITHDRAWN);
    }

    private static void select(Grid<?> grid, Long id) {
        @SuppressWarnings("unchecked")
        Grid<Story> stories = (Grid<Story>) grid;
        Story item = GridKt._findAll(stories).stream().filter(story -> story.getId().equals(id)).findFirst()
                .orElseThrow();
        stories.asSingleSelect().setValue(item);
    }

    private static int indexOf(Grid<?> grid, Long id) {
        List<?> items = GridKt._findAll(grid);
        for (int i = 0; i < items.size(); i++) {
            if (((Story) items.get(i)).getId().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("story " + id + " not listed");
    }

    private Story mine() {
        List<Story> list = fixtures.as(member, () -> stories.myStories(0, 10));
        assertThat(list).hasSize(1);
        return list.get(0);
    }
}
