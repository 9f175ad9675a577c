package jp.kosodatehub.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule a demo title states in its brackets — （毎週水曜）, （隔週木曜）, （第2月曜）, （第1・第3土曜の夕食会）,
 * （最終金曜日）, （毎月15日） — read back from the title, so that the dates of the series can be checked against what
 * its title promises parents.
 *
 * @param weeks 1 or 2 for a weekly rule, 0 otherwise
 * @param nths the weeks of the month of a monthly rule (-1 for the last), empty otherwise
 * @param dayOfMonth the day of a monthly-by-day rule, 0 otherwise
 */
record StatedRule(Set<DayOfWeek> days, int weeks, Set<Integer> nths, int dayOfMonth) {

    private static final Map<Character, DayOfWeek> DAYS = Map.of('月', DayOfWeek.MONDAY, '火', DayOfWeek.TUESDAY,
            '水', DayOfWeek.WEDNESDAY, '木', DayOfWeek.THURSDAY, '金', DayOfWeek.FRIDAY, '土', DayOfWeek.SATURDAY,
            '日', DayOfWeek.SUNDAY);
    private static final String DAY = "[月火水木金土日]";
    private static final Pattern WEEKLY = Pattern.compile("（(毎週|隔週)(" + DAY + "(?:・" + DAY + ")*)曜");
    private static final Pattern MONTHLY_WEEKDAY = Pattern.compile(
            "（(?:毎月)?\\s*((?:第[1-5]|最終)(?:・(?:第[1-5]|最終))*)(" + DAY + ")曜");
    private static final Pattern MONTHLY_DAY = Pattern.compile("（毎月(\\d{1,2})日");

    /** The rule the title states, or empty when it states none. */
    static Optional<StatedRule> of(String title) {
        Matcher weekly = WEEKLY.matcher(title);
        if (weekly.find()) {
            return Optional.of(new StatedRule(days(weekly.group(2)), weekly.group(1).equals("隔週") ? 2 : 1, Set.of(),
                    0));
        }
        Matcher monthly = MONTHLY_WEEKDAY.matcher(title);
        if (monthly.find()) {
            Set<Integer> nths = new TreeSet<>();
            for (String nth : monthly.group(1).split("・")) {
                nths.add(nth.equals("最終") ? -1 : Integer.parseInt(nth.substring(1)));
            }
            return Optional.of(new StatedRule(days(monthly.group(2)), 0, nths, 0));
        }
        Matcher byDay = MONTHLY_DAY.matcher(title);
        if (byDay.find()) {
            return Optional.of(new StatedRule(Set.of(), 0, Set.of(), Integer.parseInt(byDay.group(1))));
        }
        return Optional.empty();
    }

    private static Set<DayOfWeek> days(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String day : text.split("・")) {
            days.add(DAYS.get(day.charAt(0)));
        }
        return days;
    }

    /**
     * What is wrong with the dates (the rule's own dates, skipped and changed ones included or not) against the
     * rule; empty when they keep it. Every weekday and week of the month the title names must occur.
     */
    List<String> problems(List<LocalDate> dates) {
        List<String> problems = new ArrayList<>();
        if (dates.isEmpty()) {
            problems.add("no dates");
            return problems;
        }
        Set<DayOfWeek> seenDays = EnumSet.noneOf(DayOfWeek.class);
        Set<Integer> seenNths = new TreeSet<>();
        for (LocalDate date : dates) {
            if (dayOfMonth != 0) {
                if (date.getDayOfMonth() != dayOfMonth) {
                    problems.add(date + " is not day " + dayOfMonth);
                }
                continue;
            }
            if (!days.contains(date.getDayOfWeek())) {
                problems.add(date + " is a " + date.getDayOfWeek() + ", not one of " + days);
            }
            seenDays.add(date.getDayOfWeek());
            if (!nths.isEmpty()) {
                int nth = (date.getDayOfMonth() - 1) / 7 + 1;
                boolean last = date.plusWeeks(1).getMonth() != date.getMonth();
                if (!nths.contains(nth) && !(last && nths.contains(-1))) {
                    problems.add(date + " is the " + nth + ". " + date.getDayOfWeek() + ", not one of " + nths);
                }
                seenNths.add(nths.contains(-1) && last ? -1 : nth);
            }
        }
        if (dayOfMonth == 0 && !seenDays.equals(days)) {
            problems.add("weekdays " + seenDays + " instead of " + days);
        }
        if (!nths.isEmpty() && !seenNths.equals(nths)) {
            problems.add("weeks of the month " + seenNths + " instead of " + nths);
        }
        if (weeks == 2) {
            for (DayOfWeek day : days) {
                List<LocalDate> onDay = dates.stream().filter(date -> date.getDayOfWeek() == day).toList();
                for (int i = 1; i < onDay.size(); i++) {
                    if (ChronoUnit.DAYS.between(onDay.get(i - 1), onDay.get(i)) % 14 != 0) {
                        problems.add(onDay.get(i) + " is not a fortnight after " + onDay.get(i - 1));
                    }
                }
            }
        }
        return problems;
    }
}
