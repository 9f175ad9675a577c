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
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.kosodatehub.base.validation.InvalidInputException;
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
 * <p>Structure rows name their parents by number (pillar 1, initiative 2), results name their indicator by pillar,
 * initiative and indicator name. The results file's {@code id} column only links a correction to the row it
 * corrects; on import new ids are given. Who recorded a result and when are shown on export and not imported: the
 * importing coordinator and the time of import are recorded instead, as for any other entry.
 */
@Service
public class GoalCsv {

    static final List<String> STRUCTURE_HEADER = List.of("record", "pillar", "initiative", "title", "status", "unit",
            "kind", "direction", "baseline_value", "baseline_date", "target_value", "target_fiscal_year",
            "responsible_organisation", "responsible_department", "update_frequency", "breakdowns",
            "computed_source", "computed_kind", "computed_district", "computed_weekend", "computed_target_group",
            "aggregation");
    static final List<String> RESULTS_HEADER = List.of("id", "pillar", "initiative", "indicator", "date",
            "breakdown", "value", "note", "source", "recorded_by", "recorded_at", "corrects");

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

    /** Adds pillars, initiatives, target images and indicators from a structure file to the plan. */
    @Transactional
    @RolesAllowed(Roles.COORDINATOR)
    public ImportReport importStructure(Long planId, InputStream in) {
        PlanTree tree = goals.tree(planId);
        Map<Integer, Long> pillarIds = new HashMap<>();
        Map<String, Long> initiativeIds = new HashMap<>();
        tree.pillars().forEach(node -> {
            pillarIds.put(node.pillar().getNumber(), node.pillar().getId());
            node.initiatives().forEach(i -> initiativeIds.put(node.pillar().getNumber() + "-"
                    + i.initiative().getNumber(), i.initiative().getId()));
        });
        Map<String, Long> organisationIds = new HashMap<>();
        organisations.findAll().forEach(o -> organisationIds.put(o.getName(), o.getId()));
        int[] counts = new int[RecordType.values().length];
        List<RowProblem> problems = read(in, STRUCTURE_HEADER, (row, cells) -> {
            RecordType type = cells.enumValue("record", RecordType.class, true);
            Integer pillar = cells.integer("pillar", true);
            if (type == null || pillar == null) {
                return;
            }
            Integer initiative = type == RecordType.PILLAR ? null : cells.integer("initiative", true);
            String title = cells.text("title");
            switch (type) {
                case PILLAR -> {
                    if (cells.ok()) {
                        Pillar saved = cells.save(() -> goals.savePillar(
                                new PillarForm(null, 0, tree.plan().getId(), pillar, title)));
                        if (saved != null) {
                            pillarIds.put(pillar, saved.getId());
                        }
                    }
                }
                case INITIATIVE -> {
                    Long pillarId = cells.require(pillarIds.get(pillar), "pillar", "goals.csv.unknown-parent");
                    if (cells.ok()) {
                        Initiative saved = cells.save(() -> goals.saveInitiative(
                                new InitiativeForm(null, 0, pillarId, initiative, title)));
                        if (saved != null) {
                            initiativeIds.put(pillar + "-" + initiative, saved.getId());
                        }
                    }
                }
                case TARGET_IMAGE -> {
                    Long initiativeId = cells.require(initiativeIds.get(pillar + "-" + initiative), "initiative",
                            "goals.csv.unknown-parent");
                    TargetImageStatus status = cells.enumValue("status", TargetImageStatus.class, true);
                    if (cells.ok()) {
                        cells.save(() -> goals.saveTargetImage(
                                new TargetImageForm(null, 0, initiativeId, title, status)));
                    }
                }
                case INDICATOR -> {
                    Long initiativeId = cells.require(initiativeIds.get(pillar + "-" + initiative), "initiative",
                            "goals.csv.unknown-parent");
                    IndicatorForm form = indicatorForm(cells, initiativeId, title, organisationIds);
                    if (cells.ok()) {
                        cells.save(() -> goals.saveIndicator(form));
                    }
                }
                default -> throw new IllegalStateException();
            }
            if (cells.ok()) {
                counts[type.ordinal()]++;
            }
        });
        if (!problems.isEmpty()) {
            throw new GoalImportException(problems);
        }
        return new ImportReport(counts[0], counts[1], counts[2], counts[3], 0);
    }

    private static IndicatorForm indicatorForm(Cells cells, Long initiativeId, String name,
                                               Map<String, Long> organisationIds) {
        String organisation = cells.text("responsible_organisation");
        Long organisationId = organisation == null ? null : cells.require(organisationIds.get(organisation),
                "responsible_organisation", "goals.validation.unknown-organisation");
        String breakdowns = cells.text("breakdowns");
        ComputedDefinition.Source source = cells.enumValue("computed_source", ComputedDefinition.Source.class, false);
        ComputedDefinition computed = source == null ? null : new ComputedDefinition(source,
                cells.text("computed_kind"), cells.text("computed_district"), cells.bool("computed_weekend"),
                cells.enumValue("computed_target_group", TargetGroup.class, false));
        return new IndicatorForm(null, 0, initiativeId, name, cells.text("unit"),
                cells.enumValue("kind", IndicatorKind.class, true),
                cells.enumValue("direction", Direction.class, true), cells.decimal("baseline_value"),
                cells.date("baseline_date"), cells.decimal("target_value"), cells.integer("target_fiscal_year", true),
                organisationId, cells.text("responsible_department"),
                cells.enumValue("update_frequency", UpdateFrequency.class, true),
                breakdowns == null ? List.of() : Arrays.asList(breakdowns.split(Indicator.BREAKDOWN_SEPARATOR, -1)),
                computed, aggregation(cells, computed));
    }

    /** Left empty, an indicator is read at its latest value, a computed count per fiscal year. */
    private static Aggregation aggregation(Cells cells, ComputedDefinition computed) {
        Aggregation aggregation = cells.enumValue("aggregation", Aggregation.class, false);
        if (aggregation != null) {
            return aggregation;
        }
        return computed == null ? Aggregation.LATEST : Aggregation.FISCAL_YEAR_TOTAL;
    }

    /** Adds results from a results file to the plan's indicators, corrections after the rows they correct. */
    @Transactional
    @RolesAllowed(Roles.COORDINATOR)
    public ImportReport importResults(Long planId, InputStream in) {
        PlanTree tree = goals.tree(planId);
        Map<String, Long> indicatorIds = new HashMap<>();
        tree.pillars().forEach(pillar -> pillar.initiatives().forEach(node -> node.indicators().forEach(
                indicator -> indicatorIds.put(pillar.pillar().getNumber() + "-" + node.initiative().getNumber()
                        + "-" + indicator.getName(), indicator.getId()))));
        Map<String, Long> newIds = new HashMap<>();
        int[] count = {0};
        List<RowProblem> problems = read(in, RESULTS_HEADER, (row, cells) -> {
            String fileId = cells.text("id");
            Integer pillar = cells.integer("pillar", true);
            Integer initiative = cells.integer("initiative", true);
            String name = cells.text("indicator");
            Long indicatorId = cells.require(indicatorIds.get(pillar + "-" + initiative + "-" + name), "indicator",
                    "goals.csv.unknown-indicator");
            String corrects = cells.text("corrects");
            Long correctsId = corrects == null ? null
                    : cells.require(newIds.get(corrects), "corrects", "goals.csv.unknown-correction");
            ResultForm form = new ResultForm(indicatorId, cells.date("date"), cells.text("breakdown"),
                    cells.decimal("value"), cells.text("note"), cells.text("source"), correctsId);
            if (cells.ok()) {
                IndicatorResult saved = cells.save(() -> goals.recordResult(form));
                if (saved != null) {
                    count[0]++;
                    if (fileId != null) {
                        newIds.put(fileId, saved.getId());
                    }
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new GoalImportException(problems);
        }
        return new ImportReport(0, 0, 0, 0, count[0]);
    }

    private interface RowHandler {
        void handle(long line, Cells cells);
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
            if (!records.hasNext() || !header.equals(trimmed(records.next()))) {
                problems.add(new RowProblem(1, "", "goals.csv.bad-header"));
                return problems;
            }
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

        private void problem(String column, String key) {
            problems.add(new RowProblem(line, column, key));
        }

        /** The cell's text, blank as null, an apostrophe added against formulas taken off again. */
        String text(String column) {
            String value = record.get(header.indexOf(column));
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

        /** Saves through the service; its refusal becomes this row's problems. */
        <T> T save(java.util.function.Supplier<T> work) {
            try {
                return work.get();
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> problem(p.field(), p.messageKey()));
                return null;
            }
        }
    }
}
