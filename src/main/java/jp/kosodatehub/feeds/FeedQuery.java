package jp.kosodatehub.feeds;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.kosodatehub.events.EventFilter;
import jp.kosodatehub.events.FeedParameters;
import jp.kosodatehub.reference.ReferenceItem;

/**
 * A feed's filter read from the address with the public feed's own parameter names, and the same filter written
 * back in one canonical form. The canonical form goes into the validators, so that two addresses asking for the
 * same thing (parameters in another order, an unreadable value the feed ignores) share one ETag.
 */
record FeedQuery(EventFilter filter, String normalised) {

    /** Reads the parameters as the public feed does: what it cannot read, it ignores. */
    static FeedQuery lenient(Map<String, List<String>> params, List<? extends ReferenceItem> kinds,
                             List<? extends ReferenceItem> districts, LocalDate today) {
        FeedParameters.Parsed parsed = FeedParameters.parse(params, kinds, districts, today);
        return new FeedQuery(parsed.filter(),
                encode(FeedParameters.toParameters(parsed.filter(), parsed.when(), kinds, districts)));
    }

    /**
     * Whether the filter narrows single dates (a date range, weekends, evenings) rather than whole events. Such a
     * filter keeps some dates of a series and drops others, which one RRULE cannot say.
     */
    boolean dateLevel() {
        return filter.from() != null || filter.to() != null || filter.weekendOrHoliday() || filter.evening();
    }

    static String encode(Map<String, List<String>> params) {
        return params.entrySet().stream()
                .flatMap(entry -> entry.getValue().stream().map(value -> encode(entry.getKey()) + "=" + encode(value)))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
