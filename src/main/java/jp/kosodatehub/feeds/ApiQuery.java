package jp.kosodatehub.feeds;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jp.kosodatehub.events.AgeBand;
import jp.kosodatehub.events.EventFilter;
import jp.kosodatehub.events.Facility;
import jp.kosodatehub.events.FeedParameters;
import jp.kosodatehub.events.TargetGroup;
import jp.kosodatehub.reference.ReferenceItem;

/**
 * The API's request: the feed's filter parameters plus paging. Unlike the public feed, which quietly ignores what
 * it cannot read so that an old shared link still opens, the API refuses such a request and says why, so that a
 * programmer's typo does not silently return unfiltered data.
 */
record ApiQuery(FeedQuery feed, int page, int size) {

    static final String PAGE = "page";
    static final String SIZE = "size";
    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    /** Deep pages cost the database a long scan for nothing a person would read. */
    static final int MAX_PAGE = 10_000;

    private static final Set<String> FLAGS = Set.of(FeedParameters.WEEKEND, FeedParameters.EVENING,
            FeedParameters.FREE, FeedParameters.NO_BOOKING);
    private static final List<String> FLAG_VALUES = List.of("1", "0", "true", "false", "yes", "no");

    static List<String> names() {
        List<String> names = new ArrayList<>(FeedParameters.NAMES);
        names.add(PAGE);
        names.add(SIZE);
        return names;
    }

    static ApiQuery parse(Map<String, List<String>> params, List<? extends ReferenceItem> kinds,
                          List<? extends ReferenceItem> districts, LocalDate today) {
        for (String name : params.keySet()) {
            if (!names().contains(name)) {
                throw new BadApiRequest("Unknown parameter '" + shorten(name) + "'", names());
            }
            if (!name.equals(FeedParameters.FACILITY) && params.get(name).size() > 1) {
                throw new BadApiRequest("Parameter '" + name + "' given more than once", List.of(name));
            }
        }
        check(params, FeedParameters.KIND, codes(kinds));
        check(params, FeedParameters.DISTRICT, codes(districts));
        check(params, FeedParameters.AGE, Arrays.stream(AgeBand.values()).map(FeedParameters::code).toList());
        check(params, FeedParameters.GROUP, Arrays.stream(TargetGroup.values()).map(TargetGroup::code).toList());
        check(params, FeedParameters.WHEN,
                Arrays.stream(FeedParameters.When.values()).map(FeedParameters.When::code).toList());
        for (String flag : FLAGS) {
            String value = single(params, flag);
            if (value != null && !FLAG_VALUES.contains(value.toLowerCase(Locale.ROOT))) {
                throw invalid(flag, value, FLAG_VALUES);
            }
        }
        List<String> facilities = Arrays.stream(Facility.values()).map(Facility::code).toList();
        for (String value : params.getOrDefault(FeedParameters.FACILITY, List.of())) {
            for (String code : value.split(",", -1)) {
                if (!facilities.contains(code.strip())) {
                    throw invalid(FeedParameters.FACILITY, code, facilities);
                }
            }
        }
        String keyword = single(params, FeedParameters.KEYWORD);
        if (keyword != null && keyword.strip().length() > EventFilter.KEYWORD_MAX) {
            throw new BadApiRequest("Parameter 'q' is longer than " + EventFilter.KEYWORD_MAX + " characters",
                    List.of("up to " + EventFilter.KEYWORD_MAX + " characters"));
        }
        LocalDate from = date(params, FeedParameters.FROM);
        LocalDate to = date(params, FeedParameters.TO);
        if (single(params, FeedParameters.WHEN) != null && (from != null || to != null)) {
            throw new BadApiRequest("Give either 'when' or 'from'/'to', not both",
                    List.of(FeedParameters.WHEN, FeedParameters.FROM, FeedParameters.TO));
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new BadApiRequest("'to' is before 'from'", List.of("from <= to"));
        }
        int page = number(params, PAGE, 0, 0, MAX_PAGE);
        int size = number(params, SIZE, DEFAULT_SIZE, 1, MAX_SIZE);
        return new ApiQuery(FeedQuery.lenient(params, kinds, districts, today), page, size);
    }

    /** The canonical request, paging included, for the validators. */
    String normalised() {
        String filter = feed.normalised();
        return (filter.isEmpty() ? "" : filter + "&") + PAGE + "=" + page + "&" + SIZE + "=" + size;
    }

    int offset() {
        return page * size;
    }

    private static void check(Map<String, List<String>> params, String name, List<String> allowed) {
        String value = single(params, name);
        if (value != null && !allowed.contains(value)) {
            throw invalid(name, value, allowed);
        }
    }

    private static LocalDate date(Map<String, List<String>> params, String name) {
        String value = single(params, name);
        if (value == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            // The same years the public feed accepts; anything else is a typo.
            if (date.getYear() >= 2000 && date.getYear() <= 2200) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw invalid(name, value, List.of("yyyy-MM-dd, years 2000-2200"));
    }

    private static int number(Map<String, List<String>> params, String name, int fallback, int min, int max) {
        String value = single(params, name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(name, value, List.of(min + ".." + max));
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static List<String> codes(List<? extends ReferenceItem> items) {
        return items.stream().map(ReferenceItem::getCode).toList();
    }

    private static BadApiRequest invalid(String name, String value, List<String> allowed) {
        return new BadApiRequest("Invalid value '" + shorten(value) + "' for parameter '" + name + "'", allowed);
    }

    /**
     * Echoes at most a little of what was sent, so a 10,000-character value does not come back whole, and without
     * markup or control characters, so that a page showing the message as it is cannot be made to run a script.
     */
    private static String shorten(String text) {
        String shown = text.length() <= 50 ? text : text.substring(0, 50) + "…";
        return shown.replaceAll("[<>&\"'`\\p{Cntrl}\\u2028\\u2029\\u202A-\\u202E]", "?");
    }
}
