package jp.kosodatehub.goals;

import java.util.Locale;

/**
 * How an indicator's results add up to the figure compared with its baseline and target. Monthly counts of a yearly
 * target are summed per fiscal year; a rate or a stock (子ども食堂の数) is read at its latest date.
 */
public enum Aggregation {
    /** The sum of the fiscal year's results: monthly counts toward a yearly total. */
    FISCAL_YEAR_TOTAL,
    /** The total of the latest date: a rate, a level or a stock. */
    LATEST,
    /** The mean of the fiscal year's per-date totals: e.g. a monthly occupancy rate against a yearly target. */
    FISCAL_YEAR_AVERAGE;

    /**
     * Where nobody chose: the latest value, how every indicator was read before aggregations; a computed count is
     * one figure per fiscal year, the only aggregation that fits it.
     */
    public static Aggregation defaultFor(ComputedDefinition computed) {
        return computed == null ? LATEST : FISCAL_YEAR_TOTAL;
    }

    /** Whether the figure covers a fiscal year rather than one date. */
    public boolean perFiscalYear() {
        return this != LATEST;
    }

    public String translationKey() {
        return "goals.aggregation." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
