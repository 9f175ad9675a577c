package jp.kosodatehub.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.goals.GoalForms.PlanForm;
import jp.kosodatehub.goals.GoalForms.ResultForm;
import jp.kosodatehub.goals.GoalForms.TargetImageForm;
import jp.kosodatehub.goals.GoalImportException.RowProblem;
import jp.kosodatehub.organisations.Organisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

@SpringBootTest
class GoalCsvTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Autowired
    GoalService goals;

    @Autowired
    GoalCsv csv;

    @Autowired
    TestFixtures fixtures;

    String coordinator;
    Organisation cafeteria;
    GoalTestData data;

    @BeforeEach
    void setUp() {
        coordinator = fixtures.coordinator();
        cafeteria = fixtures.organisation("=cafeteria", false);
        data = new GoalTestData(goals, fixtures, coordinator);
    }

    private Plan emptyPlan() {
        return fixtures.as(coordinator, () -> goals.savePlan(new PlanForm(null, 0, TestFixtures.unique("取込先"),
                2026, 2030)));
    }

    private static ByteArrayInputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ByteArrayInputStream in(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    /** A structure row in header order, every cell quoted; cells not given are empty. */
    private static String structure(Map<String, String> cells) {
        return GoalCsv.STRUCTURE_HEADER.stream()
                .map(column -> "\"" + cells.getOrDefault(column, "").replace("\"", "\"\"") + "\"")
                .collect(Collectors.joining(",")) + "\r\n";
    }

    private static String header(List<String> columns) {
        return String.join(",", columns) + "\r\n";
    }

    private static Map<String, String> indicator(String pillar, String initiative, String name, String targetYear) {
        return Map.ofEntries(Map.entry("record", "INDICATOR"), Map.entry("pillar", pillar),
                Map.entry("initiative", initiative), Map.entry("title", name), Map.entry("kind", "COUNT"),
                Map.entry("direction", "INCREASE"), Map.entry("baseline_value", "8"),
                Map.entry("baseline_date", "2022-03-31"), Map.entry("target_value", "10"),
                Map.entry("target_fiscal_year", targetYear), Map.entry("responsible_department", "こども家庭支援課"),
                Map.entry("update_frequency", "YEARLY"));
    }

    private void fillSourcePlan() {
        fixtures.as(coordinator, () -> goals.saveTargetImage(new TargetImageForm(null, 0, data.initiative.getId(),
                "イベント等は、適切なツールで発信できている。\n（ホームページ、公式LINE、Instagram）",
                TargetImageStatus.IN_PROGRESS)));
        Indicator counted = fixtures.as(coordinator, () -> goals.saveIndicator(new IndicatorForm(null, 0,
                data.initiative.getId(), "相談件数", "件", IndicatorKind.COUNT, Direction.INCREASE,
                new BigDecimal("25723"), LocalDate.of(2021, 3, 31), new BigDecimal("80231"), 2030,
                cafeteria.getId(), null, UpdateFrequency.QUARTERLY, List.of("窓口", "電話"), null)));
        fixtures.as(coordinator, () -> goals.saveIndicator(new IndicatorForm(null, 0, data.initiative.getId(),
                "悩みの相談相手がいない保護者の割合", "%", IndicatorKind.PERCENT, Direction.DECREASE,
                new BigDecimal("8.8"), LocalDate.of(2024, 3, 31), new BigDecimal("5.0"), 2030, null,
                "-区役所", UpdateFrequency.YEARLY, List.of(), null)));
        fixtures.as(coordinator, () -> goals.saveIndicator(new IndicatorForm(null, 0, data.initiative.getId(),
                "週末のイベント開催数", "回", IndicatorKind.COUNT, Direction.INCREASE, BigDecimal.ZERO, TODAY,
                new BigDecimal("40"), 2030, null, "とことこ", UpdateFrequency.YEARLY, List.of(),
                ComputedDefinition.eventDates(null, null, true, null))));
        IndicatorResult first = fixtures.as(coordinator, () -> goals.recordResult(new ResultForm(counted.getId(),
                TODAY.minusDays(10), "窓口", new BigDecimal("30000"), "四半期報告\n（暫定）", "=集計表", null)));
        fixtures.as(coordinator, () -> goals.recordResult(new ResultForm(counted.getId(), TODAY.minusDays(10),
                "電話", new BigDecimal("2000"), null, null, null)));
        fixtures.as(coordinator, () -> goals.correctResult(first.getId(), new BigDecimal("31000"), "訂正", null));
    }

    @Test
    void exportedStructureCopiesIntoAnEmptyPlanButResultsKeepToTheirOwnPlan() {
        fillSourcePlan();
        byte[] structure = fixtures.as(coordinator, () -> csv.exportStructure(data.plan.getId()));
        byte[] results = fixtures.as(coordinator, () -> csv.exportResults(data.plan.getId()));
        Plan target = emptyPlan();

        ImportReport structureReport = fixtures.as(coordinator, () -> csv.importStructure(target.getId(),
                in(structure)));

        assertThat(structureReport).isEqualTo(new ImportReport(6, 0, 0));
        assertThat(fixtures.as(coordinator, () -> csv.exportStructure(target.getId()))).isEqualTo(structure);
        Indicator copied = goals.tree(target.getId()).indicators()
                .filter(indicator -> indicator.getName().equals("相談件数")).findFirst().orElseThrow();
        assertThat(copied.getResponsibleOrganisationId()).isEqualTo(cafeteria.getId());
        // The ids are the source plan's results: here they name nothing, and nothing is copied under new ids.
        assertThatThrownBy(() -> fixtures.as(coordinator, () -> csv.importResults(target.getId(), in(results))))
                .isInstanceOf(GoalImportException.class)
                .satisfies(e -> assertThat(((GoalImportException) e).rows())
                        .extracting(RowProblem::line, RowProblem::column, RowProblem::messageKey)
                        // The first row's note has a line break, so it spans lines 2 and 3.
                        .containsExactly(tuple(2L, "id", "goals.csv.unknown-result"),
                                tuple(4L, "id", "goals.csv.unknown-result"),
                                tuple(5L, "id", "goals.csv.unknown-result")));
        assertThat(goals.history(copied.getId())).isEmpty();
    }

    @Test
    void unchangedExportImportedBackChangesNothingAndSaysSo() {
        fillSourcePlan();
        PlanTree before = goals.tree(data.plan.getId());
        Indicator counted = before.indicators().filter(i -> i.getName().equals("相談件数")).findFirst()
                .orElseThrow();
        List<IndicatorResult> history = goals.history(counted.getId());
        byte[] structure = fixtures.as(coordinator, () -> csv.exportStructure(data.plan.getId()));
        byte[] results = fixtures.as(coordinator, () -> csv.exportResults(data.plan.getId()));

        ImportReport structureReport = fixtures.as(coordinator, () -> csv.importStructure(data.plan.getId(),
                in(structure)));
        ImportReport resultsReport = fixtures.as(coordinator, () -> csv.importResults(data.plan.getId(),
                in(results)));

        assertThat(structureReport).isEqualTo(new ImportReport(0, 0, 6));
        assertThat(resultsReport).isEqualTo(new ImportReport(0, 0, 3));
        assertThat(structureReport.changedNothing()).isTrue();
        assertThat(goals.history(counted.getId())).usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(history);
        assertThat(goals.tree(data.plan.getId()).indicators().map(Indicator::getVersion).toList())
                .isEqualTo(before.indicators().map(Indicator::getVersion).toList());
        assertThat(goals.tree(data.plan.getId()).pillars().getFirst().pillar().getVersion())
                .isEqualTo(before.pillars().getFirst().pillar().getVersion());
    }

    @Test
    void editedStructureRowsUpdateTheirRecordsInPlaceAndNewKeysAreAdded() {
        fillSourcePlan();
        String file = new String(fixtures.as(coordinator, () -> csv.exportStructure(data.plan.getId())),
                StandardCharsets.UTF_8)
                .replace("親子がほしい情報が見つかる発信の仕組みづくり", "情報発信の仕組みづくり")
                .replace("\"25723\"", "\"26000\"").replace(",25723,", ",26000,")
                .replace("IN_PROGRESS", "ACHIEVED")
                + structure(Map.of("record", "TARGET_IMAGE", "pillar", "1", "initiative", "1",
                        "title", "新しい到達イメージ", "status", "NOT_STARTED"));
        PlanTree before = goals.tree(data.plan.getId());

        ImportReport report = fixtures.as(coordinator, () -> csv.importStructure(data.plan.getId(), in(file)));

        assertThat(report).isEqualTo(new ImportReport(1, 3, 3));
        PlanTree after = goals.tree(data.plan.getId());
        assertThat(after.pillars()).singleElement().satisfies(node -> {
            assertThat(node.pillar().getId()).isEqualTo(data.pillar.getId());
            assertThat(node.pillar().getTitle()).isEqualTo("情報発信の仕組みづくり");
        });
        assertThat(after.initiatives().findFirst().orElseThrow().targetImages())
                .extracting(TargetImage::getText, TargetImage::getStatus)
                .containsExactly(tuple("イベント等は、適切なツールで発信できている。\n（ホームページ、公式LINE、Instagram）",
                        TargetImageStatus.ACHIEVED), tuple("新しい到達イメージ", TargetImageStatus.NOT_STARTED));
        assertThat(after.indicators().map(Indicator::getId).toList())
                .isEqualTo(before.indicators().map(Indicator::getId).toList());
        assertThat(after.indicators().filter(i -> i.getName().equals("相談件数")).findFirst().orElseThrow()
                .getBaselineValue()).isEqualByComparingTo("26000");
    }

    @Test
    void repeatedStructureRowIsRefusedAndProblemsNameTheFilesColumns() {
        String file = header(GoalCsv.STRUCTURE_HEADER)
                + structure(Map.of("record", "PILLAR", "pillar", "1", "title", "発信"))          // 2
                + structure(Map.of("record", "PILLAR", "pillar", "1", "title", "発信（再）"))    // 3 repeated
                + structure(Map.of("record", "PILLAR", "pillar", "100", "title", "番号が大きい"))  // 4
                + structure(Map.of("record", "INITIATIVE", "pillar", "1", "initiative", "0",
                        "title", "番号が0"))                                                    // 5
                + structure(Map.of("record", "PILLAR", "pillar", "2", "title", "居場所"));      // 6 good

        assertThatThrownBy(() -> fixtures.as(coordinator, () -> csv.importStructure(data.plan.getId(), in(file))))
                .isInstanceOf(GoalImportException.class)
                .satisfies(e -> {
                    GoalImportException refused = (GoalImportException) e;
                    assertThat(refused.rows()).extracting(RowProblem::line, RowProblem::column,
                            RowProblem::messageKey).containsExactly(tuple(3L, "", "goals.csv.repeated-row"),
                            tuple(4L, "pillar", "goals.validation.number-range"),
                            tuple(5L, "initiative", "goals.validation.number-range"));
                    assertThat(refused.refusedRows()).isEqualTo(3);
                    assertThat(refused.others()).isEqualTo(new ImportReport(1, 1, 0));
                });
        assertThat(goals.tree(data.plan.getId()).pillars()).extracting(node -> node.pillar().getTitle())
                .containsExactly("親子がほしい情報が見つかる発信の仕組みづくり");
    }

    @Test
    void changedResultRowIsRefusedAsACorrectionWouldBeANewRow() {
        fillSourcePlan();
        Indicator counted = goals.tree(data.plan.getId()).indicators().filter(i -> i.getName().equals("相談件数"))
                .findFirst().orElseThrow();
        List<IndicatorResult> history = goals.history(counted.getId());
        String exported = new String(fixtures.as(coordinator, () -> csv.exportResults(data.plan.getId())),
                StandardCharsets.UTF_8);
        String file = exported.replace(",2000,", ",2500,").replace("訂正", "訂正（再）");

        assertThatThrownBy(() -> fixtures.as(coordinator, () -> csv.importResults(data.plan.getId(), in(file))))
                .isInstanceOf(GoalImportException.class)
                .satisfies(e -> {
                    GoalImportException refused = (GoalImportException) e;
                    assertThat(refused.rows()).extracting(RowProblem::column, RowProblem::messageKey)
                            .containsExactlyInAnyOrder(tuple("value", "goals.csv.result-changed"),
                                    tuple("note", "goals.csv.result-changed"));
                    assertThat(refused.others()).isEqualTo(new ImportReport(0, 0, 1));
                });
        assertThat(goals.history(counted.getId())).usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(history);
    }

    @Test
    void resultIdsOfAnotherPlanMadeUpOrRepeatedAreRefused() {
        Indicator indicator = fixtures.as(coordinator, () -> goals.saveIndicator(data.count("子ども食堂の数",
                cafeteria.getId())));
        IndicatorResult recorded = fixtures.as(coordinator, () -> goals.recordResult(new ResultForm(
                indicator.getId(), LocalDate.of(2025, 3, 31), null, new BigDecimal("9"), null, "年次報告", null)));
        GoalTestData other = new GoalTestData(goals, fixtures, coordinator);
        Indicator elsewhere = fixtures.as(coordinator, () -> goals.saveIndicator(other.count("子ども食堂の数",
                cafeteria.getId())));
        IndicatorResult foreign = fixtures.as(coordinator, () -> goals.recordResult(new ResultForm(
                elsewhere.getId(), LocalDate.of(2025, 3, 31), null, new BigDecimal("9"), null, "年次報告", null)));
        String row = ",1,1,子ども食堂の数,2025-03-31,,9,,年次報告,,,";
        String file = header(GoalCsv.RESULTS_HEADER)
                + recorded.getId() + row + "\r\n"                                  // 2 unchanged
                + recorded.getId() + row + "\r\n"                                  // 3 repeated
                + foreign.getId() + row + "\r\n"                                   // 4 another plan's
                + "9999999" + row + "\r\n"                                         // 5 made up
                + "<b>1</b>" + row + "\r\n"                                        // 6 not an id
                + row + foreign.getId() + "\r\n"                                   // 7 corrects another plan's
                + row + "\r\n";                                                    // 8 new, good

        assertThatThrownBy(() -> fixtures.as(coordinator, () -> csv.importResults(data.plan.getId(), in(file))))
                .isInstanceOf(GoalImportException.class)
                .satisfies(e -> {
                    GoalImportException refused = (GoalImportException) e;
                    assertThat(refused.rows()).extracting(RowProblem::line, RowProblem::column,
                            RowProblem::messageKey).containsExactly(tuple(3L, "id", "goals.csv.repeated-row"),
                            tuple(4L, "id", "goals.csv.unknown-result"), tuple(5L, "id", "goals.csv.unknown-result"),
                            tuple(6L, "id", "validation.bad-number"),
                            tuple(7L, "corrects", "goals.csv.unknown-correction"));
                    assertThat(refused.others()).isEqualTo(new ImportReport(1, 0, 1));
                });
        assertThat(goals.history(indicator.getId())).containsExactly(recorded);
        assertThat(goals.history(elsewhere.getId())).containsExactly(foreign);
    }

    @Test
    void exportStartsWithAByteOrderMarkAndDefusesFormulas() {
        fillSourcePlan();

        byte[] structure = fixtures.as(coordinator, () -> csv.exportStructure(data.plan.getId()));
        byte[] results = fixtures.as(coordinator, () -> csv.exportResults(data.plan.getId()));

        assertThat(Arrays.copyOf(structure, 3)).isEqualTo(BOM);
        assertThat(Arrays.copyOf(results, 3)).isEqualTo(BOM);
        String text = new String(structure, StandardCharsets.UTF_8);
        assertThat(text.substring(1)).startsWith(header(GoalCsv.STRUCTURE_HEADER));
        assertThat(text).contains("'=cafeteria").contains("'-区役所").contains("\r\n");
        assertThat(new String(results, StandardCharsets.UTF_8)).contains("'=集計表");
    }

    @Test
    void importAcceptsFilesWithAndWithoutByteOrderMark() {
        String file = header(GoalCsv.STRUCTURE_HEADER)
                + structure(Map.of("record", "PILLAR", "pillar", "1", "title", "発信の仕組みづくり"));
        Plan withBom = emptyPlan();
        Plan withoutBom = emptyPlan();

        fixtures.as(coordinator, () -> csv.importStructure(withBom.getId(), in("\uFEFF" + file)));
        fixtures.as(coordinator, () -> csv.importStructure(withoutBom.getId(), in(file)));

        assertThat(goals.tree(withBom.getId()).pillars()).extracting(node -> node.pillar().getTitle())
                .containsExactly("発信の仕組みづくり");
        assertThat(goals.tree(withoutBom.getId()).pillars()).extracting(node -> node.pillar().getTitle())
                .containsExactly("発信の仕組みづくり");
    }

    @Test
    void oneBadRowImportsNothingAndEveryBadRowIsReportedWithItsLine() {
        Plan target = emptyPlan();
        String file = header(GoalCsv.STRUCTURE_HEADER)                                                  // line 1
                + structure(Map.of("record", "PILLAR", "pillar", "1", "title", "発信の仕組みづくり"))       // 2 good
                + structure(Map.of("record", "PILLAR", "pillar", "2", "title", ""))                       // 3 bad
                + structure(Map.of("record", "INITIATIVE", "pillar", "1", "initiative", "1",
                        "title", "情報集約"))                                                              // 4 good
                + structure(Map.of("record", "TARGET_IMAGE", "pillar", "1", "initiative", "1",
                        "title", "二行の\n到達イメージ", "status", "IN_PROGRESS"))                          // 5–6 good
                + structure(Map.of("record", "INITIATIVE", "pillar", "9", "initiative", "1",
                        "title", "柱がない"))                                                               // 7 bad
                + structure(Map.of("record", "TARGET_IMAGE", "pillar", "1", "initiative", "1",
                        "title", "状態が変", "status", "DONE"))                                             // 8 bad
                + structure(indicator("1", "1", "目標年度が期間外", "2035"))                                  // 9 bad
                + structure(indicator("1", "1", "子ども食堂の数", "2030"))                                   // 10 good
                + "INDICATOR,1,1,列が足りない\r\n"                                                          // 11 bad
                + structure(Map.of("record", "PILLAR", "pillar", "三", "title", "<b>柱</b>"))              // 12 bad
                + structure(Map.of("record", "PILLAR", "pillar", "3", "title", "<b>柱</b>"));             // 13 bad

        assertThatThrownBy(() -> fixtures.as(coordinator, () -> csv.importStructure(target.getId(), in(file))))
                .isInstanceOf(GoalImportException.class)
                .satisfies(e -> {
                    List<RowProblem> rows = ((GoalImportException) e).rows();
                    assertThat(rows).extracting(RowProblem::line).containsExactly(3L, 7L, 8L, 9L, 11L, 12L, 13L);
                    assertThat(rows).extracting(RowProblem::messageKey).containsExactly("validation.required",
                            "goals.csv.unknown-parent", "goals.csv.bad-value",
                            "goals.validation.target-year-outside-plan", "goals.csv.wrong-columns",
                            "validation.bad-number", "validation.markup");
                });
        assertThat(goals.tree(target.getId()).pillars()).isEmpty();
    }

    @Test
    void aggregationIsTheLastStructureColumnAndSurvivesTheRoundTrip() {
        fixtures.as(coordinator, () -> goals.saveIndicator(new IndicatorForm(null, 0, data.initiative.getId(),
                "「とことこ」の子育て相談件数", "件", IndicatorKind.COUNT, Direction.INCREASE, new BigDecimal("120"),
                LocalDate.of(2025, 3, 31), new BigDecimal("200"), 2030, null, "とことこ", UpdateFrequency.MONTHLY,
                List.of("窓口", "電話"), null, Aggregation.FISCAL_YEAR_TOTAL)));
        byte[] structure = fixtures.as(coordinator, () -> csv.exportStructure(data.plan.getId()));
        Plan target = emptyPlan();

        fixtures.as(coordinator, () -> csv.importStructure(target.getId(), in(structure)));

        assertThat(GoalCsv.STRUCTURE_HEADER.getLast()).isEqualTo("aggregation");
        assertThat(new String(structure, StandardCharsets.UTF_8)).contains(",FISCAL_YEAR_TOTAL\r\n");
        assertThat(goals.tree(target.getId()).indicators()).singleElement()
                .satisfies(i -> assertThat(i.getAggregation()).isEqualTo(Aggregation.FISCAL_YEAR_TOTAL));
    }

    @Test
    void fileExportedBeforeTheAggregationColumnStillImportsAndKeepsHowAnIndicatorAddsUp() {
        fixtures.as(coordinator, () -> goals.saveIndicator(new IndicatorForm(null, 0, data.initiative.getId(),
                "「とことこ」の子育て相談件数", "件", IndicatorKind.COUNT, Direction.INCREASE, new BigDecimal("120"),
                LocalDate.of(2025, 3, 31), new BigDecimal("200"), 2030, null, "とことこ", UpdateFrequency.MONTHLY,
                List.of("窓口", "電話"), null, Aggregation.FISCAL_YEAR_TOTAL)));
        String current = new String(fixtures.as(coordinator, () -> csv.exportStructure(data.plan.getId())),
                StandardCharsets.UTF_8);
        String older = current.lines().map(line -> line.substring(0, line.lastIndexOf(',')))
                .collect(java.util.stream.Collectors.joining("\r\n", "", "\r\n"));
        assertThat(older).doesNotContain("aggregation").doesNotContain("FISCAL_YEAR_TOTAL");

        ImportReport report = fixtures.as(coordinator, () -> csv.importStructure(data.plan.getId(), in(older)));

        assertThat(report.added() + report.updated()).isZero();
        assertThat(goals.tree(data.plan.getId()).indicators()).singleElement()
                .satisfies(i -> assertThat(i.getAggregation()).isEqualTo(Aggregation.FISCAL_YEAR_TOTAL));
    }

    @Test
    void emptyAggregationReadsTheLatestValueAndAWrongOneImportsNothing() {
        Map<String, String> sum = new java.util.HashMap<>(indicator("1", "1", "相談件数", "2030"));
        sum.put("aggregation", "YEARLY_SUM");
        Map<String, String> percentTotal = new java.util.HashMap<>(indicator("1", "1", "割合", "2030"));
        percentTotal.putAll(Map.of("kind", "PERCENT", "aggregation", "FISCAL_YEAR_TOTAL"));
        String parents = header(GoalCsv.STRUCTURE_HEADER)
                + structure(Map.of("record", "PILLAR", "pillar", "1", "title", "発信の仕組みづくり"))
                + structure(Map.of("record", "INITIATIVE", "pillar", "1", "initiative", "1", "title", "情報集約"));
        Plan refused = emptyPlan();
        Plan accepted = emptyPlan();

        assertThatThrownBy(() -> fixtures.as(coordinator, () -> csv.importStructure(refused.getId(),
                in(parents + structure(sum) + structure(percentTotal)))))
                .isInstanceOf(GoalImportException.class)
                .satisfies(e -> assertThat(((GoalImportException) e).rows())
                        .extracting(RowProblem::line, RowProblem::messageKey).containsExactly(
                                org.assertj.core.groups.Tuple.tuple(4L, "goals.csv.bad-value"),
                                org.assertj.core.groups.Tuple.tuple(5L, "goals.validation.aggregation-total-kind")));
        fixtures.as(coordinator, () -> csv.importStructure(accepted.getId(),
                in(parents + structure(indicator("1", "1", "子ども食堂の数", "2030")))));

        assertThat(goals.tree(refused.getId()).pillars()).isEmpty();
        assertThat(goals.tree(accepted.getId()).indicators()).singleElement()
                .satisfies(i -> assertThat(i.getAggregation()).isEqualTo(Aggregation.LATEST));
    }

    @Test
    void badResultRowsImportNoResultAtAll() {
        Indicator indicator = fixtures.as(coordinator, () -> goals.saveIndicator(data.count("子ども食堂の数",
                cafeteria.getId())));
        String file = header(GoalCsv.RESULTS_HEADER)
                + ",1,1,子ども食堂の数,2025-03-31,,9,,年次報告,,,\r\n"
                + ",1,1,子ども食堂の数,2025/3/31,,\"1,000\",,,,,\r\n"
                + ",1,1,ない指標,2025-03-31,,9,,,,,\r\n"
                + ",1,1,子ども食堂の数," + TODAY.plusDays(3) + ",,9,,,,,\r\n"
                + ",1,1,子ども食堂の数,2025-02-30,,九,,,,,\r\n"
                + ",1,1,子ども食堂の数,2025-03-31,,9,,,,,77\r\n";

        assertThatThrownBy(() -> fixtures.as(coordinator, () -> csv.importResults(data.plan.getId(), in(file))))
                .isInstanceOf(GoalImportException.class)
                .satisfies(e -> assertThat(((GoalImportException) e).rows())
                        .extracting(RowProblem::line, RowProblem::messageKey)
                        .containsExactly(
                                tuple(4L, "goals.csv.unknown-indicator"),
                                tuple(5L, "goals.validation.date-in-future"),
                                tuple(6L, "goals.csv.bad-date"),
                                tuple(6L, "validation.bad-number"),
                                tuple(7L, "goals.csv.unknown-correction")));
        assertThat(goals.history(indicator.getId())).isEmpty();
    }

    @Test
    void newResultRowsAreAddedAndACorrectionNamesTheRecordedResult() {
        Indicator indicator = fixtures.as(coordinator, () -> goals.saveIndicator(data.count("子ども食堂の数",
                cafeteria.getId())));
        IndicatorResult recorded = fixtures.as(coordinator, () -> goals.recordResult(new ResultForm(
                indicator.getId(), LocalDate.of(2025, 3, 31), null, new BigDecimal("9"), null, "年次報告", null)));
        String file = "\uFEFF" + header(GoalCsv.RESULTS_HEADER)
                + recorded.getId() + ",1,1,子ども食堂の数,2025-03-31,,9,,年次報告,someone,2025-04-01T00:00:00Z,\r\n"
                + ",1,1,子ども食堂の数,2026/3/31,,\"1,000\",,'=集計表,,,\r\n"
                + ",1,1,子ども食堂の数,2025-03-31,,10,数え直し,,,," + recorded.getId() + "\r\n";

        ImportReport report = fixtures.as(coordinator, () -> csv.importResults(data.plan.getId(), in(file)));

        assertThat(report).isEqualTo(new ImportReport(2, 0, 1));
        assertThat(goals.currentResults(indicator.getId())).extracting(IndicatorResult::getDate,
                result -> result.getValue().intValue(), IndicatorResult::getSource).containsExactly(
                        tuple(LocalDate.of(2025, 3, 31), 10, null), tuple(LocalDate.of(2026, 3, 31), 1000, "=集計表"));
        assertThat(goals.history(indicator.getId())).hasSize(3);
    }

    @Test
    void wrongHeaderIsReportedOnLineOne() {
        assertThatThrownBy(() -> fixtures.as(coordinator, () -> csv.importResults(data.plan.getId(),
                in("date,value\r\n2025-03-31,9\r\n"))))
                .satisfies(e -> assertThat(((GoalImportException) e).rows())
                        .containsExactly(new RowProblem(1, "", "goals.csv.bad-header")));
    }

    @Test
    void membersNeitherExportNorImport() {
        String member = fixtures.member(cafeteria);

        assertThatThrownBy(() -> fixtures.as(member, () -> csv.exportResults(data.plan.getId())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(member, () -> csv.importStructure(data.plan.getId(),
                in(header(GoalCsv.STRUCTURE_HEADER))))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void volunteerSourcesSurviveTheRoundTrip() {
        fixtures.as(coordinator, () -> goals.saveIndicator(new IndicatorForm(null, 0, data.initiative.getId(),
                "活動を始めたボランティアの人数", "人", IndicatorKind.COUNT, Direction.INCREASE, BigDecimal.ZERO,
                LocalDate.of(2025, 4, 1), new BigDecimal("60"), 2030, null, "とことこ", UpdateFrequency.YEARLY,
                List.of(), ComputedDefinition.volunteers(ComputedDefinition.Source.VOLUNTEERS_RECRUITED))));
        fixtures.as(coordinator, () -> goals.saveIndicator(new IndicatorForm(null, 0, data.initiative.getId(),
                "ボランティアの活動時間", "時間", IndicatorKind.NUMBER, Direction.INCREASE, BigDecimal.ZERO,
                LocalDate.of(2025, 4, 1), new BigDecimal("1200.5"), 2030, null, "とことこ", UpdateFrequency.YEARLY,
                List.of(), ComputedDefinition.volunteers(ComputedDefinition.Source.VOLUNTEER_HOURS))));
        byte[] structure = fixtures.as(coordinator, () -> csv.exportStructure(data.plan.getId()));
        Plan target = emptyPlan();

        fixtures.as(coordinator, () -> csv.importStructure(target.getId(), in(structure)));

        assertThat(new String(structure, StandardCharsets.UTF_8)).contains("VOLUNTEERS_RECRUITED", "VOLUNTEER_HOURS");
        assertThat(fixtures.as(coordinator, () -> csv.exportStructure(target.getId()))).isEqualTo(structure);
        assertThat(goals.tree(target.getId()).indicators().map(Indicator::getComputed).toList())
                .containsExactly(ComputedDefinition.volunteers(ComputedDefinition.Source.VOLUNTEERS_RECRUITED),
                        ComputedDefinition.volunteers(ComputedDefinition.Source.VOLUNTEER_HOURS));
    }

    @Test
    void importedVolunteerSourceWithADistrictIsRefused() {
        Plan target = emptyPlan();
        Map<String, String> row = new HashMap<>(indicator("1", "1", "地区別のボランティア", "2030"));
        row.put("computed_source", "VOLUNTEERS_RECRUITED");
        row.put("computed_district", fixtures.district("富岡").getCode());
        String file = header(GoalCsv.STRUCTURE_HEADER)
                + structure(Map.of("record", "PILLAR", "pillar", "1", "title", "担い手"))
                + structure(Map.of("record", "INITIATIVE", "pillar", "1", "initiative", "1", "title", "担い手の育成"))
                + structure(row);

        assertThatThrownBy(() -> fixtures.as(coordinator, () -> csv.importStructure(target.getId(), in(file))))
                .isInstanceOf(GoalImportException.class)
                .satisfies(e -> assertThat(((GoalImportException) e).rows()).extracting(RowProblem::line,
                        RowProblem::messageKey).contains(org.assertj.core.groups.Tuple.tuple(4L,
                                "goals.validation.computed-volunteer-filters")));
        assertThat(goals.tree(target.getId()).pillars()).isEmpty();
    }
}
