package jp.kosodatehub.goals.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jp.kosodatehub.KaribuTest;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.base.ui.NotFoundView;
import jp.kosodatehub.goals.ComputedDefinition;
import jp.kosodatehub.goals.Direction;
import jp.kosodatehub.goals.FiscalYear;
import jp.kosodatehub.goals.GoalForms.InitiativeForm;
import jp.kosodatehub.goals.GoalForms.PillarForm;
import jp.kosodatehub.goals.GoalForms.PlanForm;
import jp.kosodatehub.goals.GoalService;
import jp.kosodatehub.goals.Indicator;
import jp.kosodatehub.goals.IndicatorForm;
import jp.kosodatehub.goals.IndicatorKind;
import jp.kosodatehub.goals.Plan;
import jp.kosodatehub.goals.UpdateFrequency;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.volunteers.Applicant;
import jp.kosodatehub.volunteers.ApplicantStatus;
import jp.kosodatehub.volunteers.Opening;
import jp.kosodatehub.volunteers.SupporterType;
import jp.kosodatehub.volunteers.VolunteerActivityFixtures;
import jp.kosodatehub.volunteers.VolunteerFixtures;
import jp.kosodatehub.volunteers.VolunteerStatistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What an anonymous visitor sees of the network's volunteers. Other tests add volunteers too, so the network's
 * headline is compared with the service's figure; the organisation of this test is compared exactly.
 */
class VolunteerTotalsViewTest extends KaribuTest {

    private static final int THIS_YEAR = FiscalYear.of(LocalDate.now(Formats.JAPAN));

    @Autowired
    GoalService goals;

    @Autowired
    VolunteerStatistics statistics;

    @Autowired
    VolunteerFixtures volunteers;

    @Autowired
    VolunteerActivityFixtures activities;

    Organisation salon;
    Indicator target;

    /**
     * A plan from this fiscal year whose volunteers indicator aims at 1,200 by its last year; a salon with two
     * volunteers recruited in FY2025 (one finished), 3.5 hours that year, and one this year.
     */
    @BeforeEach
    void setUp() {
        String coordinator = fixtures.coordinator();
        fixtures.as(coordinator, () -> {
            Plan plan = goals.savePlan(new PlanForm(null, 0, TestFixtures.unique("第5期 協働の指針"), THIS_YEAR,
                    THIS_YEAR + 4));
            var pillar = goals.savePillar(new PillarForm(null, 0, plan.getId(), 4, "持続可能なネットワークづくり"));
            var initiative = goals.saveInitiative(new InitiativeForm(null, 0, pillar.getId(), 2,
                    "やりがいの共有と担い手の育成"));
            target = goals.saveIndicator(new IndicatorForm(null, 0, initiative.getId(), "活動を始めたボランティアの人数",
                    "人", IndicatorKind.COUNT, Direction.INCREASE, BigDecimal.ZERO, FiscalYear.firstDay(THIS_YEAR),
                    new BigDecimal("1200"), THIS_YEAR + 4, null, "とことこ", UpdateFrequency.YEARLY, List.of(),
                    ComputedDefinition.volunteers(ComputedDefinition.Source.VOLUNTEERS_RECRUITED)));
        });
        salon = fixtures.organisation("ひまわりサロン", false);
        Opening opening = volunteers.publishedOpening(salon, Set.of(SupporterType.ANYONE), null);
        Applicant first = volunteers.applicant(opening, "山田", null, ApplicantStatus.ACTIVE, japan(2025, 6, 1));
        volunteers.applicant(opening, "佐藤", null, ApplicantStatus.FINISHED, japan(2025, 9, 1));
        volunteers.applicant(opening, "鈴木", null, ApplicantStatus.CONTACTED, japan(2025, 9, 1));
        volunteers.applicant(opening, "田中", null, ApplicantStatus.ACTIVE, Instant.now());
        activities.activity(first, LocalDate.of(2025, 7, 5), "2");
        activities.activity(first, LocalDate.of(2025, 8, 2), "1.5");
    }

    private static Instant japan(int year, int month, int day) {
        return LocalDateTime.of(year, month, day, 10, 0).atZone(Formats.JAPAN).toInstant();
    }

    private static String text(Component component) {
        return BasicUtilsKt.get_textRecursively(component);
    }

    private static String number(long value) {
        return NumberFormat.getIntegerInstance(Locale.JAPANESE).format(value);
    }

    private NativeTableRow rowOf(String name) {
        return LocatorJ._find(NativeTableRow.class).stream().filter(row -> text(row).startsWith(name)).findFirst()
                .orElseThrow();
    }

    @Test
    void visitorSeesTheChosenYearByOrganisationAndTheTarget() {
        UI.getCurrent().navigate("goals/volunteers", QueryParameters.simple(Map.of("fy", "2025")));

        assertThat(_get(H1.class).getText()).isEqualTo("ボランティアの担い手");
        assertThat(_get(Select.class, spec -> spec.withLabel("年度")).getValue()).isEqualTo(2025);
        String page = text(_get(VolunteerTotalsView.class));
        assertThat(page).contains("活動を始めた人" + number(statistics.totals(2025).recruited()) + "人");
        assertThat(rowOf(salon.getName()).getChildren().map(VolunteerTotalsViewTest::text).toList())
                .containsExactly(salon.getName(), "2人", "3.5時間");
        assertThat(rowOf("その他の方").getChildren().map(VolunteerTotalsViewTest::text).toList()).hasSize(3);
        Indicator shown = goals.firstComputed(ComputedDefinition.Source.VOLUNTEERS_RECRUITED).orElseThrow();
        assertThat(shown.getId()).isEqualTo(target.getId());
        assertThat(page).contains("目標 1,200人（" + FiscalYear.fullLabel(THIS_YEAR + 4) + "）");
        _get(ProgressBar.class);
        assertThat(_get(RouterLink.class, spec -> spec.withText("指標のページを見る")).getHref())
                .isEqualTo("goals/indicators/" + target.getId());
    }

    @Test
    void withoutAYearTheCurrentOneIsShownAndPickingAnotherChangesTheAddress() {
        UI.getCurrent().navigate("goals/volunteers");

        Select<Integer> year = _get(Select.class, spec -> spec.withLabel("年度"));
        assertThat(year.getValue()).isEqualTo(THIS_YEAR);
        assertThat(year.getListDataView().getItems().toList()).contains(THIS_YEAR, 2025);
        assertThat(rowOf(salon.getName()).getChildren().map(VolunteerTotalsViewTest::text).toList())
                .containsExactly(salon.getName(), "1人", "0時間");

        _setValue(year, 2025);

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters())
                .isEqualTo("goals/volunteers?fy=2025");
        assertThat(rowOf(salon.getName()).getChildren().map(VolunteerTotalsViewTest::text).toList())
                .containsExactly(salon.getName(), "2人", "3.5時間");
    }

    @Test
    void goalsPageShowsThisYearsRecruitsAndLinksToTheTotals() {
        UI.getCurrent().navigate("goals");

        assertThat(text(_get(GoalsView.class))).contains("ボランティアの担い手", "に活動を始めたボランティアは"
                + number(statistics.recruited(FiscalYear.firstDay(THIS_YEAR), FiscalYear.lastDay(THIS_YEAR))) + "人");
        assertThat(_get(RouterLink.class, spec -> spec.withText("ボランティアの集計を見る")).getHref())
                .isEqualTo("goals/volunteers");
    }

    @Test
    void aYearThatIsNoYearIsNotFound() {
        UI.getCurrent().navigate("goals/volunteers", QueryParameters.simple(Map.of("fy", "令和7")));
        _get(NotFoundView.class);

        UI.getCurrent().navigate("goals/volunteers", QueryParameters.simple(Map.of("fy", "99999")));
        _get(NotFoundView.class);
    }
}
