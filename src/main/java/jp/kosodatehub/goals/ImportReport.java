package jp.kosodatehub.goals;

/**
 * What an import did, or would have done had no row been refused: rows added, rows that changed a record in place
 * (structure only: results are never changed), and rows that matched what is recorded and were skipped.
 */
public record ImportReport(int added, int updated, int unchanged) {

    /** Whether the file only repeated what is recorded, e.g. an unchanged export uploaded back. */
    public boolean changedNothing() {
        return added == 0 && updated == 0;
    }
}
