package jp.kosodatehub.events.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jp.kosodatehub.base.ui.Badge;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.events.EventFilter;
import jp.kosodatehub.events.EventOccurrence;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.events.FeedParameters;
import jp.kosodatehub.events.JapaneseHolidays;
import jp.kosodatehub.reference.District;
import jp.kosodatehub.reference.EventKind;
import jp.kosodatehub.reference.ReferenceDataService;

/**
 * The feed as a month calendar, weeks starting on Sunday as Japanese calendars do. A real table with a caption
 * and column headers, so screen readers announce the weekday of each cell; on a phone the same table is laid out
 * by the style sheet as a list of the days that have events, since seven columns do not fit.
 */
@Route("calendar")
@AnonymousAllowed
class CalendarView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** More than this in one month is a filter worth narrowing, not a calendar worth reading. */
    static final int MAX_DATES = 1500;
    private static final DayOfWeek FIRST_DAY = DayOfWeek.SUNDAY;

    private final transient EventService events;
    private final transient ReferenceDataService reference;
    private transient List<EventKind> kinds = List.of();
    private transient List<District> districts = List.of();

    private final H1 heading = new H1();
    private final Button previous = new Button();
    private final Button next = new Button();
    private final Button thisMonth = new Button();
    private final RouterLink toList = new RouterLink();
    private final RouterLink toPrint = new RouterLink();
    private final FeedFilterForm filters = new FeedFilterForm(false);
    private final Span resultCount = new Span();
    private final Paragraph notice = new Paragraph();
    private NativeTable table = new NativeTable();

    private EventFilter filter = EventFilter.none();
    private FeedParameters.When when;
    private YearMonth month = YearMonth.now(Formats.JAPAN);

    CalendarView(EventService events, ReferenceDataService reference) {
        this.events = events;
        this.reference = reference;
        addClassNames("page", "calendar-view");
        setPadding(false);

        toList.setText(getTranslation("calendar.to-list"));
        toPrint.setText(getTranslation("calendar.print"));
        toList.addClassName("back-link");
        toPrint.addClassName("back-link");
        Div links = new Div(toList, toPrint);
        links.addClassName("calendar-links");

        previous.setText(getTranslation("calendar.previous"));
        previous.setIcon(VaadinIcon.ANGLE_LEFT.create());
        previous.addClickListener(click -> navigate(filter, when, month.minusMonths(1)));
        next.setText(getTranslation("calendar.next"));
        next.setIcon(VaadinIcon.ANGLE_RIGHT.create());
        next.setIconAfterText(true);
        next.addClickListener(click -> navigate(filter, when, month.plusMonths(1)));
        thisMonth.setText(getTranslation("calendar.this-month"));
        thisMonth.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        thisMonth.addClickListener(click -> navigate(filter, when, YearMonth.now(Formats.JAPAN)));
        heading.addClassName("calendar-month");
        // Announces the new month after "next" or "previous", which keep the focus on the button.
        heading.getElement().setAttribute("aria-live", "polite");
        Div monthBar = new Div(previous, heading, next, thisMonth);
        monthBar.addClassName("calendar-bar");

        filters.addFilterChangeListener(change -> navigate(change.filter(), change.when(), month));
        resultCount.addClassName("feed-count");
        notice.addClassNames("notice", "notice-info");

        add(links, monthBar, filters, resultCount, notice, table);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        LocalDate today = LocalDate.now(Formats.JAPAN);
        kinds = reference.activeKinds();
        districts = reference.activeDistricts();
        FeedParameters.Parsed parsed = FeedParameters.parse(parameters, kinds, districts, today);
        filter = parsed.filter();
        when = parsed.when();
        month = FeedMonth.read(parameters, filter, today);
        filters.populate(parsed, kinds, districts);

        Map<String, List<String>> feedParameters = FeedParameters.toParameters(filter, when, kinds, districts);
        toList.setRoute(PublicFeedView.class);
        toList.setQueryParameters(new QueryParameters(feedParameters));
        toPrint.setRoute(PrintView.class);
        toPrint.setQueryParameters(new QueryParameters(FeedMonth.with(feedParameters, month)));
        heading.setText(Formats.month(month, getLocale()));
        thisMonth.setVisible(!month.equals(YearMonth.from(today)));
        render(today);
    }

    private void navigate(EventFilter nextFilter, FeedParameters.When nextWhen, YearMonth nextMonth) {
        Map<String, List<String>> parameters = FeedMonth.with(
                FeedParameters.toParameters(nextFilter, nextWhen, kinds, districts), nextMonth);
        getUI().ifPresent(ui -> ui.navigate(CalendarView.class, new QueryParameters(parameters)));
    }

    private void render(LocalDate today) {
        Locale locale = getLocale();
        List<EventOccurrence> dates = FeedMonth.dates(events, filter, month, MAX_DATES);
        long total = dates.size() < MAX_DATES ? dates.size() : FeedMonth.count(events, filter, month);
        Map<LocalDate, List<EventOccurrence>> byDay = new LinkedHashMap<>();
        for (EventOccurrence date : dates) {
            byDay.computeIfAbsent(FeedMonth.dayOf(date, month), day -> new ArrayList<>()).add(date);
        }
        resultCount.setText(getTranslation("feed.count", total));
        if (total == 0) {
            notice.setText(getTranslation("calendar.empty"));
        } else if (total > dates.size()) {
            notice.setText(getTranslation("calendar.too-many", dates.size(), total));
        }
        notice.setVisible(total == 0 || total > dates.size());

        // A new table each time: NativeTable keeps its own head and body, which removeAll() would orphan.
        NativeTable fresh = new NativeTable();
        fresh.addClassName("calendar-table");
        replace(table, fresh);
        table = fresh;
        String title = getTranslation("calendar.title", Formats.month(month, locale));
        table.setCaptionText(title);
        table.getCaption().addClassName("sr-only");
        NativeTableRow head = table.getHead().addRow();
        for (int i = 0; i < 7; i++) {
            DayOfWeek day = FIRST_DAY.plus(i);
            NativeTableHeaderCell cell = head.addHeaderCell();
            cell.getElement().setAttribute("scope", "col");
            Span shortName = new Span(Formats.weekday(day, locale));
            shortName.getElement().setAttribute("aria-hidden", "true");
            Span fullName = new Span(Formats.weekdayFull(day, locale));
            fullName.addClassName("sr-only");
            cell.add(shortName, fullName);
            weekdayClass(day, false).ifPresent(cell::addClassName);
        }
        NativeTableBody body = table.getBody();
        LocalDate day = month.atDay(1).with(TemporalAdjusters.previousOrSame(FIRST_DAY));
        while (!day.isAfter(month.atEndOfMonth())) {
            NativeTableRow week = body.addRow();
            for (int i = 0; i < 7; i++) {
                week.add(cell(day, byDay.getOrDefault(day, List.of()), today, locale));
                day = day.plusDays(1);
            }
        }
    }

    private NativeTableCell cell(LocalDate day, List<EventOccurrence> dates, LocalDate today, Locale locale) {
        NativeTableCell cell = new NativeTableCell();
        cell.addClassName("calendar-day");
        cell.getElement().setAttribute("data-date", day.toString());
        if (!YearMonth.from(day).equals(month)) {
            cell.addClassName("outside");
            return cell;
        }
        boolean holiday = JapaneseHolidays.isHoliday(day);
        weekdayClass(day.getDayOfWeek(), holiday).ifPresent(cell::addClassName);
        cell.addClassName(dates.isEmpty() ? "no-events" : "has-events");

        Span number = new Span(String.valueOf(day.getDayOfMonth()));
        number.addClassName("calendar-day-number");
        number.getElement().setAttribute("aria-hidden", "true");
        Span full = new Span(Formats.date(day, locale));
        full.addClassName("calendar-day-full");
        Div dayHead = new Div(number, full);
        dayHead.addClassName("calendar-day-head");
        if (holiday) {
            Span mark = new Span(getTranslation("calendar.holiday"));
            mark.addClassName("calendar-mark");
            dayHead.add(mark);
        }
        if (day.equals(today)) {
            cell.addClassName("today");
            cell.getElement().setAttribute("aria-current", "date");
            Span mark = new Span(getTranslation("calendar.today"));
            mark.addClassNames("calendar-mark", "calendar-today-mark");
            dayHead.add(mark);
        }
        cell.add(dayHead);
        if (!dates.isEmpty()) {
            UnorderedList entries = new UnorderedList();
            entries.addClassName("calendar-entries");
            dates.forEach(date -> entries.add(entry(date)));
            cell.add(entries);
        }
        return cell;
    }

    private ListItem entry(EventOccurrence date) {
        ListItem item = new ListItem();
        item.addClassName("calendar-entry");
        Span time = new Span(Formats.time(date.getStartsAt()));
        time.addClassName("calendar-time");
        RouterLink title = new RouterLink(date.getEvent().getTitle(), EventPageView.class,
                new RouteParameters(EventPageView.ID, String.valueOf(date.getEvent().getId())));
        title.addClassName("calendar-title");
        item.add(time, title);
        if (date.isEffectivelyCancelled()) {
            item.addClassName("cancelled");
            item.add(new Badge(getTranslation("event.status.cancelled"), Badge.Tone.ERROR));
        } else if (date.isMoved()) {
            item.add(new Badge(getTranslation("series.moved-badge"), Badge.Tone.WARNING));
        }
        return item;
    }

    /** Sunday and holidays red, Saturday blue, as on Japanese calendars; the header and marks say it in words. */
    private static Optional<String> weekdayClass(DayOfWeek day, boolean holiday) {
        if (holiday) {
            return Optional.of("holiday");
        }
        return switch (day) {
            case SUNDAY -> Optional.of("sunday");
            case SATURDAY -> Optional.of("saturday");
            default -> Optional.empty();
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("calendar.title", Formats.month(month, getLocale())) + " | "
                + getTranslation("app.name");
    }
}
