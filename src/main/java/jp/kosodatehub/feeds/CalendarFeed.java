package jp.kosodatehub.feeds;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.kosodatehub.base.NotFoundException;
import jp.kosodatehub.base.OffsetPage;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventFilter;
import jp.kosodatehub.events.EventOccurrence;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.events.OccurrencePlan;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.TzName;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.stereotype.Service;

/**
 * Public events as iCalendar (RFC 5545) for calendar apps. A filter on whole events gives one entry per event, a
 * series keeping its RRULE with the skipped and cancelled dates as EXDATE and moved dates as overrides, so the
 * calendar shows the series as one. A filter on single dates gives one entry per matching date instead.
 */
@Service
class CalendarFeed {

    /** At most this many events in one calendar, and at most this many dates when dates are listed one by one. */
    static final int MAX_EVENTS = 500;
    static final int MAX_DATES = 2000;
    /** How far ahead a subscribed calendar looks for events to include. */
    static final int YEARS_AHEAD = 1;
    static final String TIME_ZONE = "Asia/Tokyo";
    static final String UID_DOMAIN = "@kosodate-hub";

    private static final ZoneId ZONE = ZoneId.of(TIME_ZONE);
    private static final int FOLD_OCTETS = 75;
    private static final DateTimeFormatter UTC_UNTIL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final DateTimeFormatter LOCAL_UNTIL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    /** The largest page EventService hands out; longer lists of dates are read page by page. */
    private static final int SCAN = OffsetPage.MAX_LIMIT;

    private final EventService events;

    CalendarFeed(EventService events) {
        this.events = events;
    }

    /** The subscribable calendar of the public events matching the query. */
    String forQuery(FeedQuery query, FeedTexts texts, LocalDate today) {
        Calendar calendar = newCalendar(texts, true);
        if (query.dateLevel()) {
            for (EventOccurrence date : datesAhead(query.filter(), today)) {
                calendar.add(dateEntry(date, texts));
            }
        } else {
            for (Event event : eventsAhead(query.filter())) {
                try {
                    addEvent(calendar, event, events.publicPlan(event.getId()), texts);
                } catch (NotFoundException e) {
                    // Withdrawn between the two reads: it simply is not public any more.
                }
            }
        }
        return write(calendar);
    }

    /** One public event, a whole series included, as a file to import; empty for anything not public. */
    Optional<String> forEvent(long id, FeedTexts texts) {
        Optional<Event> event = events.findPublic(id);
        if (event.isEmpty()) {
            return Optional.empty();
        }
        List<OccurrencePlan.Entry> plan;
        try {
            plan = events.publicPlan(id);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        Calendar calendar = newCalendar(texts, false);
        addEvent(calendar, event.get(), plan, texts);
        return Optional.of(write(calendar));
    }

    /** Public events with dates still to come, soonest first, at most {@link #MAX_EVENTS}. */
    private List<Event> eventsAhead(EventFilter filter) {
        return events.publicEventsWithDatesAhead(filter, MAX_EVENTS);
    }

    /** The matching dates up to a year ahead, soonest first, at most {@link #MAX_DATES}. */
    private List<EventOccurrence> datesAhead(EventFilter filter, LocalDate today) {
        LocalDate last = today.plusYears(YEARS_AHEAD);
        EventFilter capped = filter.withDates(filter.from(),
                filter.to() == null || filter.to().isAfter(last) ? last : filter.to());
        List<EventOccurrence> dates = new ArrayList<>();
        while (dates.size() < MAX_DATES) {
            int limit = Math.min(SCAN, MAX_DATES - dates.size());
            List<EventOccurrence> page = events.feed(capped, dates.size(), limit);
            dates.addAll(page);
            if (page.size() < limit) {
                break;
            }
        }
        return dates;
    }

    private static void addEvent(Calendar calendar, Event event, List<OccurrencePlan.Entry> plan, FeedTexts texts) {
        boolean cancelled = event.isCancelled();
        VEvent entry = entry(event, texts, cancelled,
                cancelled ? FeedTexts.DateNote.CANCELLED : FeedTexts.DateNote.NONE, event.getStatusReason());
        entry.add(new Uid(eventUid(event)));
        entry.add(new DtStart<>(zoned(), event.getStartsAt()));
        entry.add(new DtEnd<>(zoned(), event.getEndsAt()));
        if (event.isSeries()) {
            entry.add(new RRule<>(withUtcUntil(OccurrencePlan.calendarRule(event.getRecurrenceRule(), plan))));
            List<LocalDateTime> excluded = plan.stream().filter(date -> date.skip() != null || date.cancelled())
                    .map(OccurrencePlan.Entry::originalStart).toList();
            if (!excluded.isEmpty()) {
                entry.add(new ExDate<>(zoned(), new DateList<>(excluded)));
            }
        }
        calendar.add(entry);
        if (!event.isSeries()) {
            return;
        }
        for (OccurrencePlan.Entry date : plan) {
            if (date.skip() == null && !date.cancelled() && date.moved()) {
                VEvent moved = entry(event, texts, cancelled,
                        cancelled ? FeedTexts.DateNote.CANCELLED : FeedTexts.DateNote.MOVED,
                        cancelled ? event.getStatusReason() : date.reason());
                moved.add(new Uid(eventUid(event)));
                moved.add(new RecurrenceId<>(zoned(), date.originalStart()));
                moved.add(new DtStart<>(zoned(), date.start()));
                moved.add(new DtEnd<>(zoned(), date.end()));
                calendar.add(moved);
            }
        }
    }

    private static VEvent dateEntry(EventOccurrence date, FeedTexts texts) {
        Event event = date.getEvent();
        boolean cancelled = date.isEffectivelyCancelled();
        FeedTexts.DateNote note = cancelled ? FeedTexts.DateNote.CANCELLED
                : date.isMoved() ? FeedTexts.DateNote.MOVED : FeedTexts.DateNote.NONE;
        String reason = date.getReason() != null ? date.getReason() : event.getStatusReason();
        VEvent entry = entry(event, texts, cancelled, note, reason);
        entry.add(new Uid(date.publicId() + UID_DOMAIN));
        entry.add(new DtStart<>(zoned(), date.getStartsAt()));
        entry.add(new DtEnd<>(zoned(), date.getEndsAt()));
        return entry;
    }

    /** What every entry of an event says, whether it stands for the series, a moved date or a single date. */
    private static VEvent entry(Event event, FeedTexts texts, boolean cancelled, FeedTexts.DateNote note,
                                String reason) {
        VEvent entry = new VEvent(false);
        // Without METHOD, DTSTAMP is when the entry last changed (RFC 5545 3.8.7.2); it also keeps the body, and
        // so its ETag, the same until something changes.
        entry.add(new DtStamp(event.getUpdatedAt().truncatedTo(ChronoUnit.SECONDS)));
        entry.add(new LastModified(event.getUpdatedAt().truncatedTo(ChronoUnit.SECONDS)));
        entry.add(new Summary(texts.summary(event, cancelled)));
        entry.add(new Description(texts.description(event, note, reason)));
        entry.add(new Location(texts.location(event)));
        entry.add(new Url(URI.create(texts.eventUrl(event))));
        entry.add(new Categories(new TextList(List.of(texts.kindName(event)))));
        entry.add(new Status(cancelled ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
        return entry;
    }

    static String eventUid(Event event) {
        return "event-" + event.getId() + UID_DOMAIN;
    }

    /**
     * The stored rule's UNTIL is a floating local time, matching the floating start it is expanded from. Here the
     * start carries TZID=Asia/Tokyo, and RFC 5545 then wants UNTIL in UTC.
     */
    static String withUtcUntil(String rule) {
        String[] parts = rule.split(";");
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].startsWith("UNTIL=") && !parts[i].endsWith("Z")) {
                String value = parts[i].substring("UNTIL=".length());
                LocalDateTime local = value.length() == 8
                        ? LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE).atTime(LocalTime.of(23, 59, 59))
                        : LocalDateTime.parse(value, LOCAL_UNTIL);
                parts[i] = "UNTIL=" + UTC_UNTIL.format(local.atZone(ZONE).withZoneSameInstant(ZoneOffset.UTC));
            }
        }
        return String.join(";", parts);
    }

    private static ParameterList zoned() {
        return new ParameterList(List.of(new TzId(TIME_ZONE)));
    }

    private static Calendar newCalendar(FeedTexts texts, boolean subscription) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Kosodate Hub//Event feed//" + (texts.isEnglish() ? "EN" : "JA")));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        if (subscription) {
            // Read by Apple, Google and Outlook as the subscribed calendar's name, description and refresh.
            calendar.add(new XProperty("X-WR-CALNAME", texts.feedTitle()));
            calendar.add(new XProperty("X-WR-CALDESC", texts.calendarDescription()));
            calendar.add(new XProperty("X-PUBLISHED-TTL", "PT1H"));
        }
        calendar.add(new XProperty("X-WR-TIMEZONE", TIME_ZONE));
        calendar.add(tokyo());
        return calendar;
    }

    /**
     * Japan has kept +09:00 without daylight saving since 1951, so one fixed observance describes every date the
     * network posts; a written-out zone needs no time zone database or download at run time.
     */
    private static VTimeZone tokyo() {
        Standard standard = new Standard();
        standard.add(new TzName("JST"));
        standard.add(new TzOffsetFrom(ZoneOffset.ofHours(9)));
        standard.add(new TzOffsetTo(ZoneOffset.ofHours(9)));
        standard.add(new DtStart<>(LocalDateTime.of(1970, 1, 1, 0, 0)));
        VTimeZone zone = new VTimeZone();
        zone.add(new net.fortuna.ical4j.model.property.TzId(TIME_ZONE));
        zone.add(standard);
        return zone;
    }

    private static String write(Calendar calendar) {
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fold(out.toString().replace("\r\n ", ""));
    }

    /**
     * Folds content lines at 75 octets, as RFC 5545 3.1 asks. ical4j folds at 75 characters, which for Japanese
     * text is up to three times as many octets; this never splits a character.
     */
    static String fold(String unfolded) {
        StringBuilder folded = new StringBuilder(unfolded.length() + unfolded.length() / 20);
        for (String line : unfolded.split("\r\n")) {
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
                if (octets + size > FOLD_OCTETS) {
                    folded.append("\r\n ");
                    octets = 1;
                }
                folded.appendCodePoint(codePoint);
                octets += size;
                i += Character.charCount(codePoint);
            }
            folded.append("\r\n");
        }
        return folded.toString();
    }
}
