package jp.kosodatehub.events.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jp.kosodatehub.base.AppProperties;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.events.AgeBand;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventFilter;
import jp.kosodatehub.events.EventOccurrence;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.events.Facility;
import jp.kosodatehub.events.FeedParameters;
import jp.kosodatehub.events.JapaneseHolidays;
import jp.kosodatehub.reference.District;
import jp.kosodatehub.reference.EventKind;
import jp.kosodatehub.reference.ReferenceDataService;
import jp.kosodatehub.reference.ReferenceItem;

/**
 * A month of the feed on one A4 sheet for the hub's bulletin board and newsletter. Outside the app's frame, so
 * only the sheet prints; black and white safe, so a cancelled date says 【中止】 in words as well as being struck
 * through. The footer gives the address of the same search online, where the details and changes are.
 */
@Route(value = "print", autoLayout = false)
@AnonymousAllowed
class PrintView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    /** About four A4 pages at the type size the sheet uses; a longer month is cut, and the sheet says so. */
    static final int MAX_DATES = 300;

    private final transient EventService events;
    private final transient ReferenceDataService reference;
    private final transient AppProperties properties;
    private transient List<EventKind> kinds = List.of();
    private transient List<District> districts = List.of();

    private final RouterLink back = new RouterLink();
    private final RouterLink calendar = new RouterLink();
    private final RouterLink previous = new RouterLink();
    private final RouterLink next = new RouterLink();
    private final H1 title = new H1();
    private final Paragraph conditions = new Paragraph();
    private final Div content = new Div();
    private final Paragraph site = new Paragraph();
    private final Paragraph created = new Paragraph();

    PrintView(EventService events, ReferenceDataService reference, AppProperties properties) {
        this.events = events;
        this.reference = reference;
        this.properties = properties;
        addClassName("print-sheet");

        Button print = new Button(getTranslation("print.action"), VaadinIcon.PRINT.create(),
                click -> getElement().executeJs("window.print()"));
        print.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        back.setText(getTranslation("print.back"));
        calendar.setText(getTranslation("feed.link.calendar"));
        previous.setText(getTranslation("calendar.previous"));
        next.setText(getTranslation("calendar.next"));
        Div actions = new Div(print, back, calendar, previous, next);
        actions.addClassName("print-actions");

        title.addClassName("print-title");
        Span hashtag = new Span(properties.hashtag());
        hashtag.addClassName("print-hashtag");
        conditions.addClassName("print-conditions");
        Header header = new Header(title, hashtag, conditions);
        header.addClassName("print-header");

        content.addClassName("print-content");
        Footer footer = new Footer(site, created);
        footer.addClassName("print-footer");
        add(actions, header, content, footer);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        LocalDate today = LocalDate.now(Formats.JAPAN);
        Locale locale = getLocale();
        kinds = reference.activeKinds();
        districts = reference.activeDistricts();
        FeedParameters.Parsed parsed = FeedParameters.parse(parameters, kinds, districts, today);
        EventFilter filter = parsed.filter();
        YearMonth month = FeedMonth.read(parameters, filter, today);

        Map<String, List<String>> feedParameters = FeedParameters.toParameters(filter, parsed.when(), kinds,
                districts);
        back.setRoute(PublicFeedView.class);
        back.setQueryParameters(new QueryParameters(feedParameters));
        calendar.setRoute(CalendarView.class);
        calendar.setQueryParameters(new QueryParameters(FeedMonth.with(feedParameters, month)));
        previous.setRoute(PrintView.class);
        previous.setQueryParameters(new QueryParameters(FeedMonth.with(feedParameters, month.minusMonths(1))));
        next.setRoute(PrintView.class);
        next.setQueryParameters(new QueryParameters(FeedMonth.with(feedParameters, month.plusMonths(1))));

        title.setText(getTranslation("print.title", properties.networkName(), Formats.month(month, locale)));
        conditions.setText(getTranslation("print.conditions", describe(filter, locale)));
        String query = new QueryParameters(feedParameters).getQueryString();
        site.setText(getTranslation("print.site", siteRoot() + (query.isEmpty() ? "" : "?" + query)));
        created.setText(getTranslation("print.created", Formats.dateWithYear(today, locale)));
        render(filter, month, locale);
    }

    /** The filter in words, as a reader of the bulletin board needs it: 対象：1歳・地区：富岡・土日祝のみ. */
    private String describe(EventFilter filter, Locale locale) {
        List<String> parts = new ArrayList<>();
        if (filter.keyword() != null) {
            parts.add(getTranslation("print.filter.keyword", filter.keyword()));
        }
        find(kinds, filter.kindId()).ifPresent(kind ->
                parts.add(getTranslation("print.filter.kind", kind.displayName(locale))));
        if (filter.ageBand() != null) {
            parts.add(getTranslation("print.filter.age", getTranslation(filter.ageBand().translationKey())));
        }
        find(districts, filter.districtId()).ifPresent(district ->
                parts.add(getTranslation("print.filter.district", district.displayName(locale))));
        if (filter.targetGroup() != null) {
            parts.add(getTranslation("print.filter.group", getTranslation(filter.targetGroup().translationKey())));
        }
        if (filter.weekendOrHoliday()) {
            parts.add(getTranslation("print.filter.weekend"));
        }
        if (filter.evening()) {
            parts.add(getTranslation("print.filter.evening"));
        }
        if (filter.freeOnly()) {
            parts.add(getTranslation("print.filter.free"));
        }
        if (filter.noBooking()) {
            parts.add(getTranslation("print.filter.no-booking"));
        }
        if (!filter.facilities().isEmpty()) {
            List<String> names = new ArrayList<>();
            for (Facility facility : Facility.values()) {
                if (filter.facilities().contains(facility)) {
                    names.add(getTranslation(facility.translationKey()));
                }
            }
            parts.add(getTranslation("print.filter.facilities",
                    String.join(getTranslation("print.list-separator"), names)));
        }
        return parts.isEmpty() ? getTranslation("print.filter.none")
                : String.join(getTranslation("print.filter.separator"), parts);
    }

    private static <T extends ReferenceItem> Optional<T> find(List<T> items, Long id) {
        return id == null ? Optional.empty()
                : items.stream().filter(item -> item.getId().equals(id)).findFirst();
    }

    private void render(EventFilter filter, YearMonth month, Locale locale) {
        content.removeAll();
        List<EventOccurrence> dates = FeedMonth.dates(events, filter, month, MAX_DATES);
        if (dates.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("print.empty"));
            empty.addClassName("print-empty");
            content.add(empty);
            return;
        }
        Map<LocalDate, List<EventOccurrence>> byDay = new LinkedHashMap<>();
        for (EventOccurrence date : dates) {
            byDay.computeIfAbsent(FeedMonth.dayOf(date, month), day -> new ArrayList<>()).add(date);
        }
        NativeTable table = new NativeTable();
        table.addClassName("print-table");
        table.setCaptionText(getTranslation("print.caption", Formats.month(month, locale)));
        table.getCaption().addClassName("sr-only");
        NativeTableRow head = table.getHead().addRow();
        for (String column : List.of("date", "time", "title", "place", "ages", "fee", "organiser")) {
            NativeTableHeaderCell cell = head.addHeaderCell();
            cell.setText(getTranslation("print.column." + column));
            cell.getElement().setAttribute("scope", "col");
            cell.addClassName("print-col-" + column);
        }
        // One body per day, so a day's dates stay together on a page where they fit.
        byDay.forEach((day, onDay) -> {
            NativeTableBody body = table.addBody();
            body.addClassName("print-day");
            for (int i = 0; i < onDay.size(); i++) {
                NativeTableRow row = body.addRow();
                if (i == 0) {
                    NativeTableHeaderCell dayCell = row.addHeaderCell();
                    dayCell.setText(dayLabel(day, locale));
                    dayCell.getElement().setAttribute("scope", "rowgroup");
                    dayCell.getElement().setAttribute("rowspan", String.valueOf(onDay.size()));
                    dayCell.addClassName("print-date");
                }
                fill(row, onDay.get(i), locale);
            }
        });
        content.add(table);
        long total = dates.size() < MAX_DATES ? dates.size() : FeedMonth.count(events, filter, month);
        if (total > dates.size()) {
            Paragraph more = new Paragraph(getTranslation("print.more", total - dates.size()));
            more.addClassName("print-more");
            content.add(more);
        }
    }

    private String dayLabel(LocalDate day, Locale locale) {
        String weekday = Formats.weekday(day.getDayOfWeek(), locale);
        return JapaneseHolidays.isHoliday(day)
                ? getTranslation("print.day-holiday", day.getDayOfMonth(), weekday)
                : getTranslation("print.day", day.getDayOfMonth(), weekday);
    }

    private void fill(NativeTableRow row, EventOccurrence date, Locale locale) {
        Event event = date.getEvent();
        if (date.isEffectivelyCancelled()) {
            row.addClassName("cancelled");
        }
        row.add(new NativeTableCell(Formats.times(date.getStartsAt(), date.getEndsAt(), locale)));

        NativeTableCell what = new NativeTableCell();
        if (date.isEffectivelyCancelled()) {
            Span status = new Span(getTranslation("print.cancelled"));
            status.addClassName("print-status");
            what.add(status);
        } else if (date.isMoved()) {
            Span status = new Span(getTranslation("print.moved"));
            status.addClassName("print-status");
            what.add(status);
        }
        Span name = new Span(event.getTitle());
        name.addClassName("print-event-title");
        what.add(name);
        row.add(what);

        row.add(new NativeTableCell(event.getDistrict() == null ? event.getVenueName()
                : getTranslation("print.place", event.getVenueName(), event.getDistrict().displayName(locale))));
        List<String> bands = new ArrayList<>();
        for (AgeBand band : event.getAgeBands()) {
            bands.add(getTranslation(band.translationKey()));
        }
        row.add(new NativeTableCell(String.join(getTranslation("print.list-separator"), bands)));
        String fee = event.isFree() ? getTranslation("event.free") : Formats.yen(event.getFeeYen(), locale);
        String booking = getTranslation(event.isBookingRequired() ? "event.booking-required" : "event.no-booking");
        row.add(new NativeTableCell(getTranslation("print.fee-booking", fee, booking)));
        row.add(new NativeTableCell(event.getOrganisation().getName()));
    }

    /** The address this page was opened at, up to the application's root, for readers of the paper copy. */
    private static String siteRoot() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        if (request == null) {
            return "";
        }
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = port <= 0 || ("http".equals(scheme) && port == 80)
                || ("https".equals(scheme) && port == 443);
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port)
                + request.getContextPath() + "/";
    }

    @Override
    public String getPageTitle() {
        return title.getText();
    }
}
