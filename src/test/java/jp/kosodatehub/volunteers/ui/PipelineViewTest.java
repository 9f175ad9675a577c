package jp.kosodatehub.volunteers.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jp.kosodatehub.KaribuTest;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.base.ui.NotFoundView;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.volunteers.AccessAction;
import jp.kosodatehub.volunteers.Applicant;
import jp.kosodatehub.volunteers.ApplicantAccess;
import jp.kosodatehub.volunteers.ApplicantNote;
import jp.kosodatehub.volunteers.ApplicantService;
import jp.kosodatehub.volunteers.ApplicantStatus;
import jp.kosodatehub.volunteers.Opening;
import jp.kosodatehub.volunteers.SupporterType;
import jp.kosodatehub.volunteers.VolunteerFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An organisation follows up an offer through the screens: reply, note, activity, recorded hours. */
class PipelineViewTest extends KaribuTest {

    @Autowired
    VolunteerFixtures volunteers;

    @Autowired
    ApplicantService applicants;

    String member;
    Opening opening;
    Applicant waiting;
    Applicant fresh;
    Applicant elsewhere;

    @BeforeEach
    void setUp() {
        Organisation ours = fixtures.organisation("pipeline-ours", false);
        Organisation theirs = fixtures.organisation("pipeline-theirs", false);
        member = fixtures.member(ours);
        opening = volunteers.publishedOpening(ours, EnumSet.of(SupporterType.ANYONE), null);
        Opening other = volunteers.publishedOpening(theirs, EnumSet.of(SupporterType.ANYONE), null);
        waiting = volunteers.applicant(opening, TestFixtures.unique("鈴木さくら"), "sakura@example.jp",
                ApplicantStatus.NEW, Instant.now().minus(Duration.ofDays(5)));
        fresh = volunteers.applicant(opening, TestFixtures.unique("高橋ゆう"), "yu@example.jp", ApplicantStatus.NEW,
                Instant.now());
        elsewhere = volunteers.applicant(other, TestFixtures.unique("他団体の方"), "other@example.jp",
                ApplicantStatus.NEW, Instant.now().minus(Duration.ofDays(5)));
    }

    @Test
    void memberRepliesToAWaitingOfferAndRecordsTheVolunteersHours() {
        login(member);
        UI.getCurrent().navigate("my/volunteers");

        // Only our own applicants are listed, newest first.
        @SuppressWarnings("unchecked")
        Grid<Applicant> grid = _get(Grid.class);
        List<String> names = new ArrayList<>();
        for (int row = 0; row < GridKt._size(grid); row++) {
            names.add(GridKt._get(grid, row).getName());
        }
        assertThat(names).containsExactly(fresh.getName(), waiting.getName());

        // The offer waiting for five days is on top, the fresh one is not.
        Div needsReply = _get(Div.class, spec -> spec.withClasses("needs-reply"));
        assertThat(needsReply.isVisible()).isTrue();
        assertThat(_get(needsReply, H2.class).getText()).isEqualTo("返信が必要です（1件）");
        String entry = waiting.getName() + "（" + opening.getRole() + "）— 5日お待ちいただいています";
        assertThat(_find(needsReply, Button.class)).extracting(Button::getText).containsExactly(entry);

        // Open it and reply.
        _click(_get(Button.class, spec -> spec.withText(entry)));
        _click(_get(Button.class, spec -> spec.withText("「連絡済」にする")));
        NotificationsKt.expectNotifications("「連絡済」に変更しました");
        assertThat(needsReply.isVisible()).isFalse();

        _setValue(_get(TextArea.class, spec -> spec.withLabel("メモ")), "電話で活動内容を説明しました");
        _click(_get(Button.class, spec -> spec.withText("メモを追加")));
        NotificationsKt.expectNotifications("メモを追加しました");

        _click(_get(Button.class, spec -> spec.withText("「活動中」にする")));
        NotificationsKt.expectNotifications("「活動中」に変更しました");

        _setValue(_get(DatePicker.class, spec -> spec.withLabel("活動日")), LocalDate.now(ZoneId.of("Asia/Tokyo")));
        _setValue(_get(BigDecimalField.class, spec -> spec.withLabel("時間")), new BigDecimal("2.5"));
        _setValue(_get(TextField.class, spec -> spec.withLabel("担当した役割")), "受付");
        _click(_get(Button.class, spec -> spec.withText("活動を記録")));
        NotificationsKt.expectNotifications("活動を記録しました");

        assertThat(_get(Span.class, spec -> spec.withClasses("applicant-total")).getText())
                .isEqualTo("合計 2.5 時間");
        Applicant stored = applicants.get(waiting.getId());
        assertThat(stored.getStatus()).isEqualTo(ApplicantStatus.ACTIVE);
        assertThat(stored.getRecruitedAt()).isNotNull();
        assertThat(applicants.notes(waiting.getId())).extracting(ApplicantNote::getText)
                .containsExactly("電話で活動内容を説明しました");
        assertThat(applicants.totalHours(waiting.getId())).isEqualByComparingTo("2.5");
    }

    @Test
    void badHoursAreShownAtTheField() {
        Applicant active = volunteers.applicant(opening, TestFixtures.unique("伊藤"), null, ApplicantStatus.ACTIVE,
                Instant.now().minus(Duration.ofDays(1)));
        login(member);
        UI.getCurrent().navigate("my/volunteers");
        @SuppressWarnings("unchecked")
        Grid<Applicant> grid = _get(Grid.class);
        _setValue(_get(CheckboxGroup.class, spec -> spec.withLabel("状態")), Set.of(ApplicantStatus.ACTIVE));
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._get(grid, 0).getId()).isEqualTo(active.getId());
        GridKt._clickItem(grid, 0);

        BigDecimalField hours = _get(BigDecimalField.class, spec -> spec.withLabel("時間"));
        _setValue(hours, new BigDecimal("1.1"));
        _click(_get(Button.class, spec -> spec.withText("活動を記録")));

        assertThat(hours.isInvalid()).isTrue();
        assertThat(hours.getErrorMessage()).isEqualTo("0.25時間（15分）単位で入力してください");
        assertThat(applicants.activities(active.getId())).isEmpty();
    }

    @Test
    void afterRecordingTheEmptiedFormIsReadyForTheNextEntryWithoutErrors() {
        Applicant active = volunteers.applicant(opening, TestFixtures.unique("渡辺"), null, ApplicantStatus.ACTIVE,
                Instant.now().minus(Duration.ofDays(1)));
        login(member);
        UI.getCurrent().navigate("my/volunteers");
        @SuppressWarnings("unchecked")
        Grid<Applicant> grid = _get(Grid.class);
        _setValue(_get(CheckboxGroup.class, spec -> spec.withLabel("状態")), Set.of(ApplicantStatus.ACTIVE));
        GridKt._clickItem(grid, 0);

        BigDecimalField hours = _get(BigDecimalField.class, spec -> spec.withLabel("時間"));
        TextField role = _get(TextField.class, spec -> spec.withLabel("担当した役割"));
        _setValue(hours, new BigDecimal("1.5"));
        _setValue(role, "受付");
        _click(_get(Button.class, spec -> spec.withText("活動を記録")));
        NotificationsKt.expectNotifications("活動を記録しました");

        assertThat(applicants.totalHours(active.getId())).isEqualByComparingTo("1.5");
        assertThat(hours.getValue()).isNull();
        assertThat(hours.isInvalid()).as("the emptied hours field").isFalse();
        assertThat(role.getValue()).isEmpty();
        assertThat(role.isInvalid()).isFalse();
        assertThat(_get(DatePicker.class, spec -> spec.withLabel("活動日")).isInvalid()).isFalse();
    }

    @Test
    void officeErasesOnePersonAfterConfirmingAndSeesItInTheAccessLog() {
        String coordinator = fixtures.coordinator();
        login(coordinator);
        UI.getCurrent().navigate("my/volunteers");
        _setValue(_get(Select.class, spec -> spec.withLabel("団体")), opening.getOrganisation());
        @SuppressWarnings("unchecked")
        Grid<Applicant> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isEqualTo(2);
        assertThat(GridKt._get(grid, 1).getId()).isEqualTo(waiting.getId());
        GridKt._clickItem(grid, 1);

        _click(_get(Button.class, spec -> spec.withText("個人情報を消去")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        NotificationsKt.expectNotifications("個人情報を消去しました");

        assertThat(applicants.get(waiting.getId()).isAnonymised()).isTrue();
        assertThat(_find(Button.class, spec -> spec.withText("個人情報を消去"))).isEmpty();
        assertThat(GridKt._getFormatted(grid, 1, "name")).isEqualTo("匿名化済み");

        UI.getCurrent().navigate("admin/volunteers/access");
        @SuppressWarnings("unchecked")
        Grid<ApplicantAccess> log = _get(Grid.class);
        assertThat(GridKt._get(log, 0).getUsername()).isEqualTo(coordinator);
        assertThat(GridKt._size(log)).isGreaterThan(0);
        boolean erasureLogged = false;
        for (int row = 0; row < Math.min(GridKt._size(log), 20); row++) {
            ApplicantAccess entry = GridKt._get(log, row);
            erasureLogged |= entry.getAction() == AccessAction.ERASE && waiting.getId().equals(entry.getApplicantId());
        }
        assertThat(erasureLogged).isTrue();
    }

    @Test
    void memberIsRefusedTheAccessLog() {
        login(member);
        UI.getCurrent().navigate("admin/volunteers/access");

        _get(NotFoundView.class);
        assertThat(_find(AccessLogView.class)).isEmpty();
    }
}
