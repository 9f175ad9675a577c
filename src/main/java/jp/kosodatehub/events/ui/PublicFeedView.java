package jp.kosodatehub.events.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
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
import jp.kosodatehub.events.EventFilter;
import jp.kosodatehub.events.EventOccurrence;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.events.FeedParameters;
import jp.kosodatehub.reference.District;
import jp.kosodatehub.reference.EventKind;
import jp.kosodatehub.reference.ReferenceDataService;

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

    private final FeedFilterForm filters = new FeedFilterForm(true);
    private final Div links = new Div();
    private final Span resultCount = new Span();
    private final Div list = new Div();
    private final Button showMore = new Button();
    private final Button toFilters = new Button();

    private EventFilter filter = EventFilter.none();
    private int loaded;
    private LocalDate lastDay;

    PublicFeedView(EventService events, ReferenceDataService reference, AppProperties properties) {
        this.events = events;
        this.reference = reference;
        addClassNames("page", "feed-view");
        setPadding(false);

        H1 title = new H1(getTranslation("feed.title"));
        Paragraph intro = new Paragraph(getTranslation("feed.intro", properties.networkName(), properties.hashtag()));
        intro.addClassName("feed-intro");

        filters.addFilterChangeListener(change -> navigate(change.filter(), change.when()));

        resultCount.addClassName("feed-count");
        resultCount.getElement().setAttribute("aria-live", "polite");
        links.addClassName("feed-links");
        list.addClassName("feed-list");
        showMore.setText(getTranslation("feed.more"));
        showMore.addClassName("feed-more");
        showMore.addClickListener(click -> loadMore());

        // On a phone the filters are a long way up once the list has been scrolled: this takes the thumb back to
        // them from the bottom of the list, with the keyword field ready.
        toFilters.setText(getTranslation("feed.to-filters"));
        toFilters.addClassName("feed-to-filters");
        toFilters.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        toFilters.addClickListener(click -> {
            filters.scrollIntoView();
            filters.focusFirstField();
        });

        add(title, intro, filters, resultCount, links, list, showMore, toFilters);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // Read on every visit: the office may have added a district since this page was first opened.
        kinds = reference.activeKinds();
        districts = reference.activeDistricts();
        FeedParameters.Parsed parsed = FeedParameters.parse(event.getLocation().getQueryParameters()
                .getParameters(), kinds, districts, LocalDate.now(Formats.JAPAN));
        filter = parsed.filter();
        filters.populate(parsed, kinds, districts);
        showLinks(event.getLocation().getQueryParameters().getQueryString());
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
        toFilters.setVisible(loaded > 0);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("feed.title") + " | " + getTranslation("app.name");
    }
}
