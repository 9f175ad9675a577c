package jp.kosodatehub.goals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.kosodatehub.RestoreSecurityContextStrategy;
import jp.kosodatehub.TestFixtures;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The office's round trip on the demo plan, as in issue 13: download the structure and the results, upload them
 * back, and nothing in any goals table may change; upload an edited copy, and exactly the edits arrive. A database
 * of its own, since the edits stay.
 */
@ExtendWith(RestoreSecurityContextStrategy.class)
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:goal-csv-demo-test;DB_CLOSE_DELAY=-1")
@ActiveProfiles("demo")
class GoalCsvDemoRoundTripTest {

    private static final List<String> TABLES = List.of("goal_plan", "goal_pillar", "goal_initiative",
            "goal_target_image", "goal_target_image_note", "goal_indicator", "goal_indicator_result");
    private static final String CONSULTATIONS = "「とことこ」の子育て相談件数";

    @Autowired
    GoalCsv csv;

    @Autowired
    GoalService goals;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    Long planId;

    @BeforeEach
    void demoPlan() {
        planId = goals.plans().getFirst().getId();
    }

    @Test
    void unchangedDownloadsUploadedBackChangeNoTable() {
        Map<String, Map<Object, Map<String, Object>>> before = tables();
        java.math.BigDecimal consultationsBefore = consultations();
        byte[] structure = fixtures.as("coordinator", () -> csv.exportStructure(planId));
        byte[] results = fixtures.as("coordinator", () -> csv.exportResults(planId));

        ImportReport structureReport = fixtures.as("coordinator", () -> csv.importStructure(planId, in(structure)));
        ImportReport resultsReport = fixtures.as("coordinator", () -> csv.importResults(planId, in(results)));

        assertThat(tables()).isEqualTo(before);
        assertThat(consultations()).isEqualByComparingTo(consultationsBefore);
        assertThat(structureReport).isEqualTo(new ImportReport(0, 0, rows(structure).size() - 1));
        assertThat(resultsReport).isEqualTo(new ImportReport(0, 0, rows(results).size() - 1));
        assertThat(resultsReport.changedNothing()).isTrue();
    }

    @Test
    void editedCopyChangesExactlyTheEditedRecords() {
        Map<String, Map<Object, Map<String, Object>>> before = tables();
        List<List<String>> structure = rows(fixtures.as("coordinator", () -> csv.exportStructure(planId)));
        List<List<String>> results = rows(fixtures.as("coordinator", () -> csv.exportResults(planId)));
        int title = GoalCsv.STRUCTURE_HEADER.indexOf("title");
        int target = GoalCsv.STRUCTURE_HEADER.indexOf("target_value");
        int status = GoalCsv.STRUCTURE_HEADER.indexOf("status");
        List<String> pillar = structure.get(1);
        pillar.set(title, pillar.get(title) + "（改訂）");
        List<String> visitors = row(structure, title, "地域子育て支援拠点利用者数（延べ）");
        visitors.set(target, "90000");
        List<String> image = structure.stream().filter(r -> r.getFirst().equals("TARGET_IMAGE")).findFirst()
                .orElseThrow();
        image.set(status, image.get(status).equals("ACHIEVED") ? "IN_PROGRESS" : "ACHIEVED");
        List<String> newInitiative = new ArrayList<>(structure.get(2));
        newInitiative.set(GoalCsv.STRUCTURE_HEADER.indexOf("initiative"), "9");
        newInitiative.set(title, "新しい取組");
        structure.add(newInitiative);
        List<String> latest = results.stream().filter(r -> r.get(3).equals(CONSULTATIONS)
                && r.get(5).equals("窓口")).reduce((first, second) -> second).orElseThrow();
        List<String> correction = new ArrayList<>(latest);
        correction.set(0, "");
        correction.set(6, "15");
        correction.set(7, "電話の記録漏れ");
        correction.set(11, latest.getFirst());
        results.add(correction);

        ImportReport structureReport = fixtures.as("coordinator", () -> csv.importStructure(planId,
                in(csv(structure))));
        ImportReport resultsReport = fixtures.as("coordinator", () -> csv.importResults(planId, in(csv(results))));

        Map<String, List<String>> changes = changes(before, tables());
        assertThat(changes.get("goal_pillar")).containsExactly("changed " + idOf("goal_pillar", "title",
                pillar.get(title)) + ": TITLE, VERSION");
        assertThat(changes.get("goal_initiative")).singleElement().asString().startsWith("added");
        assertThat(changes.get("goal_target_image")).singleElement().asString().endsWith(": STATUS, VERSION");
        assertThat(changes.get("goal_indicator")).containsExactly("changed " + idOf("goal_indicator", "name",
                "地域子育て支援拠点利用者数（延べ）") + ": TARGET_VALUE, VERSION");
        assertThat(changes.get("goal_indicator_result")).singleElement().asString().startsWith("added");
        assertThat(changes.get("goal_plan")).isEmpty();
        assertThat(changes.get("goal_target_image_note")).isEmpty();
        assertThat(goals.currentResults(consultationsId())).filteredOn(result -> result.getDate().toString()
                .equals(latest.get(4)) && "窓口".equals(result.getBreakdown())).singleElement()
                .satisfies(result -> assertThat(result.getValue()).isEqualByComparingTo("15"));
        assertThat(structureReport).isEqualTo(new ImportReport(1, 3, structure.size() - 1 - 4));
        assertThat(resultsReport).isEqualTo(new ImportReport(1, 0, results.size() - 1 - 1));
    }

    private Long consultationsId() {
        return goals.tree(planId).indicators().filter(i -> i.getName().equals(CONSULTATIONS)).findFirst()
                .orElseThrow().getId();
    }

    private java.math.BigDecimal consultations() {
        return goals.progress(consultationsId()).value();
    }

    private Object idOf(String table, String column, String value) {
        return jdbc.queryForObject("select id from " + table + " where " + column + " = ?", Object.class, value);
    }

    private static List<String> row(List<List<String>> rows, int column, String value) {
        return rows.stream().filter(r -> r.get(column).equals(value)).findFirst().orElseThrow();
    }

    /** Every row of every goals table by id, all columns, version included. */
    private Map<String, Map<Object, Map<String, Object>>> tables() {
        Map<String, Map<Object, Map<String, Object>>> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
            Map<Object, Map<String, Object>> rows = new TreeMap<>();
            jdbc.queryForList("select * from " + table).forEach(row -> rows.put(row.get("ID"), row));
            tables.put(table, rows);
        }
        return tables;
    }

    /** Per table: "added 12", "removed 12" or "changed 12: TITLE, VERSION". */
    private static Map<String, List<String>> changes(Map<String, Map<Object, Map<String, Object>>> before,
                                                     Map<String, Map<Object, Map<String, Object>>> after) {
        Map<String, List<String>> changes = new LinkedHashMap<>();
        before.forEach((table, rows) -> {
            List<String> list = new ArrayList<>();
            Map<Object, Map<String, Object>> now = after.get(table);
            rows.forEach((id, row) -> {
                Map<String, Object> other = now.get(id);
                if (other == null) {
                    list.add("removed " + id);
                } else if (!other.equals(row)) {
                    list.add("changed " + id + ": " + String.join(", ", row.keySet().stream()
                            .filter(column -> !java.util.Objects.equals(row.get(column), other.get(column)))
                            .toList()));
                }
            });
            now.keySet().stream().filter(id -> !rows.containsKey(id)).forEach(id -> list.add("added " + id));
            changes.put(table, list);
        });
        return changes;
    }

    private static List<List<String>> rows(byte[] file) {
        try (CSVParser parser = CSVParser.parse(new StringReader(new String(file, StandardCharsets.UTF_8)
                .substring(1)), CSVFormat.DEFAULT)) {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(new ArrayList<>(record.toList()));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As Excel saves it again: with the byte order mark, CRLF. */
    private static byte[] csv(List<List<String>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            writer.write('\uFEFF');
            printer.printRecords(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static ByteArrayInputStream in(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }
}
