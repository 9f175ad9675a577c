package jp.kosodatehub.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class JapaneseHolidaysTest {

    private static List<LocalDate> dates(int year, String... monthDays) {
        return Stream.of(monthDays).map(md -> LocalDate.of(year, Integer.parseInt(md.split("/")[0]),
                Integer.parseInt(md.split("/")[1]))).toList();
    }

    @Test
    void holidaysOf2026MatchTheCabinetOfficeList() {
        // 内閣府「国民の祝日について」令和8年: incl. 振替休日 5/6 and 国民の休日 9/22.
        assertThat(JapaneseHolidays.holidays(2026)).containsExactlyInAnyOrderElementsOf(dates(2026,
                "1/1", "1/12", "2/11", "2/23", "3/20", "4/29", "5/3", "5/4", "5/5", "5/6", "7/20", "8/11", "9/21",
                "9/22", "9/23", "10/12", "11/3", "11/23"));
    }

    @Test
    void holidaysOf2027MatchTheCabinetOfficeList() {
        // 令和9年: the vernal equinox falls on a Sunday, so Monday 3/22 is a substitute holiday.
        assertThat(JapaneseHolidays.holidays(2027)).containsExactlyInAnyOrderElementsOf(dates(2027,
                "1/1", "1/11", "2/11", "2/23", "3/21", "3/22", "4/29", "5/3", "5/4", "5/5", "7/19", "8/11", "9/20",
                "9/23", "10/11", "11/3", "11/23"));
    }

    @Test
    void specialYearsOfTheOlympicsAndTheEnthronementAreKnown() {
        assertThat(JapaneseHolidays.isHoliday(LocalDate.of(2020, 7, 24))).as("Sports Day 2020").isTrue();
        assertThat(JapaneseHolidays.isHoliday(LocalDate.of(2020, 10, 12))).as("no Sports Day in Oct 2020")
                .isFalse();
        assertThat(JapaneseHolidays.isHoliday(LocalDate.of(2019, 5, 1))).isTrue();
        assertThat(JapaneseHolidays.isHoliday(LocalDate.of(2018, 12, 23))).as("old Emperor's Birthday").isTrue();
        assertThat(JapaneseHolidays.isHoliday(LocalDate.of(2026, 12, 23))).isFalse();
    }

    @Test
    void weekendsAndHolidaysCountAsDaysOff() {
        assertThat(JapaneseHolidays.isWeekendOrHoliday(LocalDate.of(2026, 11, 21))).as("Saturday").isTrue();
        assertThat(JapaneseHolidays.isWeekendOrHoliday(LocalDate.of(2026, 11, 23))).as("勤労感謝の日").isTrue();
        assertThat(JapaneseHolidays.isWeekendOrHoliday(LocalDate.of(2026, 11, 24))).as("Tuesday").isFalse();
    }
}
