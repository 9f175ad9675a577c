package jp.kosodatehub.base.ui;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** Dates and times as people in Japan write them (11月24日(火) 10:00〜12:00), or in English when asked. */
public final class Formats {

    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter JA_DATE = DateTimeFormatter.ofPattern("M月d日(E)", Locale.JAPANESE);
    private static final DateTimeFormatter JA_DATE_YEAR = DateTimeFormatter.ofPattern("yyyy年M月d日(E)",
            Locale.JAPANESE);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter EN_DATE_YEAR = DateTimeFormatter.ofPattern("EEE d MMM yyyy",
            Locale.ENGLISH);
    private static final DateTimeFormatter JA_MONTH = DateTimeFormatter.ofPattern("yyyy年M月", Locale.JAPANESE);
    private static final DateTimeFormatter EN_MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Formats() {
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    /** A date, with the year only when it is not this year. */
    public static String date(LocalDate date, Locale locale) {
        boolean thisYear = date.getYear() == LocalDate.now(JAPAN).getYear();
        if (english(locale)) {
            return (thisYear ? EN_DATE : EN_DATE_YEAR).format(date);
        }
        return (thisYear ? JA_DATE : JA_DATE_YEAR).format(date);
    }

    /** A date with its year whatever the year, for print that outlives the season (2026年11月20日(金)). */
    public static String dateWithYear(LocalDate date, Locale locale) {
        return (english(locale) ? EN_DATE_YEAR : JA_DATE_YEAR).format(date);
    }

    /** A month as a calendar's title: "2026年12月", "December 2026". */
    public static String month(YearMonth month, Locale locale) {
        return (english(locale) ? EN_MONTH : JA_MONTH).format(month);
    }

    /** A weekday as calendars head their columns: "土", "Sat". */
    public static String weekday(DayOfWeek day, Locale locale) {
        return day.getDisplayName(TextStyle.SHORT, english(locale) ? Locale.ENGLISH : Locale.JAPANESE);
    }

    /** A weekday in full, for screen readers: "土曜日", "Saturday". */
    public static String weekdayFull(DayOfWeek day, Locale locale) {
        return day.getDisplayName(TextStyle.FULL, english(locale) ? Locale.ENGLISH : Locale.JAPANESE);
    }

    /** A start time alone ("10:00"), where a calendar cell has no room for the end. */
    public static String time(LocalDateTime start) {
        return TIME.format(start);
    }

    /** A start and end: "11月24日(火) 10:00〜12:00", or both dates when the event spans days. */
    public static String range(LocalDateTime start, LocalDateTime end, Locale locale) {
        String dash = english(locale) ? "–" : "〜";
        String from = date(start.toLocalDate(), locale) + " " + TIME.format(start);
        if (end == null) {
            return from;
        }
        String to = start.toLocalDate().equals(end.toLocalDate()) ? TIME.format(end)
                : date(end.toLocalDate(), locale) + " " + TIME.format(end);
        return from + dash + to;
    }

    /** Times only ("10:00〜12:00"), where the day is already shown above; both dates when the event spans days. */
    public static String times(LocalDateTime start, LocalDateTime end, Locale locale) {
        if (end != null && !start.toLocalDate().equals(end.toLocalDate())) {
            return range(start, end, locale);
        }
        return TIME.format(start) + (end == null ? "" : (english(locale) ? "–" : "〜") + TIME.format(end));
    }

    /** A moment in the office's records (who changed what when), in Japan time. */
    public static String timestamp(Instant instant) {
        return instant == null ? "" : TIMESTAMP.format(instant.atZone(JAPAN));
    }

    public static String yen(int amount, Locale locale) {
        return english(locale) ? String.format(Locale.ENGLISH, "¥%,d", amount)
                : String.format(Locale.JAPANESE, "%,d円", amount);
    }
}
