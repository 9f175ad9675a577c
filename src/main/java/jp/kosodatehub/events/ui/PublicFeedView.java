package jp.kosodatehub.events.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.kosodatehub.base.AppProperties;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.events.AgeBand;
import jp.kosodatehub.events.EventFilter;
import jp.kosodatehub.events.EventOccurrence;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.events.Facility;
import jp.kosodatehub.events.FeedParameters;
import jp.kosodatehub.events.TargetGroup;
import jp.kosodatehub.reference.District;
import jp.kosodatehub.reference.EventKind;
import jp.kosodatehub.reference.ReferenceDataService;
import jp.kosodatehub.reference.ReferenceItem;

/**
 * The parents' front page: upcoming dates of single events and series together, soonest first, grouped by day, a
 * page at a time from the database. The filter lives in the address (?age=age-1&weekend=1 …) so a search can be
 * shared and the back button returns to the previous one; the same address works for the calendar, the printed
 * sheet and the subscribable feeds.
 */
@Route("")
@AnonymousAllowed
class PublicFeedView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final int PAGE_SIZE = 20;

    private final transient EventService events;
    private final transient ReferenceDataService reference;
    private transient List<EventKind> kinds = List.of();
    private transient List<District> districts = List.of();

    private final TextField keyword = new TextField();
    private final Select<EventKind> kind = new Select<>();
    private final Select<AgeBand> ageBand = new Select<>();
    private final Select<District> district = new Select<>();
    private final Select<FeedParameters.When> when = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Checkbox weekend = new Checkbox();
    private final Checkbox evening = new Checkbox();
    private final Checkbox free = new Checkbox();
    private final Checkbox noBooking = new Checkbox();
    private final Select<TargetGroup> group = new Select<>();
    private final CheckboxGroup<Facility> facilities = new CheckboxGroup<>();
    private final Details more = new Details();
    private final Div links = new Div();
    private final Span resultCount = new Span();
    private final Div list = new Div();
    private final Button showMore = new Button();

    private EventFilter filter = EventFilter.none();
    private int loaded;
    private LocalDate lastDay;
    private boolean populating;

    PublicFeedView(EventService events, ReferenceDataService reference, AppProperties properties) {
        this.events = events;
        this.reference = reference;
        addClassNames("page", "feed-view");
        setPadding(false);

        H1 title = new H1(getTranslation("feed.title"));
        Paragraph intro = new Paragraph(getTranslation("feed.intro", properties.networkName(), properties.hashtag()));
        intro.addClassName("feed-intro");

        Locale locale = getLocale();
        keyword.setLabel(getTranslation("feed.filter.keyword"));
        keyword.setClearButtonVisible(true);
        keyword.setMaxLength(EventFilter.KEYWORD_MAX);
        keyword.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        optional(kind, "feed.filter.kind", item -> item.displayName(locale));
        optional(ageBand, "feed.filter.age-band", band -> getTranslation(band.translationKey()));
        ageBand.setItems(AgeBand.values());
        optional(district, "feed.filter.district", item -> item.displayName(locale));
        optional(when, "feed.filter.when", option -> getTranslation(option.translationKey()));
        when.setItems(FeedParameters.When.values());
        when.setEmptySelectionCaption(getTranslation("feed.when.any"));
        from.setLabel(getTranslation("feed.filter.from"));
        to.setLabel(getTranslation("feed.filter.to"));
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        weekend.setLabel(getTranslation("feed.filter.weekend"));
        evening.setLabel(getTranslation("feed.filter.evening"));
        free.setLabel(getTranslation("feed.filter.free"));
        noBooking.setLabel(getTranslation("feed.filter.no-booking"));
        optional(group, "feed.filter.group", option -> getTranslation(option.translationKey()));
        group.setItems(TargetGroup.values());
        facilities.setLabel(getTranslation("feed.filter.facilities"));
        facilities.setItems(Facility.values());
        facilities.setItemLabelGenerator(facility -> getTranslation(facility.translationKey()));

        Button reset = new Button(getTranslation("feed.filter.reset"), click -> navigate(EventFilter.none(), null));
        reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        Div main = new Div(keyword, ageBand, district, when);
        main.addClassName("feed-filters");
        Div toggles = new Div(weekend, evening, free, noBooking);
        toggles.addClassName("feed-toggles");
        Div extra = new Div(kind, group, from, to, facilities);
        extra.addClassNames("feed-filters", "feed-filters-more");
        more.setSummaryText(getTranslation("feed.filter.more"));
        more.add(extra);
        Div filters = new Div(main, toggles, more, reset);
        filters.addClassName("feed-filter-box");
        filters.getElement().setAttribute("role", "search");

        List.<AbstractField<?, ?>>of(keyword, kind, ageBand, district, when, weekend, evening, free, noBooking, group)
                .forEach(field -> field.addValueChangeListener(change -> onFilterChange(false)));
        facilities.addValueChangeListener(change -> onFilterChange(false));
        from.addValueChangeListener(change -> onFilterChange(true));
        to.addValueChangeListener(change -> onFilterChange(true));

        resultCount.addClassName("feed-count");
        resultCount.getElement().setAttribute("aria-live", "polite");
        links.addClassName("feed-links");
        list.addClassName("feed-list");
        showMore.setText(getTranslation("feed.more"));
        showMore.addClassName("feed-more");
        showMore.addClickListener(click -> loadMore());

        add(title, intro, filters, resultCount, links, list, showMore);
    }

    private <T> void optional(Select<T> select, String labelKey,
                              java.util.function.Function<T, String> label) {
        select.setLabel(getTranslation(labelKey));
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(getTranslation("feed.filter.all"));
        select.setItemLabelGenerator(item -> item == null ? getTranslation("feed.filter.all") : label.apply(item));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        populating = true;
        try {
            // Read on every visit: the office may have added a district since this page was first opened.
            kinds = reference.activeKinds();
            districts = reference.activeDistricts();
            kind.setItems(kinds);
            district.setItems(districts);
            FeedParameters.Parsed parsed = FeedParameters.parse(event.getLocation().getQueryParameters()
                    .getParameters(), kinds, districts, LocalDate.now(Formats.JAPAN));
            filter = parsed.filter();
            keyword.setValue(filter.keyword() == null ? "" : filter.keyword());
            kind.setValue(find(kinds, filter.kindId()));
            district.setValue(find(districts, filter.districtId()));
            ageBand.setValue(filter.ageBand());
            when.setValue(parsed.when());
            from.setValue(parsed.when() == null ? filter.from() : null);
            to.setValue(parsed.when() == null ? filter.to() : null);
            weekend.setValue(filter.weekendOrHoliday());
            evening.setValue(filter.evening());
            free.setValue(filter.freeOnly());
            noBooking.setValue(filter.noBooking());
            group.setValue(filter.targetGroup());
            facilities.setValue(filter.facilities());
            more.setOpened(filter.kindId() != null || filter.targetGroup() != null || !filter.facilities().isEmpty()
                    || (parsed.when() == null && (filter.from() != null || filter.to() != null)));
            showLinks(event.getLocation().getQueryParameters().getQueryString());
        } finally {
            populating = false;
        }
        reload();
    }

    private void showLinks(String query) {
        String suffix = query == null || query.isEmpty() ? "" : "?" + query;
        links.removeAll();
        Anchor calendar = new Anchor("calendar" + suffix, getTranslation("feed.link.calendar"));
        Anchor print = new Anchor("print" + suffix, getTranslation("feed.link.print"));
        Anchor ics = new Anchor("feeds/events.ics" + suffix, getTranslation("feed.link.ics"));
        Anchor rss = new Anchor("feeds/events.rss" + suffix, getTranslation("feed.link.rss"));
        // The feeds are files, not pages of this application: let the browser handle them.
        ics.getElement().setAttribute("router-ignore", true);
        rss.getElement().setAttribute("router-ignore", true);
        links.add(calendar, print, ics, rss);
    }

    private static <T extends ReferenceItem> T find(List<T> items, Long id) {
        return id == null ? null : items.stream().filter(item -> item.getId().equals(id)).findFirst().orElse(null);
    }

    private void onFilterChange(boolean customDates) {
        if (populating) {
            return;
        }
        FeedParameters.When quick = when.getValue();
        LocalDate start = from.getValue();
        LocalDate end = to.getValue();
        if (customDates && (start != null || end != null)) {
            quick = null;
        } else if (quick != null) {
            start = null;
            end = null;
        }
        String text = keyword.getValue() == null || keyword.getValue().isBlank() ? null : keyword.getValue().strip();
        EventFilter next = new EventFilter(text, kind.getValue() == null ? null : kind.getValue().getId(),
                ageBand.getValue(), district.getValue() == null ? null : district.getValue().getId(), start, end,
                weekend.getValue(), evening.getValue(), free.getValue(), noBooking.getValue(), group.getValue(),
                facilities.getValue());
        navigate(next, quick);
    }

    private void navigate(EventFilter next, FeedParameters.When quick) {
        Map<String, List<String>> parameters = FeedParameters.toParameters(next, quick, kinds, districts);
        getUI().ifPresent(ui -> ui.navigate(PublicFeedView.class, new QueryParameters(parameters)));
    }

    private void reload() {
        list.removeAll();
        loaded = 0;
        lastDay = null;
        long total = events.feedCount(filter);
        resultCount.setText(getTranslation("feed.count", total));
        loadMore(total);
    }

    private void loadMore() {
        loadMore(events.feedCount(filter));
    }

    private void loadMore(long total) {
        List<EventOccurrence> page = events.feed(filter, loaded, PAGE_SIZE);
        Locale locale = getLocale();
        LocalDate today = LocalDate.now(Formats.JAPAN);
        for (EventOccurrence date : page) {
            LocalDate day = date.getStartsAt().toLocalDate();
            if (day.isBefore(today)) {
                day = today;
            }
            if (!day.equals(lastDay)) {
                H2 heading = new H2(day.equals(today) ? getTranslation("feed.today", Formats.date(day, locale))
                        : Formats.date(day, locale));
                heading.addClassName("feed-day");
                list.add(heading);
                lastDay = day;
            }
            list.add(new EventCard(date, locale));
        }
        loaded += page.size();
        if (total == 0) {
            Paragraph empty = new Paragraph(getTranslation("feed.empty"));
            empty.addClassName("feed-empty");
            list.add(empty);
        }
        showMore.setVisible(loaded < total && !page.isEmpty());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("feed.title") + " | " + getTranslation("app.name");
    }
}
