package jp.kosodatehub.goals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FiscalYearTest {

    @Test
    void thirtyFirstOfMarchBelongsToThePreviousFiscalYear() {
        assertThat(FiscalYear.of(LocalDate.of(2027, 3, 31))).isEqualTo(2026);
    }

    @Test
    void firstOfAprilStartsTheNextFiscalYear() {
        assertThat(FiscalYear.of(LocalDate.of(2027, 4, 1))).isEqualTo(2027);
        assertThat(FiscalYear.of(LocalDate.of(2026, 12, 31))).isEqualTo(2026);
        assertThat(FiscalYear.of(LocalDate.of(2027, 1, 1))).isEqualTo(2026);
    }

    @Test
    void fiscalYearRunsFromAprilFirstToMarchThirtyFirst() {
        assertThat(FiscalYear.firstDay(2026)).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(FiscalYear.lastDay(2026)).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(FiscalYear.of(FiscalYear.firstDay(2030))).isEqualTo(2030);
        assertThat(FiscalYear.of(FiscalYear.lastDay(2030))).isEqualTo(2030);
    }

    @Test
    void reiwaYearsCountFromFiscal2019AsTheFirstYear() {
        assertThat(FiscalYear.eraLabel(2019)).isEqualTo("令和元年度");
        assertThat(FiscalYear.eraLabel(2020)).isEqualTo("令和2年度");
        assertThat(FiscalYear.eraLabel(2026)).isEqualTo("令和8年度");
        assertThat(FiscalYear.eraLabel(2030)).isEqualTo("令和12年度");
    }

    @Test
    void yearsBeforeReiwaAreHeisei() {
        assertThat(FiscalYear.eraLabel(2018)).isEqualTo("平成30年度");
        assertThat(FiscalYear.eraLabel(1989)).isEqualTo("平成元年度");
    }

    @Test
    void westernAndEnglishLabelsUseTheStartingYear() {
        assertThat(FiscalYear.westernLabel(2026)).isEqualTo("2026年度");
        assertThat(FiscalYear.englishLabel(2026)).isEqualTo("FY2026");
        assertThat(FiscalYear.fullLabel(2026)).isEqualTo("令和8年度（2026年度）");
    }
}
