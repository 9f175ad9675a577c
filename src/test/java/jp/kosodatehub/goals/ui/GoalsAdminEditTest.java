package jp.kosodatehub.goals.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.kosodatehub.KaribuTest;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.goals.ComputedDefinition;
import jp.kosodatehub.goals.Direction;
import jp.kosodatehub.goals.GoalCsv;
import jp.kosodatehub.goals.GoalForms.InitiativeForm;
import jp.kosodatehub.goals.GoalForms.PillarForm;
import jp.kosodatehub.goals.GoalForms.PlanForm;
import jp.kosodatehub.goals.GoalImportException.RowProblem;
import jp.kosodatehub.goals.GoalService;
import jp.kosodatehub.goals.Indicator;
import jp.kosodatehub.goals.IndicatorKind;
import jp.kosodatehub.goals.Plan;
import jp.kosodatehub.goals.PlanTree;
import jp.kosodatehub.goals.UpdateFrequency;
import jp.kosodatehub.organisations.Organisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class GoalsAdminEditTest extends KaribuTest {

    private static final List<String> STRUCTURE_HEADER = List.of("record", "pillar", "initiative", "title", "status",
            "unit", "kind", "direction", "baseline_value", "baseline_date", "target_value", "target_fiscal_year",
            "responsible_organisation", "responsible_department", "update_frequency", "breakdowns",
            "computed_source", "computed_kind", "computed_district", "computed_weekend", "computed_target_group",
            "aggregation");

    @Autowired
    private GoalService goals;

    @Autowired
    private GoalCsv csv;

    private String coordinator;
    private Plan plan;

    @BeforeEach
    void plan() {
        coordinator = fixtures.coordinator();
        plan = fixtures.as(coordinator, () -> goals.savePlan(
                new PlanForm(null, 0, TestFixtures.unique("第5期 協働の指針"), 2026, 2030)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void coordinatorAddsAPillarAnInitiativeAndAnIndicator() {
        Organisation cafeteria = fixtures.organisation("こども食堂", false);
        login(coordinator);
        UI.getCurrent().navigate("admin/goals");
        _setValue(_get(Select.class, spec -> spec.withLabel("計画")), plan);

        _click(_get(Button.class, spec -> spec.withText("柱を追加")));
        _setValue(_get(IntegerField.class, spec -> spec.withLabel("番号")), 1);
        _setValue(_get(TextField.class, spec -> spec.withLabel("名前")), "発信の仕組みづくり");
        _click(_get(Button.class, spec -> spec.withText("保存")));
        assertThat(_find(Dialog.class)).isEmpty();

        _click(rowAction(0, "取組を追加"));
        _setValue(_get(IntegerField.class, spec -> spec.withLabel("番号")), 1);
        _setValue(_get(TextField.class, spec -> spec.withLabel("名前")), "情報集約");
        _click(_get(Button.class, spec -> spec.withText("保存")));

        _click(rowAction(1, "指標を追加"));
        _setValue(_get(TextField.class, spec -> spec.withLabel("指標の名前")), "子ども食堂の数");
        _setValue(_get(TextField.class, spec -> spec.withLabel("単位")), "か所");
        _setValue(_get(Select.class, spec -> spec.withLabel("値の種類")), IndicatorKind.COUNT);
        _setValue(_get(Select.class, spec -> spec.withLabel("方向")), Direction.INCREASE);
        _setValue(_get(BigDecimalField.class, spec -> spec.withLabel("基準値")), new BigDecimal("8"));
        _setValue(_get(DatePicker.class, spec -> spec.withLabel("基準値の時点")), LocalDate.of(2022, 3, 31));
        _setValue(_get(BigDecimalField.class, spec -> spec.withLabel("目標値")), new BigDecimal("10"));
        _setValue(_get(IntegerField.class, spec -> spec.withLabel("目標年度")), 2030);
        _setValue(_get(ComboBox.class, spec -> spec.withLabel("担当の団体")), cafeteria);
        _setValue(_get(TextField.class, spec -> spec.withLabel("内訳")), "窓口 / 電話");
        _click(_get(Button.class, spec -> spec.withText("保存")));

        assertThat(_find(Dialog.class)).isEmpty();
        PlanTree tree = goals.tree(plan.getId());
        assertThat(tree.pillars()).singleElement()
                .satisfies(node -> assertThat(node.pillar().getTitle()).isEqualTo("発信の仕組みづくり"));
        Indicator indicator = tree.indicators().findFirst().orElseThrow();
        assertThat(indicator.getName()).isEqualTo("子ども食堂の数");
        assertThat(indicator.getResponsibleOrganisationId()).isEqualTo(cafeteria.getId());
        assertThat(indicator.getBreakdowns()).containsExactly("窓口", "電話");
        assertThat(indicator.getFrequency()).isEqualTo(UpdateFrequency.YEARLY);
        assertThat(GridKt._getFormatted(_get(TreeGrid.class), 2, "title"))
                .isEqualTo("子ども食堂の数");
    }

    @Test
    void refusedIndicatorShowsTheProblemsAtTheFields() {
        fixtures.as(coordinator, () -> goals.savePillar(
                new jp.kosodatehub.goals.GoalForms.PillarForm(null, 0, plan.getId(), 1, "発信")));
        login(coordinator);
        UI.getCurrent().navigate("admin/goals");
        _setValue(_get(Select.class, spec -> spec.withLabel("計画")), plan);

        _click(_get(Button.class, spec -> spec.withText("柱を追加")));
        _setValue(_get(IntegerField.class, spec -> spec.withLabel("番号")), 1);
        _setValue(_get(TextField.class, spec -> spec.withLabel("名前")), "同じ番号");
        _click(_get(Button.class, spec -> spec.withText("保存")));

        IntegerField number = _get(IntegerField.class, spec -> spec.withLabel("番号"));
        assertThat(number.isInvalid()).isTrue();
        assertThat(number.getErrorMessage()).isEqualTo("この番号はすでに使われています");
    }

    @Test
    @SuppressWarnings("unchecked")
    void failedImportListsEveryBadLineAndImportsNothing() {
        String file = String.join(",", STRUCTURE_HEADER) + "\r\n"       // line 1
                + row("PILLAR", "1", "", "発信の仕組みづくり")              // 2 good
                + row("PILLAR", "2", "", "")                            // 3 no title
                + row("INITIATIVE", "9", "1", "柱がない")                 // 4 unknown pillar
                + "INDICATOR,1,1,列が足りない\r\n";                       // 5 too few columns
        login(coordinator);
        UI.getCurrent().navigate("admin/goals");
        _setValue(_get(Select.class, spec -> spec.withLabel("計画")), plan);
        GoalsAdminView view = _get(GoalsAdminView.class);

        view.importCsv(GoalsAdminView.CsvPart.STRUCTURE,
                new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));

        Grid<RowProblem> problems = _find(Grid.class).stream()
                .filter(grid -> grid.getColumnByKey("line") != null).findFirst().orElseThrow();
        assertThat(problems.isVisible()).isTrue();
        List<String> lines = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < GridKt._size(problems); i++) {
            lines.add(GridKt._getFormatted(problems, i, "line"));
            reasons.add(GridKt._getFormatted(problems, i, "reason"));
        }
        assertThat(lines).containsExactly("3", "4", "5");
        assertThat(reasons).containsExactly("入力してください", "この柱・取組が見つかりません",
                "列の数が見出しと違います");
        assertThat(_find(Paragraph.class, spec -> spec.withText("誤りのある行が3件あるため、何も取り込んでいません"
                + "（ほかの行は追加 1件、更新 0件、変更なし 0件）。直してからもう一度取り込んでください。"))).hasSize(1);
        assertThat(goals.tree(plan.getId()).pillars()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void longErrorListScrollsInItsOwnBoxAndThePlanTreeKeepsItsRoom() {
        StringBuilder file = new StringBuilder(String.join(",", STRUCTURE_HEADER) + "\r\n");
        for (int i = 1; i <= 40; i++) {
            file.append(row("PILLAR", Integer.toString(i), "", ""));
        }
        login(coordinator);
        UI.getCurrent().navigate("admin/goals");
        _setValue(_get(Select.class, spec -> spec.withLabel("計画")), plan);
        GoalsAdminView view = _get(GoalsAdminView.class);

        view.importCsv(GoalsAdminView.CsvPart.STRUCTURE,
                new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)));

        Grid<RowProblem> problems = _find(Grid.class).stream()
                .filter(grid -> grid.getColumnByKey("line") != null).findFirst().orElseThrow();
        assertThat(GridKt._size(problems)).isEqualTo(40);
        assertThat(problems.getMaxHeight()).isEqualTo("20rem");
        TreeGrid<Object> tree = _get(TreeGrid.class);
        assertThat(tree.getMinHeight()).isEqualTo("24rem");
        assertThat(view.getFlexGrow(tree)).isEqualTo(1);
    }

    @Test
    void unchangedStructureUploadedBackSaysThereIsNoChange() {
        var pillar = fixtures.as(coordinator, () -> goals.savePillar(
                new PillarForm(null, 0, plan.getId(), 1, "発信の仕組みづくり")));
        fixtures.as(coordinator, () -> goals.saveInitiative(
                new InitiativeForm(null, 0, pillar.getId(), 1, "情報集約")));
        byte[] exported = fixtures.as(coordinator, () -> csv.exportStructure(plan.getId()));
        login(coordinator);
        UI.getCurrent().navigate("admin/goals");
        _setValue(_get(Select.class, spec -> spec.withLabel("計画")), plan);

        _get(GoalsAdminView.class).importCsv(GoalsAdminView.CsvPart.STRUCTURE, new ByteArrayInputStream(exported));

        assertThat(_find(Paragraph.class, spec -> spec.withText("変更はありません（2行はすべて登録済みのとおりです）")))
                .hasSize(1);
        assertThat(goals.tree(plan.getId()).pillars()).singleElement()
                .satisfies(node -> assertThat(node.pillar().getVersion()).isEqualTo(pillar.getVersion()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void coordinatorAddsAnIndicatorCountedFromVolunteersRecruited() {
        fixtures.as(coordinator, () -> {
            var pillar = goals.savePillar(new PillarForm(null, 0, plan.getId(), 4, "持続可能なネットワークづくり"));
            goals.saveInitiative(new InitiativeForm(null, 0, pillar.getId(), 2, "やりがいの共有と担い手の育成"));
        });
        login(coordinator);
        UI.getCurrent().navigate("admin/goals");
        _setValue(_get(Select.class, spec -> spec.withLabel("計画")), plan);

        _click(rowAction(1, "指標を追加"));
        Select<ComputedDefinition.Source> source = _get(Select.class, spec -> spec.withLabel("自動集計"));
        assertThat(Arrays.stream(ComputedDefinition.Source.values()).map(source.getItemLabelGenerator()).toList())
                .containsExactly("公開イベントの開催日数", "活動を始めたボランティアの人数", "ボランティアの活動時間");
        _setValue(source, ComputedDefinition.Source.EVENT_DATES);
        assertThat(_get(ComboBox.class, spec -> spec.withLabel("地区")).isVisible()).isTrue();
        _setValue(source, ComputedDefinition.Source.VOLUNTEERS_RECRUITED);
        assertThat(_find(ComboBox.class, spec -> spec.withLabel("地区"))).isEmpty();
        assertThat(source.getHelperText()).contains("活動中か活動を終えた");
        _setValue(_get(TextField.class, spec -> spec.withLabel("指標の名前")), "活動を始めたボランティアの人数");
        _setValue(_get(TextField.class, spec -> spec.withLabel("単位")), "人");
        _setValue(_get(Select.class, spec -> spec.withLabel("値の種類")), IndicatorKind.COUNT);
        _setValue(_get(Select.class, spec -> spec.withLabel("方向")), Direction.INCREASE);
        _setValue(_get(BigDecimalField.class, spec -> spec.withLabel("基準値")), new BigDecimal("20"));
        _setValue(_get(DatePicker.class, spec -> spec.withLabel("基準値の時点")), LocalDate.of(2025, 4, 1));
        _setValue(_get(BigDecimalField.class, spec -> spec.withLabel("目標値")), new BigDecimal("40"));
        _setValue(_get(IntegerField.class, spec -> spec.withLabel("目標年度")), 2030);
        _setValue(_get(TextField.class, spec -> spec.withLabel("担当の部署")), "とことこ");
        _click(_get(Button.class, spec -> spec.withText("保存")));

        assertThat(_find(Dialog.class)).isEmpty();
        Indicator indicator = goals.tree(plan.getId()).indicators().findFirst().orElseThrow();
        assertThat(indicator.getComputed())
                .isEqualTo(ComputedDefinition.volunteers(ComputedDefinition.Source.VOLUNTEERS_RECRUITED));
    }

    @SuppressWarnings("unchecked")
    private static Button rowAction(int row, String text) {
        TreeGrid<Object> tree = _get(TreeGrid.class);
        return _get(GridKt._getCellComponent(tree, row, "actions"), Button.class, spec -> spec.withText(text));
    }

    private static String row(String... cells) {
        List<String> all = new ArrayList<>(Arrays.asList(cells));
        while (all.size() < STRUCTURE_HEADER.size()) {
            all.add("");
        }
        return String.join(",", all) + "\r\n";
    }
}
