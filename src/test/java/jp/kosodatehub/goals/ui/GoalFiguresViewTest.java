package jp.kosodatehub.goals.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kosodatehub.KaribuTest;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.base.i18n.TranslationProvider;
import jp.kosodatehub.goals.Aggregation;
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
import jp.kosodatehub.goals.Plan;
import jp.kosodatehub.goals.UpdateFrequency;
import jp.kosodatehub.organisations.Organisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The office found 「とことこ」の子育て相談件数 at 6件 on the members' page (one breakdown), 20件 on the goals page and
 * 0% 遅れ against its yearly 120 → 200: every page now shows the one figure, with its period.
 */
class GoalFiguresViewTest extends KaribuTest {

    /** April to November 2026: 窓口 10 and 電話 5 a month, 窓口 of April corrected from 10 to 12: 122. */
    private static final String FIGURE = "令和8年度累計 122件（4〜11月）";

    @Autowired
    private GoalService goals;

    private String coordinator;
    private Organisation hub;
    private Plan plan;
    private Initiative initiative;
    private Indicator consultations;

    @BeforeEach
    void setUp() {
        coordinator = fixtures.coordinator();
        hub = fixtures.organisation("地域子育て支援拠点「とことこ」", false);
        fixtures.as(coordinator, () -> {
            plan = goals.savePlan(new PlanForm(null, 0, TestFixtures.unique("第5期 協働の指針"), 2026, 2030));
            var pillar = goals.savePillar(new PillarForm(null, 0, plan.getId(), 1, "発信の仕組みづくり"));
            initiative = goals.saveInitiative(new InitiativeForm(null, 0, pillar.getId(), 1, "情報集約"));
            consultations = goals.saveIndicator(new IndicatorForm(null, 0, initiative.getId(),
                    "「とことこ」の子育て相談件数", "件", IndicatorKind.COUNT, Direction.INCREASE, new BigDecimal("120"),
                    LocalDate.of(2025, 3, 31), new BigDecimal("200"), 2030, hub.getId(), null,
                    UpdateFrequency.MONTHLY, List.of("窓口", "電話"), null, Aggregation.FISCAL_YEAR_TOTAL));
            List<IndicatorResult> counter = new ArrayList<>();
            for (int month = 4; month <= 11; month++) {
                LocalDate end = YearMonth.of(2026, month).atEndOfMonth();
                counter.add(goals.recordResult(new ResultForm(consultations.getId(), end, "窓口", BigDecimal.TEN,
                        null, "相談記録", null)));
                goals.recordResult(new ResultForm(consultations.getId(), end, "電話", BigDecimal.valueOf(5), null,
                        "相談記録", null));
            }
            goals.correctResult(counter.getFirst().getId(), BigDecimal.valueOf(12), "集計漏れ2件", "相談記録");
        });
    }

    private static String text(Component component) {
        return BasicUtilsKt.get_textRecursively(component);
    }

    @Test
    void everyPageShowsTheSameFiscalYearTotalWithItsPeriod() {
        UI.getCurrent().navigate("goals", QueryParameters.simple(Map.of("plan", plan.getId().toString())));
        var box = _get(RouterLink.class, spec -> spec.withText("「とことこ」の子育て相談件数")).getParent().orElseThrow();
        // 122 by 30 November (244 of 365 days) is 182.5 for the year: 78% of the way from 120 to 200.
        assertThat(text(box)).contains("現在 " + FIGURE, "現状 年間120件", "目標 年間200件", "進捗 78%", "順調")
                .doesNotContain("遅れ");

        UI.getCurrent().navigate("goals/indicators/" + consultations.getId());
        assertThat(text(_get(IndicatorView.class))).contains("現在の実績", FIGURE, "進捗 78%");
        String svg = _get(Svg.class).getElement().getProperty("innerHTML");
        assertThat(svg.split("class=\"chart-point\"", -1)).as("one point for the fiscal year").hasSize(2);
        assertThat(svg).contains("<title>" + FIGURE + "</title>");

        login(fixtures.member(hub));
        UI.getCurrent().navigate("my/indicators");
        assertThat(_get(Span.class, spec -> spec.withClasses("indicator-latest")).getText())
                .isEqualTo("現在の実績：" + FIGURE);

        login(coordinator);
        UI.getCurrent().navigate("admin/goals");
        _setValue(_get(Select.class, spec -> spec.withLabel("計画")), plan);
        assertThat(GridKt._getFormatted(_get(TreeGrid.class), 2, "detail"))
                .isEqualTo("現在 " + FIGURE + "・年間120件 → 年間200件（増やす、年度ごとの合計、令和12年度（2030年度））");
    }

    @Test
    void englishVisitorsReadTheFiscalYearAndMonthsInEnglish() {
        useLocale(TranslationProvider.ENGLISH);
        UI.getCurrent().navigate("goals/indicators/" + consultations.getId());

        assertThat(text(_get(IndicatorView.class))).contains("FY2026 total 122 件 (Apr–Nov)", "120 件 a year");
    }

    @Test
    void adminTreeWordsValuesByKindAndYearsAsThePublicPageDoes() {
        fixtures.as(coordinator, () -> {
            goals.saveIndicator(new IndicatorForm(null, 0, initiative.getId(), "ヤングケアラー実態調査", null,
                    IndicatorKind.DONE, Direction.ACHIEVE, BigDecimal.ZERO, LocalDate.of(2024, 3, 31),
                    BigDecimal.ONE, 2027, null, "こども家庭支援課", UpdateFrequency.YEARLY, List.of(), null));
            goals.saveIndicator(new IndicatorForm(null, 0, initiative.getId(), "相談相手がいない保護者の割合", "%",
                    IndicatorKind.PERCENT, Direction.DECREASE, new BigDecimal("8.8"), LocalDate.of(2025, 3, 31),
                    new BigDecimal("5.0"), 2030, null, "こども家庭支援課", UpdateFrequency.YEARLY, List.of(), null));
        });
        login(coordinator);
        UI.getCurrent().navigate("admin/goals");
        _setValue(_get(Select.class, spec -> spec.withLabel("計画")), plan);
        TreeGrid<?> tree = _get(TreeGrid.class);

        assertThat(GridKt._getFormatted(tree, 3, "detail"))
                .isEqualTo("現在 未報告・未実施 → 実施（達成する、最新の値、令和9年度（2027年度））");
        assertThat(GridKt._getFormatted(tree, 4, "detail"))
                .isEqualTo("現在 未報告・8.8% → 5.0%（減らす、最新の値、令和12年度（2030年度））");
    }

    @Test
    @SuppressWarnings("unchecked")
    void officeChangesHowResultsAddUpInTheIndicatorEditorAndAWrongChoiceIsShownAtTheField() {
        Indicator share = fixtures.as(coordinator, () -> goals.saveIndicator(new IndicatorForm(null, 0,
                initiative.getId(), "相談相手がいない保護者の割合", "%", IndicatorKind.PERCENT, Direction.DECREASE,
                new BigDecimal("8.8"), LocalDate.of(2025, 3, 31), new BigDecimal("5.0"), 2030, null,
                "こども家庭支援課", UpdateFrequency.YEARLY, List.of(), null)));
        login(coordinator);
        UI.getCurrent().navigate("admin/goals");
        _setValue(_get(Select.class, spec -> spec.withLabel("計画")), plan);

        editRow(3);
        Select<Aggregation> aggregation = _get(Select.class, spec -> spec.withLabel("実績の集計"));
        assertThat(aggregation.getValue()).isEqualTo(Aggregation.LATEST);
        _setValue(aggregation, Aggregation.FISCAL_YEAR_TOTAL);
        _click(_get(Button.class, spec -> spec.withText("保存")));

        assertThat(aggregation.isInvalid()).isTrue();
        assertThat(aggregation.getErrorMessage()).isEqualTo("年度ごとの合計は「件数」か「数値」の指標だけです（割合は足せません）");
        assertThat(goals.indicator(share.getId()).getAggregation()).isEqualTo(Aggregation.LATEST);

        _setValue(aggregation, Aggregation.FISCAL_YEAR_AVERAGE);
        _click(_get(Button.class, spec -> spec.withText("保存")));

        assertThat(_find(Dialog.class)).isEmpty();
        assertThat(goals.indicator(share.getId()).getAggregation()).isEqualTo(Aggregation.FISCAL_YEAR_AVERAGE);
    }

    private static void editRow(int row) {
        TreeGrid<Object> tree = _get(TreeGrid.class);
        _click(_get(GridKt._getCellComponent(tree, row, "actions"), Button.class, spec -> spec.withText("編集")));
    }

    @Test
    void doneChartLabelsItsBaselineAboveTheYearLabels() {
        Indicator survey = fixtures.as(coordinator, () -> goals.saveIndicator(new IndicatorForm(null, 0,
                initiative.getId(), "ヤングケアラー実態調査", null, IndicatorKind.DONE, Direction.ACHIEVE,
                BigDecimal.ZERO, LocalDate.of(2024, 3, 31), BigDecimal.ONE, 2027, null, "こども家庭支援課",
                UpdateFrequency.YEARLY, List.of(), null)));

        UI.getCurrent().navigate("goals/indicators/" + survey.getId());

        String svg = _get(Svg.class).getElement().getProperty("innerHTML");
        double axis = ResultsChart.HEIGHT - 40;
        assertThat(labelY(svg, "chart-baseline")).as("現状 未実施 above the axis line").isLessThan(axis);
        assertThat(labelY(svg, "chart-target")).isLessThan(axis);
    }

    /** The y of the text inside the group of the given class. */
    private static double labelY(String svg, String group) {
        Matcher matcher = Pattern.compile("<g class=\"" + group + "\">.*?<text x=\"[0-9.]+\" y=\"([0-9.]+)\"")
                .matcher(svg);
        assertThat(matcher.find()).as(group).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
