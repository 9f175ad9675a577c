package jp.kosodatehub.goals.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import jp.kosodatehub.KaribuTest;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.goals.Direction;
import jp.kosodatehub.goals.GoalForms.InitiativeForm;
import jp.kosodatehub.goals.GoalForms.PillarForm;
import jp.kosodatehub.goals.GoalForms.PlanForm;
import jp.kosodatehub.goals.GoalForms.ResultForm;
import jp.kosodatehub.goals.GoalService;
import jp.kosodatehub.goals.Indicator;
import jp.kosodatehub.goals.IndicatorForm;
import jp.kosodatehub.goals.IndicatorKind;
import jp.kosodatehub.goals.IndicatorResult;
import jp.kosodatehub.goals.Initiative;
import jp.kosodatehub.goals.Pillar;
import jp.kosodatehub.goals.Plan;
import jp.kosodatehub.goals.UpdateFrequency;
import jp.kosodatehub.organisations.Organisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MyIndicatorsViewTest extends KaribuTest {

    private static final LocalDate DATE = LocalDate.of(2026, 6, 30);

    @Autowired
    private GoalService goals;

    private String coordinator;
    private Organisation own;
    private Indicator ownIndicator;
    private Indicator otherIndicator;

    @BeforeEach
    void plan() {
        coordinator = fixtures.coordinator();
        own = fixtures.organisation("こども食堂", false);
        Organisation other = fixtures.organisation("子育て支援センター", false);
        Initiative initiative = fixtures.as(coordinator, () -> {
            Plan plan = goals.savePlan(new PlanForm(null, 0, TestFixtures.unique("第5期"), 2026, 2030));
            Pillar pillar = goals.savePillar(new PillarForm(null, 0, plan.getId(), 1, "発信の仕組みづくり"));
            return goals.saveInitiative(new InitiativeForm(null, 0, pillar.getId(), 1, "情報集約"));
        });
        ownIndicator = fixtures.as(coordinator, () -> goals.saveIndicator(
                count(initiative, TestFixtures.unique("子ども食堂の数"), own.getId())));
        otherIndicator = fixtures.as(coordinator, () -> goals.saveIndicator(
                count(initiative, TestFixtures.unique("相談件数"), other.getId())));
    }

    static IndicatorForm count(Initiative initiative, String name, Long organisationId) {
        return new IndicatorForm(null, 0, initiative.getId(), name, "か所", IndicatorKind.COUNT, Direction.INCREASE,
                new BigDecimal("8"), LocalDate.of(2022, 3, 31), new BigDecimal("10"), 2030, organisationId, null,
                UpdateFrequency.YEARLY, List.of(), null);
    }

    @Test
    void memberRecordsAResultForTheirIndicatorAndSeesIt() {
        login(fixtures.member(own));
        UI.getCurrent().navigate("my/indicators");
        assertThat(_find(H2.class)).extracting(H2::getText).containsExactly(ownIndicator.getName());

        _click(_get(Button.class, spec -> spec.withText("実績を記録")));
        _setValue(_get(DatePicker.class, spec -> spec.withLabel("日付")), DATE);
        _setValue(_get(BigDecimalField.class, spec -> spec.withLabel("値")), new BigDecimal("9"));
        _setValue(_get(TextArea.class, spec -> spec.withLabel("メモ")), "新しく1か所開所");
        _setValue(_get(TextField.class, spec -> spec.withLabel("出典")), "事務局集計");
        _click(_get(Button.class, spec -> spec.withText("保存")));

        NotificationsKt.expectNotifications("「" + ownIndicator.getName() + "」の実績を保存しました");
        assertThat(_find(Dialog.class)).isEmpty();
        Grid<IndicatorResult> grid = resultGrid();
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._getFormatted(grid, 0, "value")).isEqualTo("9か所");
        assertThat(GridKt._getFormatted(grid, 0, "note")).isEqualTo("新しく1か所開所");
        assertThat(goals.currentResults(ownIndicator.getId())).singleElement()
                .satisfies(result -> assertThat(result.getValue()).isEqualByComparingTo("9"));
    }

    @Test
    void refusedValueIsShownAtTheField() {
        login(fixtures.member(own));
        UI.getCurrent().navigate("my/indicators");

        _click(_get(Button.class, spec -> spec.withText("実績を記録")));
        _setValue(_get(DatePicker.class, spec -> spec.withLabel("日付")), DATE);
        _setValue(_get(BigDecimalField.class, spec -> spec.withLabel("値")), new BigDecimal("2.5"));
        _click(_get(Button.class, spec -> spec.withText("保存")));

        BigDecimalField value = _get(BigDecimalField.class, spec -> spec.withLabel("値"));
        assertThat(value.isInvalid()).isTrue();
        assertThat(value.getErrorMessage()).isEqualTo("件数は0以上の整数で入力してください");
        assertThat(goals.history(ownIndicator.getId())).isEmpty();
    }

    @Test
    void correctionIsANewRecordAndTheOldOneStays() {
        String member = fixtures.member(own);
        fixtures.as(member, () -> goals.recordResult(new ResultForm(
                ownIndicator.getId(), DATE, null, new BigDecimal("90"), null, null, null)));
        login(member);
        UI.getCurrent().navigate("my/indicators");

        _click(_get(GridKt._getCellComponent(resultGrid(), 0, "actions"), Button.class,
                spec -> spec.withText("訂正")));
        _setValue(_get(BigDecimalField.class, spec -> spec.withLabel("値")), new BigDecimal("9"));
        _setValue(_get(TextArea.class, spec -> spec.withLabel("メモ")), "桁の誤り");
        _click(_get(Button.class, spec -> spec.withText("保存")));

        assertThat(GridKt._getFormatted(resultGrid(), 0, "value")).isEqualTo("9か所");
        assertThat(goals.history(ownIndicator.getId())).extracting(IndicatorResult::getValue)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("90"), new BigDecimal("9"));
    }

    @Test
    void memberDoesNotSeeAnotherOrganisationsIndicator() {
        login(fixtures.member(own));
        UI.getCurrent().navigate("my/indicators");

        assertThat(_find(H2.class)).extracting(H2::getText).doesNotContain(otherIndicator.getName());
    }

    @Test
    void coordinatorSeesEveryOrganisationsIndicator() {
        login(coordinator);
        UI.getCurrent().navigate("my/indicators");

        assertThat(_find(H2.class)).extracting(H2::getText)
                .contains(ownIndicator.getName(), otherIndicator.getName());
    }

    @Test
    void menuOffersRecordingToMembersAndTheEditorToTheOfficeOnly() {
        login(fixtures.member(own));
        UI.getCurrent().navigate("my/indicators");
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel)
                .contains("実績の記録", "目標と進み具合").doesNotContain("目標・指標の管理");

        login(coordinator);
        UI.getCurrent().navigate("my/indicators");
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel)
                .contains("実績の記録", "目標と進み具合", "目標・指標の管理");
    }

    @SuppressWarnings("unchecked")
    private static Grid<IndicatorResult> resultGrid() {
        return _get(Grid.class);
    }
}
