package jp.kosodatehub.goals.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.kosodatehub.KaribuTest;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.base.i18n.TranslationProvider;
import jp.kosodatehub.base.ui.NotFoundView;
import jp.kosodatehub.goals.Direction;
import jp.kosodatehub.goals.GoalForms.InitiativeForm;
import jp.kosodatehub.goals.GoalForms.PillarForm;
import jp.kosodatehub.goals.GoalForms.PlanForm;
import jp.kosodatehub.goals.GoalForms.ResultForm;
import jp.kosodatehub.goals.GoalForms.TargetImageForm;
import jp.kosodatehub.goals.GoalService;
import jp.kosodatehub.goals.Indicator;
import jp.kosodatehub.goals.IndicatorForm;
import jp.kosodatehub.goals.IndicatorKind;
import jp.kosodatehub.goals.IndicatorResult;
import jp.kosodatehub.goals.Initiative;
import jp.kosodatehub.goals.Plan;
import jp.kosodatehub.goals.TargetImageStatus;
import jp.kosodatehub.goals.UpdateFrequency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What an anonymous visitor sees of the shared goals: the plan tree with progress, and one indicator's page. */
class GoalsPublicViewTest extends KaribuTest {

    private static final String PILLAR = "親子がほしい情報が見つかる発信の仕組みづくり";
    private static final String INITIATIVE = "「とことこ」への情報集約と発信";

    @Autowired
    GoalService goals;

    Plan plan;
    Indicator salons;
    Indicator lonely;
    IndicatorResult wrong;

    /**
     * FY2026–2030. 子ども食堂の数 8 → 10, latest 9 (a wrong 8 corrected to 9): 50%, on track, fresh. A percentage
     * to decrease 8.8 → 5.0 whose last figure is from March 2024: overdue by the yearly rhythm, so stale.
     */
    @BeforeEach
    void setUp() {
        String coordinator = fixtures.coordinator();
        fixtures.as(coordinator, () -> {
            plan = goals.savePlan(new PlanForm(null, 0, TestFixtures.unique("第5期 協働の指針"), 2026, 2030));
            var pillar = goals.savePillar(new PillarForm(null, 0, plan.getId(), 1, PILLAR));
            Initiative initiative = goals.saveInitiative(new InitiativeForm(null, 0, pillar.getId(), 1, INITIATIVE));
            goals.saveTargetImage(new TargetImageForm(null, 0, initiative.getId(), "情報が一か所で見つかる",
                    TargetImageStatus.IN_PROGRESS));
            salons = goals.saveIndicator(new IndicatorForm(null, 0, initiative.getId(), "子ども食堂の数 \"A&B\"",
                    "か所", IndicatorKind.COUNT, Direction.INCREASE, new BigDecimal("8"), LocalDate.of(2022, 3, 31),
                    new BigDecimal("10"), 2030, null, "こども家庭支援課", UpdateFrequency.YEARLY, List.of(), null));
            lonely = goals.saveIndicator(new IndicatorForm(null, 0, initiative.getId(), "相談相手がいない保護者の割合",
                    "%", IndicatorKind.PERCENT, Direction.DECREASE, new BigDecimal("8.8"), LocalDate.of(2022, 3, 31),
                    new BigDecimal("5.0"), 2030, null, "こども家庭支援課", UpdateFrequency.YEARLY, List.of(), null));
            goals.recordResult(new ResultForm(salons.getId(), LocalDate.of(2024, 3, 31), null, new BigDecimal("9"),
                    "年度末の集計", "市の調査", null));
            wrong = goals.recordResult(new ResultForm(salons.getId(), LocalDate.of(2026, 3, 31), null,
                    new BigDecimal("8"), null, "市の調査", null));
            goals.correctResult(wrong.getId(), new BigDecimal("9"), "集計漏れを訂正", "市の調査");
            goals.recordResult(new ResultForm(lonely.getId(), LocalDate.of(2024, 3, 31), null, new BigDecimal("8.0"),
                    null, "アンケート", null));
        });
    }

    private void openPlan() {
        UI.getCurrent().navigate("goals", QueryParameters.simple(Map.of("plan", plan.getId().toString())));
    }

    private static String text(Component component) {
        return BasicUtilsKt.get_textRecursively(component);
    }

    @Test
    void visitorSeesThePlanTreeWithProgressAndJudgement() {
        openPlan();

        GoalsView view = _get(GoalsView.class);
        String page = text(view);
        assertThat(page).contains(plan.getName(), "令和8年度〜令和12年度（2026〜2030年度）", PILLAR, INITIATIVE,
                "情報が一か所で見つかる", "取組中");
        RouterLink link = _get(RouterLink.class, spec -> spec.withText("子ども食堂の数 \"A&B\""));
        assertThat(link.getHref()).isEqualTo("goals/indicators/" + salons.getId());

        var salonsBox = link.getParent().orElseThrow();
        assertThat(text(salonsBox)).contains("現在 9か所", "現状 8か所", "目標 10か所", "進捗 50%", "順調")
                .doesNotContain("実績の更新が遅れています");
        assertThat(_get(salonsBox, ProgressBar.class).getValue()).isEqualTo(0.5);
        assertThat(_get(salonsBox, ProgressBar.class).getElement().getAttribute("aria-valuetext"))
                .isEqualTo("進捗 50%");

        var lonelyBox = _get(RouterLink.class, spec -> spec.withText("相談相手がいない保護者の割合")).getParent()
                .orElseThrow();
        assertThat(text(lonelyBox)).contains("現在 8.0%", "進捗 21%", "実績の更新が遅れています");
    }

    @Test
    void indicatorPageShowsChartWithBaselineAndTargetAndTheHistoryWithTheCorrection() {
        UI.getCurrent().navigate("goals/indicators/" + salons.getId());

        assertThat(_get(H1.class).getText()).isEqualTo("子ども食堂の数 \"A&B\"");
        String svg = _get(Svg.class).getElement().getProperty("innerHTML");
        assertThat(svg).startsWith("<svg").contains("role=\"img\"", "class=\"chart-baseline\"",
                "class=\"chart-target\"", "stroke-dasharray", "class=\"chart-line\"",
                "<title>子ども食堂の数 &quot;A&amp;B&quot;",
                "現状 8か所", "目標 10か所", ">2026<").doesNotContain("\"A&B");
        assertThat(svg.split("class=\"chart-point\"", -1)).as("one point per date").hasSize(3);

        List<NativeTableRow> rows = _find(NativeTableRow.class);
        assertThat(rows).as("header and three results").hasSize(1 + 3);
        NativeTableRow corrected = rows.stream().filter(row -> row.hasClassName("result-corrected")).findFirst()
                .orElseThrow();
        assertThat(text(corrected)).contains("2026年3月31日", "8か所", "訂正済み");
        NativeTableRow correction = rows.stream().filter(row -> row.hasClassName("result-correction")).findFirst()
                .orElseThrow();
        assertThat(text(correction)).contains("9か所", "訂正", "集計漏れを訂正", "市の調査", "事務局");
        assertThat(text(_get(IndicatorView.class))).contains("こども家庭支援課", "毎年度", "増やす", "件数",
                "令和12年度（2030年度）", "進捗 50%", "順調");
    }

    @Test
    void englishVisitorsGetEnglishLabels() {
        useLocale(TranslationProvider.ENGLISH);
        openPlan();

        assertThat(_get(H1.class).getText()).isEqualTo("Goals and progress");
        assertThat(text(_get(GoalsView.class))).contains("FY2026–FY2030", "Pillar 1", "Progress 50%", "On track",
                "No recent result", "In progress");

        UI.getCurrent().navigate("goals/indicators/" + salons.getId());
        assertThat(text(_get(IndicatorView.class))).contains("Results over time", "History of results", "Baseline",
                "FY2030", "Corrected");
        assertThat(_get(Svg.class).getElement().getProperty("innerHTML")).contains(">FY2026<", "Target 10");
    }

    @Test
    void doneIndicatorWithoutResultsSaysSoInsteadOfDrawingALine() {
        String coordinator = fixtures.coordinator();
        Indicator done = fixtures.as(coordinator, () -> goals.saveIndicator(new IndicatorForm(null, 0,
                salons.getInitiativeId(), "情報発信の仕組みの構築", null, IndicatorKind.DONE, Direction.ACHIEVE,
                BigDecimal.ZERO, LocalDate.of(2026, 4, 1), BigDecimal.ONE, 2028, null, "事務局",
                UpdateFrequency.YEARLY, List.of(), null)));

        UI.getCurrent().navigate("goals/indicators/" + done.getId());

        assertThat(text(_get(IndicatorView.class))).contains("実績なし", "進捗 まだ実績がありません", "未実施",
                "実施（令和10年度（2028年度）まで）", "まだ実績が報告されていません。");
        String svg = _get(Svg.class).getElement().getProperty("innerHTML");
        assertThat(svg).contains("実績はまだありません", "class=\"chart-target\"").doesNotContain("chart-point");
        assertThat(_find(NativeTableRow.class)).isEmpty();
    }

    @Test
    void unknownIndicatorOrPlanIsNotFound() {
        UI.getCurrent().navigate("goals/indicators/999999999999");
        _get(NotFoundView.class);

        UI.getCurrent().navigate("goals", QueryParameters.simple(Map.of("plan", "999999999999")));
        _get(NotFoundView.class);
    }

    @Test
    void chartTextIsEscaped() {
        assertThat(ResultsChart.escape("<a href='x'>\"&\"</a>"))
                .isEqualTo("&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;");
    }
}
