package jp.kosodatehub.base.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
