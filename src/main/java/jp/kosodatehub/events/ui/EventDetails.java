package jp.kosodatehub.events.ui;

import java.util.Comparator;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.i18n.I18NProvider;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.stream.Collectors;
import jp.kosodatehub.base.ui.Badge;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.base.ui.PlainText;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.OccurrencePlan;
import jp.kosodatehub.events.Recurrence;

/**
 * An event as the public sees it. The moderation preview uses this same component, so what the office approves is
 * exactly what parents will see.
 */
class EventDetails extends Div {

    EventDetails(Event event, Locale locale) {
        addClassName("event-details");
        if (event.isCancelled()) {
            Div banner = new Div(new Span(getTranslation("event.cancelled-banner")));
            banner.addClassName("cancelled-banner");
            banner.getElement().setAttribute("role", "status");
            if (event.getStatusReason() != null) {
                banner.add(new PlainText(event.getStatusReason()));
            }
            add(banner);
        }
        H1 title = new H1(event.getTitle());
        title.addClassName("event-title");
        add(title);

        Div badges = new Div(new Badge(event.getKind().displayName(locale), Badge.Tone.INFO));
        badges.addClassName("event-card-badges");
        event.getAgeBands().forEach(band -> badges.add(
                new Badge(getTranslation(band.translationKey()), Badge.Tone.NEUTRAL)));
        add(badges);

        Div facts = new Div();
        facts.addClassName("event-facts");
        facts.add(fact("event.field.when", new Span(event.isSeries() ? describeSeries(event, locale)
                : Formats.range(event.getStartsAt(), event.getEndsAt(), locale))));
        facts.add(fact("event.field.where", where(event, locale)));
        facts.add(fact("event.field.age-bands", new Span(event.getAgeBands().stream()
                .map(band -> getTranslation(band.translationKey())).collect(Collectors.joining("・")))));
        facts.add(fact("event.field.fee", new Span(event.isFree() ? getTranslation("event.free")
                : Formats.yen(event.getFeeYen(), locale))));
        facts.add(fact("event.field.booking", booking(event, locale)));
        if (event.getCapacity() != null) {
            facts.add(fact("event.field.capacity",
                    new Span(getTranslation("event.capacity-value", event.getCapacity()))));
        }
        if (event.getContact() != null) {
            facts.add(fact("event.field.contact", new PlainText(event.getContact())));
        }
        Div organiser = new Div(new Span(event.getOrganisation().getName()),
                new Badge(getTranslation("event.verified-member"), Badge.Tone.SUCCESS));
        facts.add(fact("event.field.organiser", organiser));
        add(facts);

        if (event.getDescription() != null) {
            PlainText description = new PlainText(event.getDescription());
            description.addClassName("event-description");
            add(description);
        }
    }

    /** A series in words, as a flyer would put it: 毎週火曜日 10:00〜12:00（2027年5月25日まで）. */
    static String describeSeries(Event event, Locale locale) {
        Recurrence rule = event.getRecurrence();
        String time = Formats.times(event.getStartsAt(), event.getEndsAt(), locale);
        String days = rule.days().stream().sorted(Comparator.comparingInt(day -> day.getValue() % 7))
                .map(day -> day.getDisplayName(TextStyle.SHORT, locale)).collect(Collectors.joining("・"));
        String pattern = switch (rule.pattern()) {
            case WEEKLY -> rule.interval() == 1 ? text(locale, "series.describe.weekly", days)
                    : text(locale, "series.describe.every-weeks", rule.interval(), days);
            case MONTHLY_WEEKDAY -> rule.nth() == -1 ? text(locale, "series.describe.monthly-last", days)
                    : text(locale, "series.describe.monthly-nth", rule.nth(), days);
            case MONTHLY_DAY -> text(locale, "series.describe.monthly-day", rule.dayOfMonth());
        };
        String end = rule.until() != null ? text(locale, "series.describe.until", Formats.date(rule.until(), locale))
                : count(event, locale);
        return pattern + " " + time + " " + end;
    }

    /**
     * 全12回 means twelve dates held: the page says so, with the last date, and how many days off the series runs
     * on past, so nobody counts the holidays twice.
     */
    private static String count(Event event, Locale locale) {
        return OccurrencePlan.Tally.of(OccurrencePlan.expand(event.getStartsAt(), event.getEndsAt(),
                event.getRecurrenceRule(), event.isSkipHolidays(), event.getSkipFrom(), event.getSkipTo()))
                .map(tally -> {
                    String last = Formats.date(tally.last(), locale);
                    return tally.skipped() == 0 ? text(locale, "series.describe.count", tally.held(), last)
                            : text(locale, "series.describe.count-skipped", tally.held(), last, tally.skipped());
                }).orElseGet(() -> text(locale, "series.describe.count", event.getRecurrence().count(), ""));
    }

    private static String text(Locale locale, String key, Object... params) {
        return I18NProvider.translate(locale, key, params);
    }

    private Component where(Event event, Locale locale) {
        Div where = new Div(new Span(event.getVenueName()));
        if (event.getVenueAddress() != null) {
            where.add(new Paragraph(event.getVenueAddress()));
            // A search link, not embedded map tiles: works on any phone's map app and sends nothing to third parties
            // until the visitor chooses to open it.
            Anchor map = new Anchor("https://www.openstreetmap.org/search?query="
                    + URLEncoder.encode(event.getVenueAddress(), StandardCharsets.UTF_8), getTranslation("event.map"));
            map.setTarget(AnchorTarget.BLANK);
            map.getElement().setAttribute("rel", "noopener noreferrer");
            where.add(map);
        }
        if (event.getDistrict() != null) {
            where.add(new Paragraph(getTranslation("event.district-value", event.getDistrict().displayName(locale))));
        }
        return where;
    }

    private Component booking(Event event, Locale locale) {
        if (!event.isBookingRequired()) {
            return new Span(getTranslation("event.no-booking"));
        }
        Div booking = new Div(new Span(getTranslation("event.booking-required")));
        if (event.getBookingDeadline() != null) {
            booking.add(new Paragraph(getTranslation("event.booking-deadline-value",
                    Formats.date(event.getBookingDeadline(), locale))));
        }
        if (event.getBookingHow() != null) {
            booking.add(new PlainText(event.getBookingHow()));
        }
        return booking;
    }

    private Div fact(String labelKey, Component value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("event-fact-label");
        Div valueBox = new Div(value);
        valueBox.addClassName("event-fact-value");
        Div row = new Div(label, valueBox);
        row.addClassName("event-fact");
        return row;
    }
}
