package jp.kosodatehub.events.ui;

import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.kosodatehub.events.AgeBand;
import jp.kosodatehub.events.EventFilter;
import jp.kosodatehub.reference.ReferenceItem;

/**
 * The feed's filter in the address bar. Uses readable codes (age=age-1, district=tomioka) rather than database ids,
 * so links survive a re-import. Anything it cannot read is ignored rather than failing the page.
 */
final class FeedParameters {

    static final String KEYWORD = "q";
    static final String KIND = "kind";
    static final String AGE = "age";
    static final String DISTRICT = "district";
    static final String FROM = "from";
    static final String TO = "to";

    private FeedParameters() {
    }

    static EventFilter parse(QueryParameters query, List<? extends ReferenceItem> kinds,
                             List<? extends ReferenceItem> districts) {
        Map<String, List<String>> params = query.getParameters();
        String keyword = first(params, KEYWORD);
        if (keyword != null && (keyword.isBlank() || keyword.length() > EventFilter.KEYWORD_MAX)) {
            keyword = keyword.isBlank() ? null : keyword.substring(0, EventFilter.KEYWORD_MAX);
        }
        return new EventFilter(keyword == null ? null : keyword.strip(), idOf(kinds, first(params, KIND)),
                ageBand(first(params, AGE)), idOf(districts, first(params, DISTRICT)),
                date(first(params, FROM)), date(first(params, TO)));
    }

    static QueryParameters toQuery(EventFilter filter, List<? extends ReferenceItem> kinds,
                                   List<? extends ReferenceItem> districts) {
        Map<String, String> params = new LinkedHashMap<>();
        if (filter.keyword() != null) {
            params.put(KEYWORD, filter.keyword());
        }
        if (filter.ageBand() != null) {
            params.put(AGE, code(filter.ageBand()));
        }
        putCode(params, DISTRICT, districts, filter.districtId());
        putCode(params, KIND, kinds, filter.kindId());
        if (filter.from() != null) {
            params.put(FROM, filter.from().toString());
        }
        if (filter.to() != null) {
            params.put(TO, filter.to().toString());
        }
        return QueryParameters.simple(params);
    }

    static String code(AgeBand band) {
        return band.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static AgeBand ageBand(String code) {
        if (code == null) {
            return null;
        }
        for (AgeBand band : AgeBand.values()) {
            if (code(band).equals(code)) {
                return band;
            }
        }
        return null;
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

    private static void putCode(Map<String, String> params, String name, List<? extends ReferenceItem> items,
                                Long id) {
        if (id != null) {
            items.stream().filter(item -> item.getId().equals(id)).findFirst()
                    .ifPresent(item -> params.put(name, item.getCode()));
        }
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
