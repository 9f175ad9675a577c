package jp.kosodatehub.events;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jp.kosodatehub.reference.ReferenceItem;

/**
 * The feed's filter in the address bar, shared by the list, the calendar, the printed sheet and the feeds. Uses
 * readable codes (age=age-1, district=tomioka, when=weekend) rather than database ids, so links survive a
 * re-import. Anything it cannot read is ignored rather than failing the page.
 */
public final class FeedParameters {

    public static final String KEYWORD = "q";
    public static final String KIND = "kind";
    public static final String AGE = "age";
    public static final String DISTRICT = "district";
    public static final String WHEN = "when";
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String WEEKEND = "weekend";
    public static final String EVENING = "evening";
    public static final String FREE = "free";
    public static final String NO_BOOKING = "nobooking";
    public static final String GROUP = "group";
    public static final String FACILITY = "facility";

    /** Every parameter name the feed understands, for documentation and for rejecting typos in the API. */
    public static final List<String> NAMES = List.of(KEYWORD, KIND, AGE, DISTRICT, WHEN, FROM, TO, WEEKEND, EVENING,
            FREE, NO_BOOKING, GROUP, FACILITY);

    /** The quick date ranges parents pick most. */
    public enum When {
        TODAY, WEEK, WEEKEND, MONTH;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String translationKey() {
            return "feed.when." + code();
        }

        /** The first and last day of the range, seen from {@code today}. */
        public LocalDate[] range(LocalDate today) {
            return switch (this) {
                case TODAY -> new LocalDate[] {today, today};
                case WEEK -> new LocalDate[] {today, today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))};
                case WEEKEND -> new LocalDate[] {
                    today.getDayOfWeek() == DayOfWeek.SUNDAY ? today
                            : today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY)),
                    today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))};
                case MONTH -> new LocalDate[] {today, today.with(TemporalAdjusters.lastDayOfMonth())};
            };
        }

        static When of(String code) {
            return Arrays.stream(values()).filter(when -> when.code().equals(code)).findFirst().orElse(null);
        }
    }

    /** A parsed address: the filter, plus the quick range it came from (shown as chosen in the form). */
    public record Parsed(EventFilter filter, When when) {
    }

    private FeedParameters() {
    }

    public static Parsed parse(Map<String, List<String>> params, List<? extends ReferenceItem> kinds,
                               List<? extends ReferenceItem> districts, LocalDate today) {
        String keyword = first(params, KEYWORD);
        if (keyword != null) {
            keyword = keyword.strip();
            keyword = keyword.isEmpty() ? null : keyword.substring(0, Math.min(keyword.length(),
                    EventFilter.KEYWORD_MAX));
        }
        When when = When.of(first(params, WHEN));
        LocalDate from = date(first(params, FROM));
        LocalDate to = date(first(params, TO));
        if (when != null) {
            LocalDate[] range = when.range(today);
            from = range[0];
            to = range[1];
        } else if (from != null && to != null && to.isBefore(from)) {
            // A reversed range is almost always a slip; read it the way the visitor meant it.
            LocalDate swap = from;
            from = to;
            to = swap;
        }
        Set<Facility> facilities = EnumSet.noneOf(Facility.class);
        for (String value : params.getOrDefault(FACILITY, List.of())) {
            for (String code : value.split(",")) {
                Arrays.stream(Facility.values()).filter(facility -> facility.code().equals(code.strip()))
                        .findFirst().ifPresent(facilities::add);
            }
        }
        TargetGroup group = Arrays.stream(TargetGroup.values())
                .filter(candidate -> candidate.code().equals(first(params, GROUP))).findFirst().orElse(null);
        EventFilter filter = new EventFilter(keyword, idOf(kinds, first(params, KIND)), ageBand(first(params, AGE)),
                idOf(districts, first(params, DISTRICT)), from, to, flag(params, WEEKEND), flag(params, EVENING),
                flag(params, FREE), flag(params, NO_BOOKING), group, facilities);
        return new Parsed(filter, when);
    }

    /** The address parameters for a filter; the inverse of {@link #parse}. */
    public static Map<String, List<String>> toParameters(EventFilter filter, When when,
                                                         List<? extends ReferenceItem> kinds,
                                                         List<? extends ReferenceItem> districts) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (filter.keyword() != null) {
            params.put(KEYWORD, List.of(filter.keyword()));
        }
        if (filter.ageBand() != null) {
            params.put(AGE, List.of(code(filter.ageBand())));
        }
        putCode(params, DISTRICT, districts, filter.districtId());
        putCode(params, KIND, kinds, filter.kindId());
        if (when != null) {
            params.put(WHEN, List.of(when.code()));
        } else {
            if (filter.from() != null) {
                params.put(FROM, List.of(filter.from().toString()));
            }
            if (filter.to() != null) {
                params.put(TO, List.of(filter.to().toString()));
            }
        }
        putFlag(params, WEEKEND, filter.weekendOrHoliday());
        putFlag(params, EVENING, filter.evening());
        putFlag(params, FREE, filter.freeOnly());
        putFlag(params, NO_BOOKING, filter.noBooking());
        if (filter.targetGroup() != null) {
            params.put(GROUP, List.of(filter.targetGroup().code()));
        }
        if (!filter.facilities().isEmpty()) {
            List<String> codes = new ArrayList<>();
            EnumSet.copyOf(filter.facilities()).forEach(facility -> codes.add(facility.code()));
            params.put(FACILITY, List.of(String.join(",", codes)));
        }
        return params;
    }

    public static String code(AgeBand band) {
        return band.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static boolean flag(Map<String, List<String>> params, String name) {
        String value = first(params, name);
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes"));
    }

    private static void putFlag(Map<String, List<String>> params, String name, boolean on) {
        if (on) {
            params.put(name, List.of("1"));
        }
    }

    private static AgeBand ageBand(String code) {
        return code == null ? null : Arrays.stream(AgeBand.values()).filter(band -> code(band).equals(code))
                .findFirst().orElse(null);
    }

    private static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            return date.getYear() < 2000 || date.getYear() > 2200 ? null : date;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Long idOf(List<? extends ReferenceItem> items, String code) {
        if (code == null) {
            return null;
        }
        return items.stream().filter(item -> item.getCode().equals(code)).map(ReferenceItem::getId).findFirst()
                .orElse(null);
    }

    private static void putCode(Map<String, List<String>> params, String name, List<? extends ReferenceItem> items,
                                Long id) {
        if (id != null) {
            items.stream().filter(item -> item.getId().equals(id)).findFirst()
                    .ifPresent(item -> params.put(name, List.of(item.getCode())));
        }
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
