package jp.kosodatehub.feeds;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.kosodatehub.base.AppProperties;
import jp.kosodatehub.base.i18n.TranslationProvider;
import jp.kosodatehub.events.Event;

/**
 * The texts of one feed response in the reader's language: titles, descriptions, places and the absolute
 * addresses of event pages. Calendar entries and feed items are read outside the site, so each carries the
 * organiser, the network's hashtag and the event page's address.
 */
final class FeedTexts {

    private static final DateTimeFormatter JA_DATE = DateTimeFormatter.ofPattern("M月d日(E)", Locale.JAPANESE);
    private static final DateTimeFormatter JA_DATE_YEAR = DateTimeFormatter.ofPattern("yyyy年M月d日(E)",
            Locale.JAPANESE);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter EN_DATE_YEAR = DateTimeFormatter.ofPattern("EEE d MMM yyyy",
            Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

    private final TranslationProvider translations;
    private final AppProperties app;
    private final Locale locale;
    private final String baseUrl;
    private final LocalDate today;

    FeedTexts(TranslationProvider translations, AppProperties app, Locale locale, String baseUrl, LocalDate today) {
        this.translations = translations;
        this.app = app;
        this.locale = locale;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.today = today;
    }

    Locale locale() {
        return locale;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** The network's name with its hashtag, the name of the calendar and of the news feed. */
    String feedTitle() {
        return (app.networkName() + " " + app.hashtag()).strip();
    }

    String calendarDescription() {
        return translations.getTranslation("feeds.calendar.description", locale, app.networkName(), app.hashtag())
                .strip();
    }

    String newsDescription() {
        return translations.getTranslation("feeds.news.description", locale, app.networkName(), app.hashtag())
                .strip();
    }

    String eventUrl(Event event) {
        return baseUrl + "/events/" + event.getId();
    }

    /** The public feed page showing the same filter, as the news feed's home. */
    String feedPageUrl(String normalisedQuery) {
        return baseUrl + "/" + (normalisedQuery.isEmpty() ? "" : "?" + normalisedQuery);
    }

    String summary(Event event, boolean cancelled) {
        return cancelled ? translations.getTranslation("feeds.cancelled-title", locale, event.getTitle())
                : event.getTitle();
    }

    /** "11月24日(火) 10:00〜 子育てサロン「ひよこ」": a news item names its date, as a list of dates is read. */
    String itemTitle(Event event, LocalDateTime start, boolean cancelled) {
        boolean english = isEnglish();
        DateTimeFormatter date = start.getYear() == today.getYear() ? (english ? EN_DATE : JA_DATE)
                : (english ? EN_DATE_YEAR : JA_DATE_YEAR);
        String title = translations.getTranslation("feeds.item-title", locale, date.format(start),
                TIME.format(start), event.getTitle());
        return cancelled ? translations.getTranslation("feeds.cancelled-title", locale, title) : title;
    }

    String kindName(Event event) {
        return event.getKind().displayName(locale);
    }

    String location(Event event) {
        String address = event.getVenueAddress();
        return address == null || address.isBlank() ? event.getVenueName() : event.getVenueName() + ", " + address;
    }

    /**
     * The description of a calendar entry or news item: what changed about this date (if anything), the event's
     * own description, the organiser, the hashtag and the page's address.
     */
    String description(Event event, DateNote note, String reason) {
        List<String> parts = new ArrayList<>();
        if (note != DateNote.NONE) {
            String key = note == DateNote.CANCELLED ? "feeds.note.cancelled" : "feeds.note.moved";
            parts.add(translations.getTranslation(key, locale, reason == null ? "" : reason).strip());
        }
        if (event.getDescription() != null && !event.getDescription().isBlank()) {
            parts.add(event.getDescription());
        }
        List<String> footer = new ArrayList<>();
        footer.add(translations.getTranslation("feeds.organiser", locale, event.getOrganisation().getName()));
        if (!app.hashtag().isBlank()) {
            footer.add(app.hashtag());
        }
        footer.add(eventUrl(event));
        parts.add(String.join("\n", footer));
        return String.join("\n\n", parts);
    }

    boolean isEnglish() {
        return "en".equals(locale.getLanguage());
    }

    /** What the description says about a single date besides the event's own text. */
    enum DateNote { NONE, CANCELLED, MOVED }
}
