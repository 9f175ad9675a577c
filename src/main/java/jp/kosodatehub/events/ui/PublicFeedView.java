package jp.kosodatehub.events.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
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
import jp.kosodatehub.base.AppProperties;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.events.AgeBand;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventFilter;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.reference.District;
import jp.kosodatehub.reference.EventKind;
import jp.kosodatehub.reference.ReferenceDataService;

/**
 * The parents' front page: upcoming events, soonest first, grouped by day, a page at a time from the database.
 * The filter lives in the address (?age=age-1&district=tomioka …) so a search can be shared and the back button
 * returns to the previous one.
 */
@Route("")
@AnonymousAllowed
class PublicFeedView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final int PAGE_SIZE = 20;

    private final transient EventService events;
    private final transient ReferenceDataService reference;
    private transient List<EventKind> kinds;
    private transient List<District> districts;

    private final TextField keyword = new TextField();
    private final Select<EventKind> kind = new Select<>();
    private final Select<AgeBand> ageBand = new Select<>();
    private final Select<District> district = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Span resultCount = new Span();
    private final Div list = new Div();
    private final Button more = new Button();

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

        keyword.setLabel(getTranslation("feed.filter.keyword"));
        keyword.setClearButtonVisible(true);
        keyword.setMaxLength(EventFilter.KEYWORD_MAX);
        keyword.setValueChangeMode(ValueChangeMode.ON_CHANGE);

        Locale locale = getLocale();
        kind.setLabel(getTranslation("feed.filter.kind"));
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption(getTranslation("feed.filter.all"));
        kind.setItemLabelGenerator(item -> item == null ? getTranslation("feed.filter.all") : item.displayName(locale));

        ageBand.setLabel(getTranslation("feed.filter.age-band"));
        ageBand.setItems(AgeBand.values());
        ageBand.setEmptySelectionAllowed(true);
        ageBand.setEmptySelectionCaption(getTranslation("feed.filter.all"));
        ageBand.setItemLabelGenerator(band -> band == null ? getTranslation("feed.filter.all")
                : getTranslation(band.translationKey()));

        district.setLabel(getTranslation("feed.filter.district"));
        district.setEmptySelectionAllowed(true);
        district.setEmptySelectionCaption(getTranslation("feed.filter.all"));
        district.setItemLabelGenerator(item -> item == null ? getTranslation("feed.filter.all")
                : item.displayName(locale));

        from.setLabel(getTranslation("feed.filter.from"));
        to.setLabel(getTranslation("feed.filter.to"));
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);

        Button reset = new Button(getTranslation("feed.filter.reset"), click -> navigate(EventFilter.none()));
        reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        Div filters = new Div(keyword, ageBand, district, kind, from, to, reset);
        filters.addClassName("feed-filters");
        filters.getElement().setAttribute("role", "search");
        List.<AbstractField<?, ?>>of(keyword, kind, ageBand, district, from, to)
                .forEach(field -> field.addValueChangeListener(change -> {
                    if (!populating) {
                        navigate(fromFields());
                    }
                }));

        resultCount.addClassName("feed-count");
        resultCount.getElement().setAttribute("aria-live", "polite");
        list.addClassName("feed-list");
        more.setText(getTranslation("feed.more"));
        more.addClassName("feed-more");
        more.addClickListener(click -> loadMore());

        add(title, intro, filters, resultCount, list, more);
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
            filter = FeedParameters.parse(event.getLocation().getQueryParameters(), kinds, districts);
            keyword.setValue(filter.keyword() == null ? "" : filter.keyword());
            kind.setValue(find(kinds, filter.kindId()));
            district.setValue(find(districts, filter.districtId()));
            ageBand.setValue(filter.ageBand());
            from.setValue(filter.from());
            to.setValue(filter.to());
        } finally {
            populating = false;
        }
        reload();
    }

    private static <T extends jp.kosodatehub.reference.ReferenceItem> T find(List<T> items, Long id) {
        return id == null ? null : items.stream().filter(item -> item.getId().equals(id)).findFirst().orElse(null);
    }

    private EventFilter fromFields() {
        String text = keyword.getValue() == null || keyword.getValue().isBlank() ? null : keyword.getValue().strip();
        LocalDate start = from.getValue();
        LocalDate end = to.getValue();
        // A reversed range is almost always a slip; read it the way the visitor meant it.
        if (start != null && end != null && end.isBefore(start)) {
            LocalDate swap = start;
            start = end;
            end = swap;
        }
        return new EventFilter(text, kind.getValue() == null ? null : kind.getValue().getId(), ageBand.getValue(),
                district.getValue() == null ? null : district.getValue().getId(), start, end);
    }

    private void navigate(EventFilter next) {
        QueryParameters parameters = FeedParameters.toQuery(next, kinds, districts);
        getUI().ifPresent(ui -> ui.navigate(PublicFeedView.class, parameters));
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
        List<Event> page = events.feed(filter, loaded, PAGE_SIZE);
        Locale locale = getLocale();
        LocalDate today = LocalDate.now(Formats.JAPAN);
        for (Event event : page) {
            LocalDate day = event.getStartsAt().toLocalDate();
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
            list.add(new EventCard(event, locale));
        }
        loaded += page.size();
        if (total == 0) {
            Paragraph empty = new Paragraph(getTranslation("feed.empty"));
            empty.addClassName("feed-empty");
            list.add(empty);
        }
        more.setVisible(loaded < total && !page.isEmpty());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("feed.title") + " | " + getTranslation("app.name");
    }
}
