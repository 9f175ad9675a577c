package jp.kosodatehub.volunteers.ui;

import com.vaadin.flow.component.button.Button;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.kosodatehub.base.ui.MainLayout;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.reference.District;
import jp.kosodatehub.reference.ReferenceDataService;
import jp.kosodatehub.volunteers.Opening;
import jp.kosodatehub.volunteers.OpeningFilter;
import jp.kosodatehub.volunteers.OpeningService;
import jp.kosodatehub.volunteers.StoryService;
import jp.kosodatehub.volunteers.SupporterType;

/**
 * The public volunteer board: openings taking offers, dated ones soonest first, then ongoing ones, a page at a
 * time. The filter lives in the address (?for=student&district=tomioka&when=ongoing) with readable codes, so a
 * search can be passed on and the back button returns to the previous one.
 */
@Route(value = "volunteer", layout = MainLayout.class)
@AnonymousAllowed
class VolunteerBoardView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final int PAGE_SIZE = 20;
    static final String FOR = "for";
    static final String DISTRICT = "district";
    static final String WHEN = "when";

    private final transient OpeningService openings;
    private final transient EventService events;
    private final transient ReferenceDataService reference;
    private transient List<District> districts = List.of();

    private final OpeningFilterForm filters = new OpeningFilterForm();
    private final Span resultCount = new Span();
    private final Div list = new Div();
    private final Button showMore = new Button();
    private OpeningFilter filter = OpeningFilter.none();
    private int loaded;

    VolunteerBoardView(OpeningService openings, EventService events, ReferenceDataService reference,
                       StoryService stories) {
        this.openings = openings;
        this.events = events;
        this.reference = reference;
        addClassNames("page", "volunteer-board");
        setPadding(false);

        H1 title = new H1(getTranslation("volunteer.board.title"));
        Paragraph intro = new Paragraph(getTranslation("volunteer.board.intro"));
        intro.addClassName("feed-intro");
        Paragraph how = new Paragraph(getTranslation("volunteer.board.how"));
        how.addClassName("feed-intro");

        filters.addFilterChangeListener(change -> navigate(change.filter()));
        resultCount.addClassName("feed-count");
        resultCount.getElement().setAttribute("aria-live", "polite");
        list.addClassName("feed-list");
        showMore.setText(getTranslation("volunteer.board.more"));
        showMore.addClassName("feed-more");
        showMore.addClickListener(click -> loadMore(openings.publicCount(filter)));

        // The cards' headings are third-level (as in the feed, under its day headings): a heading for the list
        // keeps the outline whole for screen readers, without a visible title repeating the page's.
        H2 listHeading = new H2(getTranslation("volunteer.board.list-heading"));
        listHeading.addClassName("sr-only");

        add(title, intro, how, filters, resultCount, listHeading, list, showMore, new StoriesSection(stories));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // Read on every visit: the office may have added a district since this page was first opened.
        districts = reference.activeDistricts();
        filter = parse(event.getLocation().getQueryParameters().getParameters(), districts);
        filters.populate(filter, districts);
        reload();
    }

    /** The filter in the address; unknown or malformed values are ignored rather than refused. */
    static OpeningFilter parse(Map<String, List<String>> parameters, List<District> districts) {
        SupporterType type = null;
        String forCode = first(parameters, FOR);
        for (SupporterType candidate : SupporterType.values()) {
            if (candidate != SupporterType.ANYONE && code(candidate).equals(forCode)) {
                type = candidate;
            }
        }
        String districtCode = first(parameters, DISTRICT);
        Long districtId = districts.stream().filter(item -> item.getCode().equals(districtCode)).findFirst()
                .map(District::getId).orElse(null);
        OpeningFilter.Timing timing = OpeningFilter.Timing.ANY;
        String when = first(parameters, WHEN);
        if (code(OpeningFilter.Timing.ONGOING).equals(when)) {
            timing = OpeningFilter.Timing.ONGOING;
        } else if (code(OpeningFilter.Timing.DATED).equals(when)) {
            timing = OpeningFilter.Timing.DATED;
        }
        return new OpeningFilter(type, districtId, timing);
    }

    static Map<String, List<String>> toParameters(OpeningFilter filter, List<District> districts) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (filter.suitableFor() != null) {
            parameters.put(FOR, List.of(code(filter.suitableFor())));
        }
        districts.stream().filter(item -> item.getId().equals(filter.districtId())).findFirst()
                .ifPresent(item -> parameters.put(DISTRICT, List.of(item.getCode())));
        if (filter.timing() != OpeningFilter.Timing.ANY) {
            parameters.put(WHEN, List.of(code(filter.timing())));
        }
        return parameters;
    }

    private static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.getOrDefault(name, List.of());
        return values.isEmpty() ? null : values.get(0);
    }

    private void navigate(OpeningFilter next) {
        getUI().ifPresent(ui -> ui.navigate(VolunteerBoardView.class,
                new QueryParameters(toParameters(next, districts))));
    }

    private void reload() {
        list.removeAll();
        loaded = 0;
        long total = openings.publicCount(filter);
        resultCount.setText(getTranslation("volunteer.board.count", total));
        loadMore(total);
    }

    private void loadMore(long total) {
        List<Opening> page = openings.publicOpenings(filter, loaded, PAGE_SIZE);
        Locale locale = getLocale();
        for (Opening opening : page) {
            list.add(new OpeningCard(opening, OpeningCard.linkedEvent(events, opening), locale, true));
        }
        loaded += page.size();
        if (total == 0) {
            Paragraph empty = new Paragraph(getTranslation("volunteer.board.empty"));
            empty.addClassName("feed-empty");
            list.add(empty);
        }
        showMore.setVisible(loaded < total && !page.isEmpty());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("volunteer.board.title") + " | " + getTranslation("app.name");
    }
}
