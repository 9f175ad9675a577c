package jp.kosodatehub.feeds;

import static jp.kosodatehub.TestFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import jp.kosodatehub.RestoreSecurityContextStrategy;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.base.AppProperties;
import jp.kosodatehub.events.AgeBand;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventDraft;
import jp.kosodatehub.events.EventFilter;
import jp.kosodatehub.events.EventOccurrence;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.events.Recurrence;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.reference.District;
import jp.kosodatehub.reference.EventKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The feeds and the API over real HTTP, as a calendar app, a feed reader or another site would call them:
 * anonymously, with the public feed's parameter names, and with conditional requests.
 */
@ExtendWith(RestoreSecurityContextStrategy.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // As a deployment behind a reverse proxy would be configured; see docs/security.md.
        properties = "server.forward-headers-strategy=native")
class FeedEndpointsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** kosodate.public-url of the tests (application.properties): links point there, not at the test server. */
    private static final String PUBLIC_URL = "http://localhost:8080";

    @LocalServerPort
    int port;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    EventService events;

    @Autowired
    AppProperties app;

    HttpClient client;
    EventKind kind;
    District district;
    String member;
    Event toddlers;
    Event twos;
    Event series;
    Event draft;

    @BeforeEach
    void setUp() {
        client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        kind = fixtures.kind("フィード確認");
        district = fixtures.district("富岡");
        Organisation trusted = fixtures.organisation("feeds", true);
        member = fixtures.member(trusted);
        EventDraft first = draft(kind, TestFixtures.unique("ひよこ"));
        first.setDistrict(district);
        toddlers = publish(first);
        EventDraft second = draft(kind, TestFixtures.unique("にこにこ"));
        second.setAgeBands(EnumSet.of(AgeBand.AGE_2));
        second.setStartsAt(second.getStartsAt().plusDays(1));
        second.setEndsAt(second.getEndsAt().plusDays(1));
        twos = publish(second);
        EventDraft weekly = draft(kind, TestFixtures.unique("毎週サロン"));
        LocalDateTime start = weekly.getStartsAt().plusDays(2);
        weekly.setStartsAt(start);
        weekly.setEndsAt(start.plusHours(2));
        // Four dates whatever the week: the year-end holidays would otherwise skip one in late December.
        weekly.setSkipHolidays(false);
        weekly.setRecurrence(new Recurrence(Recurrence.Pattern.WEEKLY, 1, EnumSet.of(start.getDayOfWeek()), 0, 0,
                start.toLocalDate().plusWeeks(3), null));
        series = publish(weekly);
        draft = fixtures.as(member, () -> events.save(draft(kind, TestFixtures.unique("下書き"))));
    }

    @Test
    void everyEndpointAnswersAnAnonymousVisitorWithItsContentType() throws Exception {
        assertOk(get("/feeds/events.ics?kind=" + kind.getCode()), "text/calendar");
        assertOk(get("/feeds/events.rss?kind=" + kind.getCode()), "application/rss+xml");
        assertOk(get("/feeds/events.atom?kind=" + kind.getCode()), "application/atom+xml");
        assertOk(get("/api/events?kind=" + kind.getCode()), "application/json");
        HttpResponse<String> download = get("/events/" + series.getId() + ".ics");
        assertOk(download, "text/calendar");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(value ->
                assertThat(value).startsWith("attachment").contains("filename=\"event-" + series.getId() + ".ics\""));
        assertThat(download.body()).startsWith("BEGIN:VCALENDAR").contains("RRULE:FREQ=WEEKLY")
                .contains("UID:" + CalendarFeed.eventUid(series));
        HttpResponse<String> head = send(HttpRequest.newBuilder(URI.create(url("/feeds/events.ics")))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(head.statusCode()).as("calendar apps that check with HEAD first").isEqualTo(200);
        assertThat(head.headers().firstValue("ETag")).isPresent();
    }

    @Test
    void theEventPageItselfStillOpens() throws Exception {
        HttpResponse<String> page = get("/events/" + toddlers.getId());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
    }

    @Test
    void theFeedsParameterNamesNarrowEveryFormat() throws Exception {
        String narrow = "?kind=" + kind.getCode() + "&age=age-1&district=" + district.getCode();

        String calendar = get("/feeds/events.ics" + narrow).body();
        String everything = get("/feeds/events.ics?kind=" + kind.getCode()).body();
        JsonNode api = json(get("/api/events" + narrow));
        SyndFeed rss = rss(get("/feeds/events.rss" + narrow));

        assertThat(calendar).contains(CalendarFeed.eventUid(toddlers)).doesNotContain(CalendarFeed.eventUid(twos))
                .doesNotContain(CalendarFeed.eventUid(series));
        assertThat(everything).contains(CalendarFeed.eventUid(toddlers), CalendarFeed.eventUid(twos),
                CalendarFeed.eventUid(series)).doesNotContain(CalendarFeed.eventUid(draft));
        assertThat(eventIds(api)).containsOnly(toddlers.getId());
        assertThat(api.get("total").asLong()).isEqualTo(1);
        assertThat(rss.getEntries()).extracting(SyndEntry::getLink)
                .containsExactly(PUBLIC_URL + "/events/" + toddlers.getId());
        assertThat(eventIds(json(get("/api/events?kind=" + kind.getCode() + "&age=age-2")))).containsOnly(twos.getId());
    }

    @Test
    void aDateFilterListsEachDateOfASeriesOnItsOwn() throws Exception {
        LocalDate from = series.getStartsAt().toLocalDate().plusWeeks(1);
        String calendar = get("/feeds/events.ics?kind=" + kind.getCode() + "&from=" + from).body();

        assertThat(calendar).doesNotContain("RRULE").doesNotContain(CalendarFeed.eventUid(series))
                .contains("UID:" + EventOccurrence.publicId(series.getId(), series.getStartsAt().plusWeeks(1))
                        + CalendarFeed.UID_DOMAIN)
                .doesNotContain(EventOccurrence.publicId(series.getId(), series.getStartsAt()));
    }

    @Test
    void responsesCarryValidatorsAndAConditionalRequestGetsAnEmpty304() throws Exception {
        for (String path : List.of("/feeds/events.ics?kind=" + kind.getCode(),
                "/feeds/events.rss?kind=" + kind.getCode(), "/feeds/events.atom?kind=" + kind.getCode(),
                "/api/events?kind=" + kind.getCode(), "/events/" + toddlers.getId() + ".ics")) {
            HttpResponse<String> first = get(path);
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
            assertThat(first.headers().allValues("Cache-Control")).as(path).containsExactly("public, max-age=300");
            assertThat(first.headers().firstValue("Pragma")).as(path).isEmpty();

            HttpResponse<String> byEtag = get(path, "If-None-Match", etag);
            HttpResponse<String> byDate = get(path, "If-Modified-Since", lastModified);

            assertThat(byEtag.statusCode()).as(path).isEqualTo(304);
            assertThat(byEtag.body()).as(path).isEmpty();
            assertThat(byEtag.headers().firstValue("ETag")).as(path).hasValue(etag);
            assertThat(byDate.statusCode()).as(path).isEqualTo(304);
            assertThat(byDate.body()).as(path).isEmpty();
        }
    }

    @Test
    void theEtagChangesWhenAPublicEventChanges() throws Exception {
        String path = "/feeds/events.ics?kind=" + kind.getCode();
        String before = get(path).headers().firstValue("ETag").orElseThrow();
        String apiBefore = get("/api/events?kind=" + kind.getCode()).headers().firstValue("ETag").orElseThrow();

        fixtures.as(member, () -> events.cancelDate(series.getId(), series.getVersion(),
                series.getStartsAt().plusWeeks(1), "雨天中止"));

        HttpResponse<String> after = get(path, "If-None-Match", before);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(before);
        assertThat(after.body()).contains("EXDATE;TZID=Asia/Tokyo:");
        assertThat(get("/api/events?kind=" + kind.getCode(), "If-None-Match", apiBefore).statusCode())
                .isEqualTo(200);
    }

    @Test
    void feedBodiesAreBuiltOnceYetANewEventAppearsInEveryFormatAtOnce() throws Exception {
        List<String> paths = List.of("/feeds/events.ics?kind=" + kind.getCode(),
                "/feeds/events.rss?kind=" + kind.getCode(), "/api/events?kind=" + kind.getCode());
        for (String path : paths) {
            assertThat(get(path).body()).as(path).isEqualTo(get(path).body());
        }

        String title = TestFixtures.unique("新しいおはなし会");
        EventDraft added = draft(kind, title);
        added.setStartsAt(added.getStartsAt().plusHours(1));
        added.setEndsAt(added.getEndsAt().plusHours(1));
        publish(added);

        for (String path : paths) {
            assertThat(get(path).body()).as(path).contains(title);
        }
    }

    @Test
    void theEtagDependsOnWhatWasAskedNotOnHowItWasWritten() throws Exception {
        String one = get("/feeds/events.ics?kind=" + kind.getCode() + "&age=age-1").headers().firstValue("ETag")
                .orElseThrow();
        String reordered = get("/feeds/events.ics?age=age-1&kind=" + kind.getCode() + "&unknown=1").headers()
                .firstValue("ETag").orElseThrow();
        String other = get("/feeds/events.ics?kind=" + kind.getCode()).headers().firstValue("ETag").orElseThrow();
        String rss = get("/feeds/events.rss?kind=" + kind.getCode() + "&age=age-1").headers().firstValue("ETag")
                .orElseThrow();

        assertThat(reordered).isEqualTo(one);
        assertThat(other).isNotEqualTo(one);
        assertThat(rss).isNotEqualTo(one);
    }

    @Test
    void anEventThatIsNotPublicHasNoCalendarFile() throws Exception {
        assertThat(get("/events/" + draft.getId() + ".ics").statusCode()).isEqualTo(404);
        assertThat(get("/events/999999999999.ics").statusCode()).isEqualTo(404);
        assertThat(get("/events/abc.ics").statusCode()).isEqualTo(404);
        assertThat(get("/events/" + draft.getId() + ".ics").body()).doesNotContain(draft.getTitle());
    }

    @Test
    void theApiRefusesWhatItCannotReadWithAJsonMessageAndNeverFails() throws Exception {
        // Longer than the API's limit, short enough for the server's limit on the request line.
        String longKeyword = "あ".repeat(300);
        for (String query : List.of("page=-1", "size=1000", "size=0", "page=abc", "size=", "page=99999999999",
                "foo=bar", "age=nonsense", "kind=nonsense", "district=nonsense", "when=tomorrow", "from=2026-13-01",
                "to=yesterday", "from=2027-02-01&to=2027-01-01", "when=week&from=2027-01-01", "free=perhaps",
                "facility=stroller,lift", "group=aliens", "age=age-1&age=age-2", "q=" + encode(longKeyword))) {
            HttpResponse<String> response = get("/api/events?" + query);

            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertType(response, "application/json");
            JsonNode error = JSON.readTree(response.body());
            assertThat(error.get("error").asString()).as(query).isNotBlank();
            assertThat(error.get("allowed").isArray()).as(query).isTrue();
        }
        JsonNode unknown = JSON.readTree(get("/api/events?foo=bar").body());
        assertThat(unknown.get("error").asString()).contains("foo");
        assertThat(unknown.get("allowed").values()).extracting(JsonNode::asString)
                .contains("q", "kind", "age", "district", "when", "from", "to", "weekend", "evening", "free",
                        "nobooking", "group", "facility", "page", "size");
    }

    @Test
    void aVeryLongKeywordIsHandledAndNeverFails() throws Exception {
        String keyword = encode("a".repeat(10_000));
        for (String path : List.of("/api/events?q=", "/feeds/events.rss?q=", "/feeds/events.ics?q=")) {
            int status = get(path + keyword).statusCode();
            assertThat(status).as(path).isIn(200, 400, 414, 431);
        }
        // Short enough to reach the application: the feed cuts it as the public feed does, the API says why not.
        String shorter = encode("い".repeat(500));
        assertThat(get("/feeds/events.rss?q=" + shorter).statusCode()).isEqualTo(200);
        assertThat(get("/feeds/events.ics?q=" + shorter).statusCode()).isEqualTo(200);
        assertThat(get("/api/events?q=" + shorter).statusCode()).isEqualTo(400);
    }

    @Test
    void theRssFeedParsesAndCarriesTheHashtag() throws Exception {
        SyndFeed feed = rss(get("/feeds/events.rss?kind=" + kind.getCode()));
        List<EventOccurrence> dates = events.feed(kindFilter(), 0, 100);

        assertThat(feed.getTitle()).isEqualTo(app.networkName() + " " + app.hashtag());
        assertThat(feed.getDescription()).contains(app.hashtag());
        assertThat(feed.getEntries()).hasSize(dates.size()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(feed.getEntries()).extracting(SyndEntry::getUri)
                .containsExactlyElementsOf(dates.stream().map(EventOccurrence::publicId).toList());
        assertThat(feed.getEntries()).allSatisfy(entry -> {
            assertThat(entry.getDescription().getValue()).contains(app.hashtag(), "主催");
            assertThat(entry.getPublishedDate()).isNotNull();
        });
        SyndEntry first = feed.getEntries().stream()
                .filter(entry -> entry.getLink().endsWith("/events/" + toddlers.getId())).findFirst().orElseThrow();
        assertThat(first.getTitle()).matches("(\\d{4}年)?\\d{1,2}月\\d{1,2}日\\(.\\) 10:00〜 " + toddlers.getTitle());
    }

    @Test
    void aReaderPreferringEnglishGetsEnglishTexts() throws Exception {
        SyndFeed feed = rss(get("/feeds/events.rss?kind=" + kind.getCode(),
                "Accept-Language", "en-GB,en;q=0.9,ja;q=0.5"));
        SyndFeed japanese = rss(get("/feeds/events.rss?kind=" + kind.getCode(), "Accept-Language", "ja,en;q=0.8"));

        assertThat(feed.getEntries()).allSatisfy(entry -> assertThat(entry.getDescription().getValue())
                .contains("Organiser:"));
        assertThat(japanese.getEntries()).allSatisfy(entry -> assertThat(entry.getDescription().getValue())
                .contains("主催："));
    }

    @Test
    void theApiListsDatesWithStableIdsAndEveryDocumentedField() throws Exception {
        JsonNode first = json(get("/api/events?kind=" + kind.getCode()));
        JsonNode second = json(get("/api/events?kind=" + kind.getCode()));
        List<String> expected = events.feed(kindFilter(), 0, 20).stream().map(EventOccurrence::publicId).toList();

        assertThat(ids(first)).isEqualTo(ids(second)).isEqualTo(expected).hasSizeGreaterThanOrEqualTo(6);
        JsonNode item = itemOf(first, toddlers.getId());
        assertThat(item.get("title").asString()).isEqualTo(toddlers.getTitle());
        assertThat(item.get("start").asString()).isEqualTo(toddlers.getStartsAt() + ":00");
        assertThat(item.get("end").asString()).isEqualTo(toddlers.getEndsAt() + ":00");
        assertThat(item.get("cancelled").asBoolean()).isFalse();
        assertThat(item.get("reason").isNull()).isTrue();
        assertThat(item.get("kind").get("code").asString()).isEqualTo(kind.getCode());
        assertThat(item.get("kind").get("name").asString()).isEqualTo(kind.getNameJa());
        assertThat(item.get("district").get("code").asString()).isEqualTo(district.getCode());
        assertThat(item.get("ageBands").values()).extracting(JsonNode::asString).containsExactly("age-1");
        assertThat(item.get("targetGroups").isArray()).isTrue();
        assertThat(item.get("facilities").isArray()).isTrue();
        assertThat(item.get("free").asBoolean()).isTrue();
        assertThat(item.get("feeYen").isNull()).isTrue();
        assertThat(item.get("bookingRequired").asBoolean()).isFalse();
        assertThat(item.get("venue").get("name").asString()).isEqualTo("地区センター");
        assertThat(item.get("organisation").get("name").asString()).isEqualTo(toddlers.getOrganisation().getName());
        assertThat(item.get("url").asString()).isEqualTo(PUBLIC_URL + "/events/" + toddlers.getId());
        assertThat(item.get("series").asBoolean()).isFalse();
        assertThat(itemOf(first, twos.getId()).get("district").isNull()).isTrue();
        assertThat(itemOf(first, series.getId()).get("series").asBoolean()).isTrue();
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(20);
        assertThat(first.get("total").asLong()).isEqualTo(expected.size());
        assertThat(first.get("next").isNull()).isTrue();
    }

    @Test
    void theApiPagesThroughTheDatesWithANextLink() throws Exception {
        List<String> all = events.feed(kindFilter(), 0, 100).stream().map(EventOccurrence::publicId).toList();
        List<String> paged = new ArrayList<>();
        String next = url("/api/events?kind=" + kind.getCode() + "&size=2");
        int pages = 0;
        while (next != null && pages++ < 20) {
            JsonNode page = json(send(HttpRequest.newBuilder(URI.create(next)).GET().build()));
            assertThat(page.get("size").asInt()).isEqualTo(2);
            paged.addAll(ids(page));
            next = page.get("next").isNull() ? null : page.get("next").asString();
            if (next != null) {
                assertThat(next).startsWith(PUBLIC_URL + "/api/events?");
                next = baseUrl() + next.substring(PUBLIC_URL.length());
            }
        }

        assertThat(paged).isEqualTo(all);
        assertThat(pages).isEqualTo((all.size() + 1) / 2);
    }

    @Test
    void linksPointAtTheConfiguredPublicAddressWhateverHostTheRequestNames() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/events?kind=" + kind.getCode()
                        + "&size=1")))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "127.0.0.1:8443")
                .header("X-Forwarded-For", "203.0.113.7").GET().build();

        JsonNode page = json(send(request));

        assertThat(page.get("items").get(0).get("url").asString()).startsWith(PUBLIC_URL + "/events/");
        assertThat(page.get("next").asString()).isEqualTo(PUBLIC_URL + "/api/events?kind=" + kind.getCode()
                + "&size=1&page=1");
    }

    @Test
    void feedsOfAnotherHostAreRefused() throws Exception {
        for (String path : List.of("/api/events", "/feeds/events.rss", "/feeds/events.ics")) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url(path)))
                    .header("X-Forwarded-Host", "evil.example").GET().build());

            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.body()).as(path).doesNotContain("evil.example");
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private Event publish(EventDraft eventDraft) {
        Event saved = fixtures.as(member, () -> events.save(eventDraft));
        return fixtures.as(member, () -> events.submit(saved.getId(), saved.getVersion()));
    }

    private EventFilter kindFilter() {
        return new EventFilter(null, kind.getId(), null, null, null, null);
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }

    private String url(String path) {
        return baseUrl() + path;
    }

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void assertType(HttpResponse<String> response, String type) {
        String content = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        assertThat(content).as(response.uri().toString()).startsWith(type);
        if (type.startsWith("text/") || type.endsWith("+xml")) {
            assertThat(content).as(response.uri().toString()).contains("charset=utf-8");
        }
    }

    private static void assertOk(HttpResponse<String> response, String type) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(200);
        assertType(response, type);
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static SyndFeed rss(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        return new SyndFeedInput().build(new StringReader(response.body()));
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").values().stream().map(item -> item.get("id").asString()).toList();
    }

    private static List<Long> eventIds(JsonNode page) {
        return page.get("items").values().stream().map(item -> item.get("eventId").asLong()).toList();
    }

    private static JsonNode itemOf(JsonNode page, Long eventId) {
        return page.get("items").values().stream().filter(item -> item.get("eventId").asLong() == eventId)
                .findFirst().orElseThrow();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

}
