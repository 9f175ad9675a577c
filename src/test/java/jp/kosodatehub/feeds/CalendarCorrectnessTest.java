package jp.kosodatehub.feeds;

import static jp.kosodatehub.TestFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.ParseWarning;
import biweekly.util.com.google.ical.compat.javautil.DateIterator;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.base.AppProperties;
import jp.kosodatehub.base.i18n.TranslationProvider;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventDraft;
import jp.kosodatehub.events.EventFilter;
import jp.kosodatehub.events.EventOccurrence;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.events.JapaneseHolidays;
import jp.kosodatehub.events.OccurrencePlan;
import jp.kosodatehub.events.Recurrence;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.reference.EventKind;
import jp.kosodatehub.reference.ReferenceDataService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Reads the calendar the feed writes (ical4j) with a second, independent iCalendar library (biweekly), expands
 * every series as a calendar app would, and checks that the app would show exactly the dates the public feed
 * lists: no skipped holiday or closed day, no cancelled date, and a moved date at its new time.
 */
@SpringBootTest
class CalendarCorrectnessTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final String BASE_URL = "https://kosodate.example.jp";

    @Autowired
    EventService events;

    @Autowired
    CalendarFeed calendars;

    @Autowired
    ReferenceDataService reference;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    TranslationProvider translations;

    @Autowired
    AppProperties app;

    EventKind kind;
    String member;
    LocalDate today;

    record Slot(LocalDateTime start, LocalDateTime end) implements Comparable<Slot> {

        @Override
        public int compareTo(Slot other) {
            return start.equals(other.start) ? end.compareTo(other.end) : start.compareTo(other.start);
        }
    }

    @BeforeEach
    void setUp() {
        kind = fixtures.kind("カレンダー確認");
        Organisation trusted = fixtures.organisation("calendar", true);
        member = fixtures.member(trusted);
        today = LocalDate.now(TOKYO);
    }

    @Test
    void weeklySeriesAcrossAHolidayShowsInACalendarAppExactlyTheDatesOfTheFeed() {
        LocalDate holiday = weekdayHolidayWithPlainWeeksAround(today.plusDays(15));
        LocalDateTime start = holiday.minusWeeks(2).atTime(10, 0);
        Event event = publishSeries("月曜サロン", start, new Recurrence(Recurrence.Pattern.WEEKLY, 1,
                EnumSet.of(start.getDayOfWeek()), 0, 0, holiday.plusWeeks(3), null), true, null, null);
        List<OccurrencePlan.Entry> held = events.publicPlan(event.getId()).stream()
                .filter(date -> date.skip() == null).toList();
        assertThat(held).as("six weekly dates, the holiday skipped").hasSize(5);
        LocalDateTime cancelled = held.get(1).originalStart();
        LocalDateTime moved = held.get(2).originalStart();
        LocalDateTime movedTo = moved.plusDays(1).withHour(13);
        Event afterCancel = fixtures.as(member,
                () -> events.cancelDate(event.getId(), event.getVersion(), cancelled, "雨天中止"));
        fixtures.as(member, () -> events.moveDate(event.getId(), afterCancel.getVersion(), moved, movedTo,
                movedTo.plusHours(2), "会場の都合"));

        String subscribed = calendars.forQuery(queryForKind(), texts(), today);
        String downloaded = calendars.forEvent(event.getId(), texts()).orElseThrow();

        Set<Slot> feed = feedDates(event);
        assertThat(feed).as("the feed itself: four dates, one of them moved").hasSize(4)
                .contains(new Slot(movedTo, movedTo.plusHours(2)))
                .doesNotContain(new Slot(holiday.atTime(10, 0), holiday.atTime(12, 0)),
                        new Slot(cancelled, cancelled.plusHours(2)), new Slot(moved, moved.plusHours(2)));
        assertThat(expand(subscribed, CalendarFeed.eventUid(event))).isEqualTo(feed);
        assertThat(expand(downloaded, CalendarFeed.eventUid(event))).isEqualTo(feed);
        assertThat(unfolded(subscribed)).contains("EXDATE;TZID=Asia/Tokyo:")
                .contains("RECURRENCE-ID;TZID=Asia/Tokyo:" + local(moved))
                .contains(local(holiday.atTime(10, 0))).contains(local(cancelled));
    }

    @Test
    void monthlySecondTuesdaySeriesWithAClosedPeriodShowsExactlyTheDatesOfTheFeed() {
        LocalDate first = secondTuesdayFrom(today.plusDays(1));
        LocalDate closed = secondTuesdayFrom(first.plusMonths(2).withDayOfMonth(1));
        LocalDateTime start = first.atTime(10, 30);
        Event event = publishSeries("第2火曜サロン", start, new Recurrence(Recurrence.Pattern.MONTHLY_WEEKDAY, 1,
                EnumSet.of(DayOfWeek.TUESDAY), 2, 0, first.plusMonths(6), null), false, closed.minusDays(3),
                closed.plusDays(3));

        String ics = calendars.forQuery(queryForKind(), texts(), today);

        Set<Slot> feed = feedDates(event);
        assertThat(feed).as("the feed itself").hasSizeGreaterThanOrEqualTo(5)
                .doesNotContain(new Slot(closed.atTime(10, 30), closed.atTime(12, 30)));
        assertThat(expand(ics, CalendarFeed.eventUid(event))).isEqualTo(feed);
        assertThat(unfolded(ics)).contains("RRULE:").contains("BYDAY=2TU").contains(local(closed.atTime(10, 30)));
    }

    @Test
    void countedSeriesShowsInACalendarAppTheDatesHeldWithTheSkippedHolidaysLeftOut() {
        // 毎月 第2月曜日, 12回, 祝日は休み: 11 October 2027 and 10 January 2028 are holidays, so the twelfth date
        // held is 13 March 2028.
        LocalDateTime start = LocalDate.of(2027, 2, 8).atTime(10, 0);
        Event event = publishSeries("第2月曜サロン", start, new Recurrence(Recurrence.Pattern.MONTHLY_WEEKDAY, 1,
                EnumSet.of(DayOfWeek.MONDAY), 2, 0, null, 12), true, null, null);

        String downloaded = calendars.forEvent(event.getId(), texts()).orElseThrow();
        String subscribed = calendars.forQuery(queryForKind(), texts(), today);

        Set<Slot> app = expand(downloaded, CalendarFeed.eventUid(event));
        assertThat(app).hasSize(12).first().isEqualTo(new Slot(start, start.plusHours(2)));
        assertThat(app).last().isEqualTo(new Slot(LocalDate.of(2028, 3, 13).atTime(10, 0),
                LocalDate.of(2028, 3, 13).atTime(12, 0)));
        Set<Slot> feed = feedDates(event);
        assertThat(app.stream().filter(slot -> slot.start().isAfter(LocalDateTime.now(TOKYO))).toList())
                .as("what the feed lists of it").containsExactlyElementsOf(feed);
        assertThat(expand(subscribed, CalendarFeed.eventUid(event))).isEqualTo(app);
        assertThat(unfolded(downloaded)).contains("COUNT=14").contains(local(LocalDate.of(2027, 10, 11).atTime(10, 0)))
                .contains(local(LocalDate.of(2028, 1, 10).atTime(10, 0)));
    }

    @Test
    void untilIsWrittenInUtcAndStartsCarryTheTokyoZone() {
        LocalDateTime start = today.plusDays(3).atTime(9, 30);
        LocalDate until = today.plusDays(3).plusWeeks(4);
        Event event = publishSeries("UNTIL確認", start, new Recurrence(Recurrence.Pattern.WEEKLY, 1,
                EnumSet.of(start.getDayOfWeek()), 0, 0, until, null), false, null, null);

        String ics = unfolded(calendars.forEvent(event.getId(), texts()).orElseThrow());

        Matcher rule = Pattern.compile("RRULE:(.*)").matcher(ics);
        assertThat(rule.find()).isTrue();
        Matcher untilValue = Pattern.compile("UNTIL=([0-9T]+Z?)").matcher(rule.group(1));
        assertThat(untilValue.find()).isTrue();
        String expected = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(
                until.atTime(23, 59, 59).atZone(TOKYO).withZoneSameInstant(ZoneOffset.UTC));
        assertThat(untilValue.group(1)).isEqualTo(expected).endsWith("Z");
        assertThat(ics).contains("DTSTART;TZID=Asia/Tokyo:" + local(start))
                .contains("DTEND;TZID=Asia/Tokyo:" + local(start.plusHours(2)))
                .contains("BEGIN:VTIMEZONE").contains("TZID:Asia/Tokyo").contains("X-WR-TIMEZONE:Asia/Tokyo");
        assertThat(expand(ics, CalendarFeed.eventUid(event))).hasSize(5).isEqualTo(feedDates(event));
    }

    @Test
    void cancelledEventIsMarkedCancelledInTheCalendar() {
        Event event = publish(draft(kind, TestFixtures.unique("中止イベント")));
        fixtures.as(member, () -> events.cancel(event.getId(), event.getVersion(), "講師の体調不良"));

        ICalendar calendar = parse(calendars.forQuery(queryForKind(), texts(), today));

        VEvent entry = only(calendar, CalendarFeed.eventUid(event));
        assertThat(entry.getStatus().isCancelled()).isTrue();
        assertThat(entry.getSummary().getValue()).startsWith("【中止】");
        assertThat(entry.getDescription().getValue()).contains("講師の体調不良");
    }

    @Test
    void everyEntryCarriesWhatAParentNeedsOutsideTheSite() {
        EventDraft draft = draft(kind, TestFixtures.unique("ひよこ"));
        String description = "親子で遊びましょう。絵本の読み聞かせもあります。".repeat(12);
        draft.setDescription(description);
        draft.setVenueAddress("横浜市金沢区富岡東1-1");
        Event event = publish(draft);

        String ics = calendars.forQuery(queryForKind(), texts(), today);

        ICalendar calendar = parse(ics);
        VEvent entry = only(calendar, CalendarFeed.eventUid(event));
        String url = BASE_URL + "/events/" + event.getId();
        assertThat(entry.getSummary().getValue()).isEqualTo(event.getTitle());
        assertThat(entry.getDescription().getValue()).contains(description, app.hashtag(), url,
                event.getOrganisation().getName());
        assertThat(ics.split("\r\n")).as("content lines of at most 75 octets (RFC 5545 3.1)")
                .allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        assertThat(entry.getLocation().getValue()).isEqualTo("地区センター, 横浜市金沢区富岡東1-1");
        assertThat(entry.getUrl().getValue()).isEqualTo(url);
        assertThat(entry.getCategories().getFirst().getValues()).containsExactly(kind.getNameJa());
        assertThat(entry.getStatus().isConfirmed()).isTrue();
        assertThat(entry.getDateTimeStamp()).isNotNull();
        assertThat(entry.getLastModified()).isNotNull();
        assertThat(calendar.getExperimentalProperty("X-WR-CALNAME").getValue())
                .isEqualTo(app.networkName() + " " + app.hashtag());
        assertThat(calendar.getProductId()).isNotNull();
        assertThat(calendar.getVersion()).isEqualTo(biweekly.ICalVersion.V2_0);
    }

    @Test
    void filterOnSingleDatesListsEachMatchingDateAsItsOwnEntry() {
        LocalDateTime start = today.plusDays(2).atTime(10, 0);
        Event event = publishSeries("日付で絞る", start, new Recurrence(Recurrence.Pattern.WEEKLY, 1,
                EnumSet.of(start.getDayOfWeek()), 0, 0, today.plusDays(2).plusWeeks(5), null), false, null, null);
        LocalDate from = today.plusDays(9);
        LocalDate to = today.plusDays(2).plusWeeks(3);
        FeedQuery query = FeedQuery.lenient(Map.of("kind", List.of(kind.getCode()), "from", List.of(from.toString()),
                "to", List.of(to.toString())), reference.activeKinds(), reference.activeDistricts(), today);
        List<EventOccurrence> expected = events.feed(query.filter(), 0, 100);

        ICalendar calendar = parse(calendars.forQuery(query, texts(), today));

        assertThat(query.dateLevel()).isTrue();
        assertThat(expected).hasSize(3);
        assertThat(calendar.getEvents()).allSatisfy(entry -> assertThat(entry.getRecurrenceRule()).isNull());
        assertThat(calendar.getEvents()).extracting(entry -> entry.getUid().getValue())
                .containsExactlyInAnyOrderElementsOf(expected.stream()
                        .map(date -> date.publicId() + CalendarFeed.UID_DOMAIN).toList());
        assertThat(calendar.getEvents()).extracting(entry -> new Slot(local(entry.getDateStart().getValue()),
                        local(entry.getDateEnd().getValue())))
                .containsExactlyInAnyOrderElementsOf(expected.stream()
                        .map(date -> new Slot(date.getStartsAt(), date.getEndsAt())).toList());
        assertThat(event.isSeries()).isTrue();
    }

    @Test
    void anEventLateInTheYearIsFoundBehindHundredsOfEarlierDates() {
        LocalDateTime start = today.plusDays(1).atTime(9, 0);
        Recurrence daily = new Recurrence(Recurrence.Pattern.WEEKLY, 1, EnumSet.allOf(DayOfWeek.class), 0, 0,
                today.plusDays(1).plusDays(300), null);
        Event first = publishSeries("毎日ひろば", start, daily, false, null, null);
        Event second = publishSeries("毎日あそび", start.plusHours(3), daily, false, null, null);
        EventDraft late = draft(kind, TestFixtures.unique("秋のまつり"));
        late.setStartsAt(today.plusDays(330).atTime(10, 0));
        late.setEndsAt(today.plusDays(330).atTime(15, 0));
        Event autumn = publish(late);

        try {
            String ics = calendars.forQuery(queryForKind(), texts(), today);

            assertThat(events.feedCount(new EventFilter(null, kind.getId(), null, null, null, null)))
                    .as("more dates than one scan takes").isGreaterThan(500);
            assertThat(ics).contains("UID:" + CalendarFeed.eventUid(first), "UID:" + CalendarFeed.eventUid(second),
                    "UID:" + CalendarFeed.eventUid(autumn));
        } finally {
            // Hundreds of public dates would crowd the unfiltered feed that other tests on this database read.
            fixtures.as(member, () -> events.withdraw(first.getId(), first.getVersion()));
            fixtures.as(member, () -> events.withdraw(second.getId(), second.getVersion()));
        }
    }

    @Test
    void floatingUntilIsTurnedIntoUtcAndOtherPartsAreKept() {
        assertThat(CalendarFeed.withUtcUntil("FREQ=WEEKLY;BYDAY=MO;UNTIL=20270301T235959"))
                .isEqualTo("FREQ=WEEKLY;BYDAY=MO;UNTIL=20270301T145959Z");
        assertThat(CalendarFeed.withUtcUntil("FREQ=MONTHLY;BYDAY=2TU;COUNT=6"))
                .isEqualTo("FREQ=MONTHLY;BYDAY=2TU;COUNT=6");
        assertThat(CalendarFeed.withUtcUntil("FREQ=WEEKLY;UNTIL=20270301T145959Z"))
                .isEqualTo("FREQ=WEEKLY;UNTIL=20270301T145959Z");
    }

    @Test
    void foldingKeepsEveryCharacterWholeWithinSeventyFiveOctets() {
        String line = "DESCRIPTION:" + "子育てサロン😊 a".repeat(40);

        String folded = CalendarFeed.fold(line + "\r\nEND:VEVENT\r\n");

        assertThat(folded).endsWith("\r\nEND:VEVENT\r\n");
        assertThat(unfolded(folded)).isEqualTo(line + "\r\nEND:VEVENT\r\n");
        assertThat(folded.split("\r\n")).allSatisfy(part ->
                assertThat(part.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        assertThat(folded).doesNotContain("\uFFFD");
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private Event publish(EventDraft draft) {
        Event saved = fixtures.as(member, () -> events.save(draft));
        return fixtures.as(member, () -> events.submit(saved.getId(), saved.getVersion()));
    }

    private Event publishSeries(String title, LocalDateTime start, Recurrence recurrence, boolean skipHolidays,
                                LocalDate skipFrom, LocalDate skipTo) {
        EventDraft draft = draft(kind, TestFixtures.unique(title));
        draft.setStartsAt(start);
        draft.setEndsAt(start.plusHours(2));
        draft.setRecurrence(recurrence);
        draft.setSkipHolidays(skipHolidays);
        draft.setSkipFrom(skipFrom);
        draft.setSkipTo(skipTo);
        return publish(draft);
    }

    private FeedQuery queryForKind() {
        return FeedQuery.lenient(Map.of("kind", List.of(kind.getCode())), reference.activeKinds(),
                reference.activeDistricts(), today);
    }

    private FeedTexts texts() {
        return new FeedTexts(translations, app, Locale.JAPAN, BASE_URL, today);
    }

    /** The upcoming dates the public feed lists for the event that take place (moved ones at their new time). */
    private Set<Slot> feedDates(Event event) {
        return events.feed(new EventFilter(null, kind.getId(), null, null, null, null), 0, 500).stream()
                .filter(date -> date.getEvent().getId().equals(event.getId()) && !date.isEffectivelyCancelled())
                .map(date -> new Slot(date.getStartsAt(), date.getEndsAt()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The dates a calendar app shows for one UID: the master's RRULE expanded in Tokyo time less its EXDATEs,
     * with each RECURRENCE-ID override replacing the instance it names.
     */
    private static Set<Slot> expand(String ics, String uid) {
        ICalendar calendar = parse(ics);
        List<VEvent> entries = calendar.getEvents().stream().filter(e -> e.getUid().getValue().equals(uid)).toList();
        VEvent master = entries.stream().filter(e -> e.getRecurrenceId() == null).findFirst().orElseThrow();
        Duration length = Duration.between(local(master.getDateStart().getValue()),
                local(master.getDateEnd().getValue()));
        Set<Slot> slots = new TreeSet<>();
        DateIterator dates = master.getDateIterator(TimeZone.getTimeZone(TOKYO));
        for (int guard = 0; dates.hasNext() && guard < 2000; guard++) {
            LocalDateTime start = local(dates.next());
            slots.add(new Slot(start, start.plus(length)));
        }
        for (VEvent override : entries) {
            if (override.getRecurrenceId() != null) {
                LocalDateTime original = local(override.getRecurrenceId().getValue());
                assertThat(slots.removeIf(slot -> slot.start().equals(original)))
                        .as("RECURRENCE-ID %s names an instance of the rule", original).isTrue();
                if (override.getStatus() == null || !override.getStatus().isCancelled()) {
                    slots.add(new Slot(local(override.getDateStart().getValue()),
                            local(override.getDateEnd().getValue())));
                }
            }
        }
        return slots;
    }

    private static ICalendar parse(String ics) {
        List<List<ParseWarning>> warnings = new ArrayList<>();
        ICalendar calendar = Biweekly.parse(ics).warnings(warnings).first();
        assertThat(calendar).as("a calendar was read").isNotNull();
        assertThat(warnings.stream().flatMap(List::stream).map(ParseWarning::toString).toList())
                .as("biweekly's warnings when reading").isEmpty();
        return calendar;
    }

    private static VEvent only(ICalendar calendar, String uid) {
        List<VEvent> entries = calendar.getEvents().stream().filter(e -> e.getUid().getValue().equals(uid)).toList();
        assertThat(entries).hasSize(1);
        return entries.getFirst();
    }

    private static LocalDateTime local(Date date) {
        return LocalDateTime.ofInstant(date.toInstant(), TOKYO);
    }

    private static String local(LocalDateTime value) {
        return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").format(value);
    }

    private static String unfolded(String ics) {
        return ics.replace("\r\n ", "").replace("\r\n\t", "");
    }

    /** A public holiday on a weekday whose weekday two weeks before and three weeks after is no holiday. */
    private static LocalDate weekdayHolidayWithPlainWeeksAround(LocalDate from) {
        for (int year = from.getYear(); year <= from.getYear() + 2; year++) {
            for (LocalDate holiday : new TreeSet<>(JapaneseHolidays.holidays(year))) {
                boolean weekday = holiday.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue();
                boolean plainAround = java.util.stream.IntStream.of(-2, -1, 1, 2, 3)
                        .noneMatch(weeks -> JapaneseHolidays.isHoliday(holiday.plusWeeks(weeks)));
                if (!holiday.isBefore(from) && weekday && plainAround) {
                    return holiday;
                }
            }
        }
        throw new IllegalStateException("No suitable holiday after " + from);
    }

    private static LocalDate secondTuesdayFrom(LocalDate from) {
        LocalDate candidate = from.with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.TUESDAY));
        return candidate.isBefore(from)
                ? from.plusMonths(1).with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.TUESDAY)) : candidate;
    }
}
