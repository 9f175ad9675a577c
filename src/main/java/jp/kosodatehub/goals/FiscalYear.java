package jp.kosodatehub.goals;

import java.time.LocalDate;
import java.time.Month;

/**
 * Japanese fiscal years (年度), which run from 1 April to 31 March and are named after the calendar year they
 * start in: 31 March 2027 still belongs to FY2026 (令和8年度), 1 April 2027 starts FY2027.
 */
public final class FiscalYear {

    /** FY2019 is the first fiscal year of Reiwa (令和元年度), although Reiwa itself began on 1 May 2019. */
    static final int FIRST_REIWA = 2019;
    static final int FIRST_HEISEI = 1989;

    private FiscalYear() {
    }

    public static int of(LocalDate date) {
        return date.getMonthValue() >= Month.APRIL.getValue() ? date.getYear() : date.getYear() - 1;
    }

    public static LocalDate firstDay(int fiscalYear) {
        return LocalDate.of(fiscalYear, Month.APRIL, 1);
    }

    public static LocalDate lastDay(int fiscalYear) {
        return LocalDate.of(fiscalYear + 1, Month.MARCH, 31);
    }

    /** 令和8年度, 令和元年度, 平成30年度: how plans and municipal documents name the year. */
    public static String eraLabel(int fiscalYear) {
        if (fiscalYear >= FIRST_REIWA) {
            return "令和" + eraYear(fiscalYear - FIRST_REIWA + 1) + "年度";
        }
        if (fiscalYear >= FIRST_HEISEI) {
            return "平成" + eraYear(fiscalYear - FIRST_HEISEI + 1) + "年度";
        }
        return westernLabel(fiscalYear);
    }

    /** 2026年度. */
    public static String westernLabel(int fiscalYear) {
        return fiscalYear + "年度";
    }

    /** FY2026, for English texts. */
    public static String englishLabel(int fiscalYear) {
        return "FY" + fiscalYear;
    }

    /** 令和8年度（2026年度）: both, because readers know one or the other. */
    public static String fullLabel(int fiscalYear) {
        return eraLabel(fiscalYear) + "（" + westernLabel(fiscalYear) + "）";
    }

    private static String eraYear(int year) {
        return year == 1 ? "元" : Integer.toString(year);
    }
}
