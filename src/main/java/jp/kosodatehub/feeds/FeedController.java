package jp.kosodatehub.feeds;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import jp.kosodatehub.base.AppProperties;
import jp.kosodatehub.base.i18n.TranslationProvider;
import jp.kosodatehub.base.web.PublicUrl;
import jp.kosodatehub.reference.ReferenceDataService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Subscribable feeds of the public events (iCalendar, RSS, Atom) and single events as calendar files. The feeds
 * read the same parameters as the public feed's address, so a search a parent made can be subscribed to as is.
 */
@RestController
class FeedController {

    static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar; charset=UTF-8");
    static final MediaType RSS = MediaType.parseMediaType("application/rss+xml; charset=UTF-8");
    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml; charset=UTF-8");
    private static final int MAX_ID_DIGITS = 18;

    private final CalendarFeed calendars;
    private final NewsFeed news;
    private final FeedValidators validators;
    private final ReferenceDataService reference;
    private final TranslationProvider translations;
    private final AppProperties app;
    private final FeedResponseCache cache;
    private final PublicUrl publicUrl;

    FeedController(CalendarFeed calendars, NewsFeed news, FeedValidators validators, ReferenceDataService reference,
                   TranslationProvider translations, AppProperties app, FeedResponseCache cache,
                   PublicUrl publicUrl) {
        this.calendars = calendars;
        this.news = news;
        this.validators = validators;
        this.reference = reference;
        this.translations = translations;
        this.app = app;
        this.cache = cache;
        this.publicUrl = publicUrl;
    }

    @GetMapping("/feeds/events.ics")
    ResponseEntity<byte[]> calendar(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request,
                                    HttpServletResponse response, WebRequest webRequest) {
        LocalDate today = validators.today();
        FeedQuery query = query(params, today);
        FeedTexts texts = texts(request, today);
        FeedValidators.Validators current = validators.of("ics", query.normalised(), texts.locale(),
                texts.baseUrl());
        if (HttpCaching.notModified(webRequest, response, current)) {
            return null;
        }
        return ResponseEntity.ok().contentType(CALENDAR).body(cache.get(current.etag(),
                () -> utf8(calendars.forQuery(query, texts, today))));
    }

    @GetMapping("/feeds/events.rss")
    ResponseEntity<byte[]> rss(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request,
                               HttpServletResponse response, WebRequest webRequest) {
        return news(NewsFeed.Format.RSS, RSS, params, request, response, webRequest);
    }

    @GetMapping("/feeds/events.atom")
    ResponseEntity<byte[]> atom(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request,
                                HttpServletResponse response, WebRequest webRequest) {
        return news(NewsFeed.Format.ATOM, ATOM, params, request, response, webRequest);
    }

    /** One event as a file to add to a calendar; not the event's page, which Vaadin serves at /events/{id}. */
    @GetMapping("/events/{id}.ics")
    ResponseEntity<String> event(@PathVariable String id, HttpServletRequest request, HttpServletResponse response,
                                 WebRequest webRequest) {
        if (id.isEmpty() || id.length() > MAX_ID_DIGITS || !id.chars().allMatch(Character::isDigit)) {
            return ResponseEntity.notFound().build();
        }
        long eventId = Long.parseLong(id);
        LocalDate today = validators.today();
        FeedTexts texts = texts(request, today);
        FeedValidators.Validators current = validators.of("event-ics", id, texts.locale(), texts.baseUrl());
        Optional<String> body = calendars.forEvent(eventId, texts);
        if (body.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        if (HttpCaching.notModified(webRequest, response, current)) {
            return null;
        }
        return ResponseEntity.ok().contentType(CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("event-" + eventId + ".ics").build().toString())
                .body(body.get());
    }

    private ResponseEntity<byte[]> news(NewsFeed.Format format, MediaType type, MultiValueMap<String, String> params,
                                        HttpServletRequest request, HttpServletResponse response,
                                        WebRequest webRequest) {
        LocalDate today = validators.today();
        FeedQuery query = query(params, today);
        FeedTexts texts = texts(request, today);
        FeedValidators.Validators current = validators.of(format.name(), query.normalised(), texts.locale(),
                texts.baseUrl());
        if (HttpCaching.notModified(webRequest, response, current)) {
            return null;
        }
        String self = publicUrl.ofRequest(request).build().toUriString();
        // The body names its own address exactly as requested, so that is part of the key.
        return ResponseEntity.ok().contentType(type).body(cache.get(current.etag() + "\n" + self,
                () -> utf8(news.write(format, query, texts, self, current.lastModified()))));
    }

    private static byte[] utf8(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private FeedQuery query(MultiValueMap<String, String> params, LocalDate today) {
        return FeedQuery.lenient(params, reference.activeKinds(), reference.activeDistricts(), today);
    }

    private FeedTexts texts(HttpServletRequest request, LocalDate today) {
        Locale locale = FeedLanguage.of(request);
        return new FeedTexts(translations, app, locale, publicUrl.base(), today);
    }
}
