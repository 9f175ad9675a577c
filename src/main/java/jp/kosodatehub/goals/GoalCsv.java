package jp.kosodatehub.goals;

import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import jp.kosodatehub.base.validation.InvalidInputException;
import jp.kosodatehub.base.validation.TextRules;
import jp.kosodatehub.events.TargetGroup;
import jp.kosodatehub.goals.GoalForms.InitiativeForm;
import jp.kosodatehub.goals.GoalForms.PillarForm;
import jp.kosodatehub.goals.GoalForms.ResultForm;
import jp.kosodatehub.goals.GoalForms.TargetImageForm;
import jp.kosodatehub.goals.GoalImportException.RowProblem;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.organisations.OrganisationService;
import jp.kosodatehub.security.Roles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan and its results as CSV, in the layout Excel opens and saves: UTF-8 with a byte order mark (Excel
 * reads BOM-less UTF-8 as Shift_JIS and garbles Japanese), CRLF line ends. Import reads the same layout, with or
 * without the BOM, and is all or nothing: every row goes through the same service methods and rules as the
 * editors, and if any row is bad the whole import is rolled back and every bad row is reported.
 *
 * <p>An unchanged export imported back changes nothing. Structure rows name their parents by number (pillar 1,
 * initiative 2) and are matched to the plan by their keys, so that an edited title updates the record in place.
 * Results name their indicator by pillar, initiative and indicator name; a row with the {@code id} of a recorded
 * result is only checked against it, since results are never changed, and a row without id is a new result. Who
 * recorded a result and when are shown on export and not imported: the importing coordinator and the time of
 * import are recorded for new rows, as for any other entry.
 */
@Service
public class GoalCsv {

    static final List<String> STRUCTURE_HEADER = List.of("record", "pillar", "initiative", "title", "status", "unit",
            "kind", "direction", "baseline_value", "baseline_date", "target_value", "target_fiscal_year",
            "responsible_organisation", "responsible_department", "update_frequency", "breakdowns",
            "computed_source", "computed_kind", "computed_district", "computed_weekend", "computed_target_group",
            "aggregation");
    /** Columns appended to the structure file after its first release; older files without them still import. */
    private static final List<String> LATER_COLUMNS = List.of("aggregation");
    static final List<String> RESULTS_HEADER = List.of("id", "pillar", "initiative", "indicator", "date",
            "breakdown", "value", "note", "source", "recorded_by", "recorded_at", "corrects");

    /**
     * The current figure of every indicator, export only: the same {@link GoalProgress.Progress} the pages show, for
     * a report or a spreadsheet of the plan's state; codes rather than labels, like the other files.
     */
    static final List<String> FIGURES_HEADER = List.of("pillar", "initiative", "indicator", "unit", "kind",
            "aggregation", "fiscal_year", "months_from", "months_to", "value", "as_of", "baseline_value",
            "target_value", "target_fiscal_year", "progress_percent", "judgement", "stale");

    enum RecordType { PILLAR, INITIATIVE, TARGET_IMAGE, INDICATOR }

    private static final char BOM = '\uFEFF';
    /** Far above any plan's files (a few hundred rows); more is a wrong file, not a plan. */
    static final int MAX_BYTES = 2 * 1024 * 1024;
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get();
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");
    /** Cells Excel would run as a formula; exported with a leading apostrophe, which import removes again. */
    private static final String FORMULA_STARTS = "=+-@";

    private final GoalService goals;
    private final OrganisationService organisations;

    GoalCsv(GoalService goals, OrganisationService organisations) {
        this.goals = goals;
        this.organisations = organisations;
    }

    // --- export ------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    @RolesAllowed(Roles.COORDINATOR)
    public byte[] exportStructure(Long planId) {
        PlanTree tree = goals.tree(planId);
        return write(STRUCTURE_HEADER, printer -> {
            for (PlanTree.PillarNode pillar : tree.pillars()) {
                int p = pillar.pillar().getNumber();
                printer.printRecord(row(RecordType.PILLAR, p, null, pillar.pillar().getTitle()));
                for (PlanTree.InitiativeNode node : pillar.initiatives()) {
                    int i = node.initiative().getNumber();
                    printer.printRecord(row(RecordType.INITIATIVE, p, i, node.initiative().getTitle()));
                    for (TargetImage image : node.targetImages()) {
                        List<String> row = row(RecordType.TARGET_IMAGE, p, i, image.getText());
                        row.set(4, image.getStatus().name());
                        printer.printRecord(row);
                    }
                    for (Indicator indicator : node.indicators()) {
                        printer.printRecord(indicatorRow(p, i, indicator));
                    }
                }
            }
        });
    }

    @Transactional(readOnly = true)
    @RolesAllowed(Roles.COORDINATOR)
    public byte[] exportFigures(Long planId) {
        PlanTree tree = goals.tree(planId);
        Map<Long, GoalProgress.Progress> progress = goals.progressOfPlan(planId);
        return write(FIGURES_HEADER, printer -> {
            for (PlanTree.PillarNode pillar : tree.pillars()) {
                for (PlanTree.InitiativeNode node : pillar.initiatives()) {
                    for (Indicator indicator : node.indicators()) {
                        GoalProgress.Progress figure = progress.getOrDefault(indicator.getId(),
                                GoalProgress.Progress.NO_DATA);
                        GoalProgress.Period period = figure.period();
                        boolean data = figure.judgement() != Judgement.NO_DATA;
                        printer.printRecord(pillar.pillar().getNumber(), node.initiative().getNumber(),
                                text(indicator.getName()), text(indicator.getUnit()), indicator.getKind().name(),
                                indicator.getAggregation().name(), period == null ? "" : period.fiscalYear(),
                                period == null ? "" : period.from(), period == null ? "" : period.to(),
                                number(figure.value()), figure.date() == null ? "" : figure.date(),
                                number(indicator.getBaselineValue()), number(indicator.getTargetValue()),
                                indicator.getTargetFiscalYear(), data ? figure.percent() : "",
                                figure.judgement().name(), figure.stale());
                    }
                }
            }
        });
    }

    @Transactional(readOnly = true)
    @RolesAllowed(Roles.COORDINATOR)
    public byte[] exportResults(Long planId) {
        PlanTree tree = goals.tree(planId);
        return write(RESULTS_HEADER, printer -> {
            for (PlanTree.PillarNode pillar : tree.pillars()) {
                for (PlanTree.InitiativeNode node : pillar.initiatives()) {
                    for (Indicator indicator : node.indicators()) {
                        if (indicator.isComputed()) {
                            continue;
                        }
                        for (IndicatorResult result : goals.history(indicator.getId())) {
                            printer.printRecord(result.getId(), pillar.pillar().getNumber(),
                                    node.initiative().getNumber(), text(indicator.getName()), result.getDate(),
                                    text(result.getBreakdown()), number(result.getValue()), text(result.getNote()),
                                    text(result.getSource()), text(result.getRecordedBy()), result.getRecordedAt(),
                                    result.getCorrectsId());
                        }
                    }
                }
            }
        });
    }

    private List<String> row(RecordType type, int pillar, Integer initiative, String title) {
        List<String> row = new ArrayList<>(java.util.Collections.nCopies(STRUCTURE_HEADER.size(), ""));
        row.set(0, type.name());
        row.set(1, Integer.toString(pillar));
        row.set(2, initiative == null ? "" : initiative.toString());
        row.set(3, text(title));
        return row;
    }

    private List<String> indicatorRow(int pillar, int initiative, Indicator indicator) {
        List<String> row = row(RecordType.INDICATOR, pillar, initiative, indicator.getName());
        row.set(5, text(indicator.getUnit()));
        row.set(6, indicator.getKind().name());
        row.set(7, indicator.getDirection().name());
        row.set(8, number(indicator.getBaselineValue()));
        row.set(9, indicator.getBaselineDate().toString());
        row.set(10, number(indicator.getTargetValue()));
        row.set(11, Integer.toString(indicator.getTargetFiscalYear()));
        row.set(12, indicator.getResponsibleOrganisationId() == null ? ""
                : organisations.find(indicator.getResponsibleOrganisationId()).map(Organisation::getName)
                        .map(GoalCsv::text).orElse(""));
        row.set(13, text(indicator.getResponsibleDepartment()));
        row.set(14, indicator.getFrequency().name());
        row.set(15, text(String.join(Indicator.BREAKDOWN_SEPARATOR, indicator.getBreakdowns())));
        ComputedDefinition computed = indicator.getComputed();
        if (computed != null) {
            row.set(16, computed.source().name());
            row.set(17, text(computed.kindCode()));
            row.set(18, text(computed.districtCode()));
            row.set(19, Boolean.toString(computed.weekendOrHoliday()));
            row.set(20, computed.targetGroup() == null ? "" : computed.targetGroup().name());
        }
        row.set(STRUCTURE_HEADER.indexOf("aggregation"), indicator.getAggregation().name());
        return row;
    }

    private interface Rows {
        void print(CSVPrinter printer) throws IOException;
    }

    private static byte[] write(List<String> header, Rows rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, FORMAT)) {
            writer.write(BOM);
            printer.printRecord(header);
            rows.print(printer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    // --- import ------------------------------------------------------------------------------------------------

    /** What one row did; counted only when the row was accepted. */
    private enum Outcome { ADDED, UPDATED, UNCHANGED }

    /** The service's field names as the CSV calls them, so that a row's problem names a column of the file. */
    private static final Map<String, String> FIELD_COLUMNS = Map.ofEntries(Map.entry("text", "title"),
            Map.entry("name", "title"), Map.entry("baselineValue", "baseline_value"),
            Map.entry("baselineDate", "baseline_date"), Map.entry("targetValue", "target_value"),
            Map.entry("targetFiscalYear", "target_fiscal_year"),
            Map.entry("responsibleOrganisationId", "responsible_organisation"),
            Map.entry("responsibleDepartment", "responsible_department"), Map.entry("frequency", "update_frequency"),
            Map.entry("computed", "computed_source"), Map.entry("computedKind", "computed_kind"),
            Map.entry("computedDistrict", "computed_district"), Map.entry("initiativeId", "initiative"),
            Map.entry("pillarId", "pillar"), Map.entry("correctsId", "corrects"));

    /**
     * Brings the plan's structure in line with a structure file. Rows are matched by their keys: a pillar by its
     * number, an initiative by its pillar and number, a target image by its initiative and text, an indicator by
     * its initiative and name. A matched row whose other columns differ updates the record in place, an unmatched
     * row adds one, and a row the same as the record is skipped: an unchanged export changes nothing.
     */
    @Transactional
    @RolesAllowed(Roles.COORDINATOR)
    public ImportReport importStructure(Long planId, InputStream in) {
        PlanTree tree = goals.tree(planId);
        Map<Integer, Long> pillarIds = new HashMap<>();
        Map<String, Long> initiativeIds = new HashMap<>();
        // Queues, since the plan may hold two target images (or indicators) of one initiative with the same key.
        Map<String, Deque<Object>> recorded = new HashMap<>();
        tree.pillars().forEach(node -> {
            int p = node.pillar().getNumber();
            pillarIds.put(p, node.pillar().getId());
            recorded.computeIfAbsent(pillarKey(p), k -> new ArrayDeque<>()).add(node.pillar());
            node.initiatives().forEach(child -> {
                int i = child.initiative().getNumber();
                initiativeIds.put(p + "-" + i, child.initiative().getId());
                recorded.computeIfAbsent(initiativeKey(p, i), k -> new ArrayDeque<>()).add(child.initiative());
                child.targetImages().forEach(image -> recorded.computeIfAbsent(
                        childKey(RecordType.TARGET_IMAGE, p, i, image.getText()), k -> new ArrayDeque<>()).add(image));
                child.indicators().forEach(indicator -> recorded.computeIfAbsent(
                        childKey(RecordType.INDICATOR, p, i, indicator.getName()), k -> new ArrayDeque<>())
                        .add(indicator));
            });
        });
        Map<String, Long> organisationIds = new HashMap<>();
        organisations.findAll().forEach(o -> organisationIds.put(o.getName(), o.getId()));
        Set<String> keysInFile = new HashSet<>();
        int[] counts = new int[Outcome.values().length];
        List<RowProblem> problems = read(in, STRUCTURE_HEADER, (row, cells) -> {
            RecordType type = cells.enumValue("record", RecordType.class, true);
            Integer pillar = cells.integer("pillar", true);
            if (type == null || pillar == null) {
                return;
            }
            Integer initiative = type == RecordType.PILLAR ? null : cells.integer("initiative", true);
            String title = cells.text("title");
            if (type != RecordType.PILLAR && initiative == null) {
                return;
            }
            String key = switch (type) {
                case PILLAR -> pillarKey(pillar);
                case INITIATIVE -> initiativeKey(pillar, initiative);
                default -> childKey(type, pillar, initiative, title);
            };
            Object match = match(recorded, keysInFile, key, cells);
            Outcome outcome = switch (type) {
                case PILLAR -> importPillar(cells, tree.plan().getId(), pillar, title, (Pillar) match, pillarIds);
                case INITIATIVE -> importInitiative(cells, pillar, initiative, title, (Initiative) match,
                        pillarIds, initiativeIds);
                case TARGET_IMAGE -> importTargetImage(cells, initiativeIds.get(pillar + "-" + initiative), title,
                        (TargetImage) match);
                case INDICATOR -> importIndicator(cells, initiativeIds.get(pillar + "-" + initiative), title,
                        (Indicator) match, organisationIds);
            };
            if (outcome != null && cells.ok()) {
                counts[outcome.ordinal()]++;
            }
        });
        return report(problems, counts);
    }

    private static String pillarKey(int pillar) {
        return RecordType.PILLAR + "|" + pillar;
    }

    private static String initiativeKey(int pillar, int initiative) {
        return RecordType.INITIATIVE + "|" + pillar + "-" + initiative;
    }

    /** A target image by its text, an indicator by its name, as the service will store them. */
    private static String childKey(RecordType type, int pillar, int initiative, String title) {
        return type + "|" + pillar + "-" + initiative + "|" + TextRules.normalise(title);
    }

    /**
     * The next recorded record with the row's key, or null for a new one. A key the file has used before with no
     * record left for it is a repeated row, which would add a second pillar 1 or a second indicator of one name.
     */
    private static Object match(Map<String, Deque<Object>> recorded, Set<String> keysInFile, String key,
                                Cells cells) {
        Deque<Object> candidates = recorded.get(key);
        Object match = candidates == null ? null : candidates.poll();
        if (!keysInFile.add(key) && match == null) {
            cells.problem("", "goals.csv.repeated-row");
        }
        return match;
    }

    private Outcome importPillar(Cells cells, Long planId, int number, String title, Pillar match,
                                 Map<Integer, Long> pillarIds) {
        if (!cells.ok()) {
            return null;
        }
        if (match != null && Objects.equals(match.getTitle(), TextRules.normalise(title))) {
            return Outcome.UNCHANGED;
        }
        Pillar saved = cells.save(() -> goals.savePillar(new PillarForm(match == null ? null : match.getId(),
                match == null ? 0 : match.getVersion(), planId, number, title)), Map.of("number", "pillar"));
        if (saved != null) {
            pillarIds.put(number, saved.getId());
        }
        return match == null ? Outcome.ADDED : Outcome.UPDATED;
    }

    private Outcome importInitiative(Cells cells, int pillar, int number, String title, Initiative match,
                                     Map<Integer, Long> pillarIds, Map<String, Long> initiativeIds) {
        Long pillarId = cells.require(pillarIds.get(pillar), "pillar", "goals.csv.unknown-parent");
        if (!cells.ok()) {
            return null;
        }
        if (match != null && Objects.equals(match.getTitle(), TextRules.normalise(title))) {
            return Outcome.UNCHANGED;
        }
        Initiative saved = cells.save(() -> goals.saveInitiative(new InitiativeForm(
                match == null ? null : match.getId(), match == null ? 0 : match.getVersion(), pillarId, number,
                title)), Map.of("number", "initiative"));
        if (saved != null) {
            initiativeIds.put(pillar + "-" + number, saved.getId());
        }
        return match == null ? Outcome.ADDED : Outcome.UPDATED;
    }

    private Outcome importTargetImage(Cells cells, Long initiativeId, String text, TargetImage match) {
        cells.require(initiativeId, "initiative", "goals.csv.unknown-parent");
        TargetImageStatus status = cells.enumValue("status", TargetImageStatus.class, true);
        if (!cells.ok()) {
            return null;
        }
        if (match != null && match.getStatus() == status) {
            return Outcome.UNCHANGED;
        }
        cells.save(() -> goals.saveTargetImage(new TargetImageForm(match == null ? null : match.getId(),
                match == null ? 0 : match.getVersion(), initiativeId, text, status)), Map.of());
        return match == null ? Outcome.ADDED : Outcome.UPDATED;
    }

    private Outcome importIndicator(Cells cells, Long initiativeId, String name, Indicator match,
                                    Map<String, Long> organisationIds) {
        cells.require(initiativeId, "initiative", "goals.csv.unknown-parent");
        IndicatorForm form = indicatorForm(cells, match, initiativeId, name, organisationIds);
        if (!cells.ok()) {
            return null;
        }
        // Compared as the service would store the row, so that spaces or 8 for 8.0 are no change.
        if (match != null && same(GoalService.normalise(form), GoalService.normalise(IndicatorForm.of(match)))) {
            return Outcome.UNCHANGED;
        }
        cells.save(() -> goals.saveIndicator(form), Map.of());
        return match == null ? Outcome.ADDED : Outcome.UPDATED;
    }

    /**
     * Whether two forms say the same, every component compared (also those added later), numbers by value: the
     * database gives 8.0000 for the 8 of the file.
     */
    private static boolean same(IndicatorForm a, IndicatorForm b) {
        for (RecordComponent component : IndicatorForm.class.getRecordComponents()) {
            try {
                Object x = component.getAccessor().invoke(a);
                Object y = component.getAccessor().invoke(b);
                boolean equal = x instanceof BigDecimal dx && y instanceof BigDecimal dy ? dx.compareTo(dy) == 0
                        : Objects.equals(x, y);
                if (!equal) {
                    return false;
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return true;
    }

    /** The row as the editor's form: for the recorded indicator it matches, else for a new one. */
    private static IndicatorForm indicatorForm(Cells cells, Indicator match, Long initiativeId, String name,
                                               Map<String, Long> organisationIds) {
        String organisation = cells.text("responsible_organisation");
        Long organisationId = organisation == null ? null : cells.require(organisationIds.get(organisation),
                "responsible_organisation", "goals.validation.unknown-organisation");
        String breakdowns = cells.text("breakdowns");
        ComputedDefinition.Source source = cells.enumValue("computed_source", ComputedDefinition.Source.class, false);
        ComputedDefinition computed = source == null ? null : new ComputedDefinition(source,
                cells.text("computed_kind"), cells.text("computed_district"), cells.bool("computed_weekend"),
                cells.enumValue("computed_target_group", TargetGroup.class, false));
        return new IndicatorForm(match == null ? null : match.getId(), match == null ? 0 : match.getVersion(),
                initiativeId, name, cells.text("unit"),
                cells.enumValue("kind", IndicatorKind.class, true),
                cells.enumValue("direction", Direction.class, true), cells.decimal("baseline_value"),
                cells.date("baseline_date"), cells.decimal("target_value"), cells.integer("target_fiscal_year", true),
                organisationId, cells.text("responsible_department"),
                cells.enumValue("update_frequency", UpdateFrequency.class, true),
                breakdowns == null ? List.of() : Arrays.asList(breakdowns.split(Indicator.BREAKDOWN_SEPARATOR, -1)),
                computed, aggregation(cells, match, computed));
    }

    /**
     * Left empty (or absent, in a file from before the column), a recorded indicator keeps how it adds up; a new
     * one is read at its latest value, a computed count per fiscal year.
     */
    private static Aggregation aggregation(Cells cells, Indicator match, ComputedDefinition computed) {
        Aggregation aggregation = cells.enumValue("aggregation", Aggregation.class, false);
        if (aggregation != null) {
            return aggregation;
        }
        if (match != null) {
            return match.getAggregation();
        }
        return Aggregation.defaultFor(computed);
    }

    /**
     * Adds the new rows of a results file to the plan's indicators. Results are never changed: a row whose
     * {@code id} is recorded in this plan must be as recorded and is skipped; a correction is a new row (empty
     * {@code id}) naming the recorded result it corrects in {@code corrects}.
     */
    @Transactional
    @RolesAllowed(Roles.COORDINATOR)
    public ImportReport importResults(Long planId, InputStream in) {
        PlanTree tree = goals.tree(planId);
        Map<String, Long> indicatorIds = new HashMap<>();
        Map<Long, String> indicatorKeys = new HashMap<>();
        Map<Long, IndicatorResult> recorded = new HashMap<>();
        tree.pillars().forEach(pillar -> pillar.initiatives().forEach(node -> node.indicators().forEach(
                indicator -> {
                    String key = pillar.pillar().getNumber() + "-" + node.initiative().getNumber() + "-"
                            + indicator.getName();
                    indicatorIds.put(key, indicator.getId());
                    indicatorKeys.put(indicator.getId(), key);
                    if (!indicator.isComputed()) {
                        goals.history(indicator.getId()).forEach(result -> recorded.put(result.getId(), result));
                    }
                })));
        Set<Long> idsInFile = new HashSet<>();
        int[] counts = new int[Outcome.values().length];
        List<RowProblem> problems = read(in, RESULTS_HEADER, (row, cells) -> {
            Long id = cells.id("id");
            Integer pillar = cells.integer("pillar", true);
            Integer initiative = cells.integer("initiative", true);
            String key = pillar + "-" + initiative + "-" + TextRules.normalise(cells.text("indicator"));
            Long indicatorId = cells.require(indicatorIds.get(key), "indicator", "goals.csv.unknown-indicator");
            Long correctsId = cells.id("corrects");
            ResultForm form = new ResultForm(indicatorId, cells.date("date"), cells.text("breakdown"),
                    cells.decimal("value"), cells.text("note"), cells.text("source"), correctsId);
            if (!cells.ok()) {
                return;
            }
            Outcome outcome;
            if (id != null) {
                IndicatorResult result = recorded.get(id);
                if (!idsInFile.add(id)) {
                    cells.problem("id", "goals.csv.repeated-row");
                } else if (result == null) {
                    cells.problem("id", "goals.csv.unknown-result");
                } else {
                    List<String> changed = changedColumns(result, indicatorKeys.get(result.getIndicatorId()), key,
                            form);
                    if (!changed.isEmpty()) {
                        cells.problem(String.join(", ", changed), "goals.csv.result-changed");
                    }
                }
                outcome = Outcome.UNCHANGED;
            } else {
                if (correctsId != null && !recorded.containsKey(correctsId)) {
                    cells.problem("corrects", "goals.csv.unknown-correction");
                } else {
                    cells.save(() -> goals.recordResult(form), Map.of());
                }
                outcome = Outcome.ADDED;
            }
            if (cells.ok()) {
                counts[outcome.ordinal()]++;
            }
        });
        return report(problems, counts);
    }

    /** The imported columns in which a row differs from the result recorded under its id. */
    private static List<String> changedColumns(IndicatorResult result, String recordedKey, String key,
                                               ResultForm row) {
        List<String> changed = new ArrayList<>();
        if (!recordedKey.equals(key)) {
            changed.add("indicator");
        }
        if (!result.getDate().equals(row.date())) {
            changed.add("date");
        }
        if (!Objects.equals(result.getBreakdown(), TextRules.normalise(row.breakdown()))) {
            changed.add("breakdown");
        }
        if (row.value() == null || result.getValue().compareTo(row.value()) != 0) {
            changed.add("value");
        }
        if (!Objects.equals(result.getNote(), TextRules.normalise(row.note()))) {
            changed.add("note");
        }
        if (!Objects.equals(result.getSource(), TextRules.normalise(row.source()))) {
            changed.add("source");
        }
        if (!Objects.equals(result.getCorrectsId(), row.correctsId())) {
            changed.add("corrects");
        }
        return changed;
    }

    /** The counts; or, if any row was refused, nothing saved and every problem with what the rest would do. */
    private static ImportReport report(List<RowProblem> problems, int[] counts) {
        ImportReport report = new ImportReport(counts[Outcome.ADDED.ordinal()], counts[Outcome.UPDATED.ordinal()],
                counts[Outcome.UNCHANGED.ordinal()]);
        if (!problems.isEmpty()) {
            throw new GoalImportException(problems, report);
        }
        return report;
    }

    private interface RowHandler {
        void handle(long line, Cells cells);
    }

    /**
     * The file's header is ours, or ours without the columns added since the first release at its end: a file
     * exported before the {@code aggregation} column existed still imports, with that column's default.
     */
    private static boolean accepted(List<String> header, List<String> fileHeader) {
        if (header.equals(fileHeader)) {
            return true;
        }
        int firstLater = header.indexOf(LATER_COLUMNS.getFirst());
        return firstLater > 0 && fileHeader.equals(header.subList(0, firstLater));
    }

    /** Reads every row, handing each to the handler, and returns every problem found with its line. */
    private static List<RowProblem> read(InputStream in, List<String> header, RowHandler handler) {
        List<RowProblem> problems = new ArrayList<>();
        // Strict UTF-8: a Shift_JIS or binary file is refused, instead of being imported as replacement characters.
        try (Reader reader = withoutBom(new InputStreamReader(new LimitedInputStream(in, MAX_BYTES),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)));
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(CSVFormat.DEFAULT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            List<String> fileHeader = records.hasNext() ? trimmed(records.next()) : List.of();
            if (!accepted(header, fileHeader)) {
                problems.add(new RowProblem(1, "", "goals.csv.bad-header"));
                return problems;
            }
            header = fileHeader;
            while (true) {
                // The line where a record starts: rows with line breaks inside quotes span several lines.
                long line = parser.getCurrentLineNumber() + 1;
                if (!records.hasNext()) {
                    break;
                }
                CSVRecord record = records.next();
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                Cells cells = new Cells(line, header, record, problems);
                if (record.size() != header.size()) {
                    problems.add(new RowProblem(line, "", "goals.csv.wrong-columns"));
                    continue;
                }
                handler.handle(line, cells);
            }
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
            if (cause instanceof TooLargeException) {
                return List.of(new RowProblem(1, "", "validation.file-too-large"));
            }
            if (cause instanceof CharacterCodingException) {
                return List.of(new RowProblem(1, "", "validation.file-encoding"));
            }
            // Broken quoting: the parser cannot say where the row ends, so report it after the last row read.
            problems.add(new RowProblem(problems.isEmpty() ? 1 : problems.getLast().line() + 1, "",
                    "goals.csv.wrong-columns"));
        }
        return problems;
    }

    private static final class TooLargeException extends IOException {
        TooLargeException() {
            super("File larger than " + MAX_BYTES + " bytes");
        }
    }

    /** Stops reading past the limit, so that a huge upload is refused without being parsed to the end. */
    private static final class LimitedInputStream extends java.io.FilterInputStream {

        private final long limit;
        private long read;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b != -1) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
                throw new TooLargeException();
            }
        }
    }

    private static List<String> trimmed(CSVRecord record) {
        return record.stream().map(cell -> cell.strip().toLowerCase(Locale.ROOT)).toList();
    }

    private static Reader withoutBom(Reader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != BOM) {
            pushback.unread(first);
        }
        return pushback;
    }

    /** The cells of one row, parsed one by one; each bad cell adds a problem for its line and column. */
    private static final class Cells {

        private final long line;
        private final List<String> header;
        private final CSVRecord record;
        private final List<RowProblem> problems;
        private final int problemsBefore;

        Cells(long line, List<String> header, CSVRecord record, List<RowProblem> problems) {
            this.line = line;
            this.header = header;
            this.record = record;
            this.problems = problems;
            this.problemsBefore = problems.size();
        }

        boolean ok() {
            return problems.size() == problemsBefore;
        }

        void problem(String column, String key) {
            problems.add(new RowProblem(line, column, key));
        }

        /** The cell's text, blank as null, an apostrophe added against formulas taken off again. */
        String text(String column) {
            int index = header.indexOf(column);
            String value = index < 0 ? null : record.get(index);
            if (value == null || value.isBlank()) {
                return null;
            }
            if (value.length() > 1 && value.charAt(0) == '\'' && FORMULA_STARTS.indexOf(value.charAt(1)) >= 0) {
                return value.substring(1);
            }
            return value;
        }

        Integer integer(String column, boolean required) {
            String value = text(column);
            if (value == null) {
                if (required) {
                    problem(column, "validation.required");
                }
                return null;
            }
            return parsed(column, value, Integer::valueOf, "validation.bad-number");
        }

        /** A number; thousands separators as Excel writes them (25,723) are allowed. */
        BigDecimal decimal(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            return parsed(column, value.replace(",", ""), BigDecimal::new, "validation.bad-number");
        }

        /** 2026-04-01 as exported, or 2026/4/1 as Excel shows dates in Japan. */
        LocalDate date(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            return parsed(column, value, text -> text.contains("/") ? LocalDate.parse(text, SLASHED)
                    : LocalDate.parse(text), "goals.csv.bad-date");
        }

        /** Reads a non-empty cell, or records the problem at its column and gives null. */
        private <T> T parsed(String column, String value, java.util.function.Function<String, T> parser,
                             String problemKey) {
            try {
                return parser.apply(value.strip());
            } catch (NumberFormatException | DateTimeParseException e) {
                problem(column, problemKey);
                return null;
            }
        }

        boolean bool(String column) {
            String value = text(column);
            return value != null && (value.strip().equalsIgnoreCase("true") || value.strip().equals("1"));
        }

        <E extends Enum<E>> E enumValue(String column, Class<E> type, boolean required) {
            String value = text(column);
            if (value == null) {
                if (required) {
                    problem(column, "validation.required");
                }
                return null;
            }
            try {
                return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(column, "goals.csv.bad-value");
                return null;
            }
        }

        <T> T require(T value, String column, String key) {
            if (value == null) {
                problem(column, key);
            }
            return value;
        }

        /** A record's id as exported; blank as null. */
        Long id(String column) {
            String value = text(column);
            return value == null ? null : parsed(column, value, Long::valueOf, "validation.bad-number");
        }

        /**
         * Saves through the service; its refusal becomes this row's problems, at the CSV's column for each of the
         * service's fields ({@code columns} first, for fields the record type names differently).
         */
        <T> T save(java.util.function.Supplier<T> work, Map<String, String> columns) {
            try {
                return work.get();
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> problem(columns.getOrDefault(p.field(),
                        FIELD_COLUMNS.getOrDefault(p.field(), p.field())), p.messageKey()));
                return null;
            }
        }
    }
}
