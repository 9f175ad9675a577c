package jp.kosodatehub.events;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Japanese public holidays (国民の祝日) under the current law, for 2000–2099: fixed days, "Happy Monday" days, the
 * equinoxes, substitute holidays (振替休日) and days between two holidays (国民の休日), with the special dates of
 * 2019–2021. Written here rather than taken from a library because the holiday library on hand lacks the equinoxes
 * and still has the Emperor's Birthday on 23 December.
 */
public final class JapaneseHolidays {

    private static final ConcurrentMap<Integer, Set<LocalDate>> BY_YEAR = new ConcurrentHashMap<>();

    private JapaneseHolidays() {
    }

    public static boolean isHoliday(LocalDate date) {
        return holidays(date.getYear()).contains(date);
    }

    /** Saturday, Sunday or a public holiday: when working parents can come. */
    public static boolean isWeekendOrHoliday(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY || isHoliday(date);
    }

    public static Set<LocalDate> holidays(int year) {
        if (year < 2000 || year > 2099) {
            return Set.of();
        }
        return BY_YEAR.computeIfAbsent(year, JapaneseHolidays::compute);
    }

    private static Set<LocalDate> compute(int year) {
        TreeSet<LocalDate> days = new TreeSet<>();
        days.add(LocalDate.of(year, 1, 1));
        days.add(nthMonday(year, Month.JANUARY, 2));
        days.add(LocalDate.of(year, 2, 11));
        if (year >= 2020) {
            days.add(LocalDate.of(year, 2, 23));
        } else if (year <= 2018) {
            days.add(LocalDate.of(year, 12, 23));
        }
        days.add(LocalDate.of(year, 3, vernalEquinoxDay(year)));
        days.add(LocalDate.of(year, 4, 29));
        days.add(LocalDate.of(year, 5, 3));
        days.add(LocalDate.of(year, 5, 4));
        days.add(LocalDate.of(year, 5, 5));
        days.add(marineDay(year));
        if (year >= 2016) {
            days.add(mountainDay(year));
        }
        days.add(nthMonday(year, Month.SEPTEMBER, 3));
        days.add(LocalDate.of(year, 9, autumnalEquinoxDay(year)));
        days.add(sportsDay(year));
        days.add(LocalDate.of(year, 11, 3));
        days.add(LocalDate.of(year, 11, 23));
        if (year == 2019) {
            // The enthronement: 1 May and 22 October, with 30 April and 2 May as days between holidays.
            days.add(LocalDate.of(2019, 4, 30));
            days.add(LocalDate.of(2019, 5, 1));
            days.add(LocalDate.of(2019, 5, 2));
            days.add(LocalDate.of(2019, 10, 22));
        }
        addDaysBetweenHolidays(days);
        addSubstituteHolidays(days);
        return Set.copyOf(days);
    }

    /** A weekday squeezed between two holidays is a holiday too (国民の休日). */
    private static void addDaysBetweenHolidays(TreeSet<LocalDate> days) {
        for (LocalDate day : Set.copyOf(days)) {
            LocalDate between = day.plusDays(1);
            if (days.contains(day.plusDays(2)) && !days.contains(between)
                    && between.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(between);
            }
        }
    }

    /** A holiday on a Sunday moves its rest to the next day that is not a holiday (振替休日). */
    private static void addSubstituteHolidays(TreeSet<LocalDate> days) {
        for (LocalDate day : Set.copyOf(days)) {
            if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                LocalDate next = day.plusDays(1);
                while (days.contains(next)) {
                    next = next.plusDays(1);
                }
                days.add(next);
            }
        }
    }

    private static LocalDate marineDay(int year) {
        return switch (year) {
            case 2020 -> LocalDate.of(2020, 7, 23);
            case 2021 -> LocalDate.of(2021, 7, 22);
            default -> year >= 2003 ? nthMonday(year, Month.JULY, 3) : LocalDate.of(year, 7, 20);
        };
    }

    private static LocalDate mountainDay(int year) {
        return switch (year) {
            case 2020 -> LocalDate.of(2020, 8, 10);
            case 2021 -> LocalDate.of(2021, 8, 8);
            default -> LocalDate.of(year, 8, 11);
        };
    }

    private static LocalDate sportsDay(int year) {
        return switch (year) {
            case 2020 -> LocalDate.of(2020, 7, 24);
            case 2021 -> LocalDate.of(2021, 7, 23);
            default -> nthMonday(year, Month.OCTOBER, 2);
        };
    }

    // The equinox days follow the usual approximation, valid from 1980 to 2099.
    private static int vernalEquinoxDay(int year) {
        return (int) (20.8431 + 0.242194 * (year - 1980)) - (year - 1980) / 4;
    }

    private static int autumnalEquinoxDay(int year) {
        return (int) (23.2488 + 0.242194 * (year - 1980)) - (year - 1980) / 4;
    }

    private static LocalDate nthMonday(int year, Month month, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, DayOfWeek.MONDAY));
    }
}
