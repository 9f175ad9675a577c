package jp.kosodatehub.events.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.Locale;
import jp.kosodatehub.base.ui.Badge;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.events.AgeBand;
import jp.kosodatehub.events.Event;

/** One event in the public feed, under its day's heading: what, when, where, for whom, at what cost; the title opens the event page. */
class EventCard extends Div {

    EventCard(Event event, Locale locale) {
        addClassName("event-card");
        getElement().setAttribute("role", "article");
        if (event.isCancelled()) {
            addClassName("cancelled");
        }
        Span when = new Span(Formats.times(event.getStartsAt(), event.getEndsAt(), locale));
        when.addClassName("event-card-when");

        RouterLink title = new RouterLink(event.getTitle(), EventPageView.class,
                new RouteParameters(EventPageView.ID, String.valueOf(event.getId())));
        H3 heading = new H3(title);
        heading.addClassName("event-card-title");

        String place = event.getVenueName()
                + (event.getDistrict() == null ? "" : "（" + event.getDistrict().displayName(locale) + "）");
        Span where = new Span(place);
        where.addClassName("event-card-where");

        Div badges = new Div();
        badges.addClassName("event-card-badges");
        if (event.isCancelled()) {
            badges.add(new Badge(getTranslation("event.status.cancelled"), Badge.Tone.ERROR));
        }
        badges.add(new Badge(event.getKind().displayName(locale), Badge.Tone.INFO));
        for (AgeBand band : event.getAgeBands()) {
            badges.add(new Badge(getTranslation(band.translationKey()), Badge.Tone.NEUTRAL));
        }
        badges.add(event.isFree() ? new Badge(getTranslation("event.free"), Badge.Tone.SUCCESS)
                : new Badge(Formats.yen(event.getFeeYen(), locale), Badge.Tone.NEUTRAL));
        badges.add(event.isBookingRequired()
                ? new Badge(getTranslation("event.booking-required"), Badge.Tone.WARNING)
                : new Badge(getTranslation("event.no-booking"), Badge.Tone.SUCCESS));

        Span organiser = new Span(event.getOrganisation().getName());
        organiser.addClassName("event-card-organiser");
        add(when, heading, where, badges, organiser);
    }
}
