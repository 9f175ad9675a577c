package jp.kosodatehub.goals;

import java.util.List;
import jp.kosodatehub.base.validation.InvalidInputException;

/**
 * An import refused as a whole: nothing was saved. Lists every bad row, so that whoever fixes the file in Excel can
 * fix all of it at once rather than one error per attempt, and says what the other rows would have done.
 */
public class GoalImportException extends InvalidInputException {

    private final transient List<RowProblem> rows;
    private final transient ImportReport others;

    GoalImportException(List<RowProblem> rows, ImportReport others) {
        super(rows.stream().map(row -> new FieldProblem(row.column(), row.messageKey())).toList());
        this.rows = List.copyOf(rows);
        this.others = others;
    }

    public List<RowProblem> rows() {
        return rows;
    }

    /** The lines refused: a line with several problems counts once. */
    public long refusedRows() {
        return rows.stream().mapToLong(RowProblem::line).distinct().count();
    }

    /** What the rows not refused would have done. */
    public ImportReport others() {
        return others;
    }

    /**
     * One broken rule in one row.
     *
     * @param line line of the file, the header being line 1
     * @param column the CSV column, or the service's field name when the rule concerns the record
     * @param messageKey translation key of the reason
     */
    public record RowProblem(long line, String column, String messageKey) {
    }
}
