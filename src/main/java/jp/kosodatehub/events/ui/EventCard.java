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
import jp.kosodatehub.events.EventOccurrence;
import jp.kosodatehub.events.TargetGroup;

/** One date in the public feed, under its day's heading: what, when, where, for whom, at what cost. */
class EventCard extends Div {

    EventCard(EventOccurrence date, Locale locale) {
        Event event = date.getEvent();
        addClassName("event-card");
        getElement().setAttribute("role", "article");
        if (date.isEffectivelyCancelled()) {
            addClassName("cancelled");
        }
        Span when = new Span(Formats.times(date.getStartsAt(), date.getEndsAt(), locale));
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
        if (date.isEffectivelyCancelled()) {
            badges.add(new Badge(getTranslation("event.status.cancelled"), Badge.Tone.ERROR));
        } else if (date.isMoved()) {
            badges.add(new Badge(getTranslation("series.moved-badge"), Badge.Tone.WARNING));
        }
        badges.add(new Badge(event.getKind().displayName(locale), Badge.Tone.INFO));
        for (AgeBand band : event.getAgeBands()) {
            badges.add(new Badge(getTranslation(band.translationKey()), Badge.Tone.NEUTRAL));
        }
        for (TargetGroup group : event.getTargetGroups()) {
            if (group == TargetGroup.EXPECTANT_PARENTS && event.getAgeBands().contains(AgeBand.PRENATAL)) {
                continue;
            }
            badges.add(new Badge(getTranslation(group.translationKey()), Badge.Tone.INFO));
        }
        badges.add(event.isFree() ? new Badge(getTranslation("event.free"), Badge.Tone.SUCCESS)
                : new Badge(Formats.yen(event.getFeeYen(), locale), Badge.Tone.NEUTRAL));
        badges.add(event.isBookingRequired()
                ? new Badge(getTranslation("event.booking-required"), Badge.Tone.WARNING)
                : new Badge(getTranslation("event.no-booking"), Badge.Tone.SUCCESS));
        if (event.isSeries()) {
            badges.add(new Badge(getTranslation("series.badge"), Badge.Tone.NEUTRAL));
        }

        Span organiser = new Span(event.getOrganisation().getName());
        organiser.addClassName("event-card-organiser");
        add(when, heading, where, badges);
        String reason = date.isCancelled() || date.isMoved() ? date.getReason()
                : event.isCancelled() ? event.getStatusReason() : null;
        if (reason != null) {
            Span why = new Span(reason);
            why.addClassName("event-card-reason");
            add(why);
        }
        add(organiser);
    }
}
