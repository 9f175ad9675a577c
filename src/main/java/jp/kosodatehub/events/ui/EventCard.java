package jp.kosodatehub.events.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;
import java.util.Locale;
import jp.kosodatehub.base.ui.Badge;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.events.AgeBand;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventOccurrence;
import jp.kosodatehub.events.TargetGroup;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One date in the public feed, under its day's heading: what, when, where, for whom, at what cost.
 *
 * <p>Nothing on a card reacts on the server, so it is one element whose content is plain HTML, not a dozen
 * components: a feed page of twenty cards would otherwise keep some six hundred component nodes in every
 * visitor's session and send each of them to the browser (see docs/performance.md). The HTML is built
 * with jsoup's element API, which escapes every text and attribute, so titles and names written by members cannot
 * inject markup. The title link is an ordinary link marked for Vaadin's router, as {@code RouterLink} renders it.
 */
@Tag("div")
class EventCard extends Component implements HasStyle {

    private final String title;
    private final String href;

    EventCard(EventOccurrence date, Locale locale) {
        Event event = date.getEvent();
        addClassName("event-card");
        getElement().setAttribute("role", "article");
        if (date.isEffectivelyCancelled()) {
            addClassName("cancelled");
        }
        title = event.getTitle();
        href = RouteConfiguration.forApplicationScope().getUrl(EventPageView.class,
                new RouteParameters(EventPageView.ID, String.valueOf(event.getId())));
        // Compact HTML: the card's markup is kept in every visitor's session and sent once, so pretty-printing's
        // line breaks and indentation would be paid for twice (the badges are laid out by CSS, not by spaces).
        Document holder = new Document("");
        holder.outputSettings().prettyPrint(false);
        Element content = holder.appendElement("div");
        span(content, "event-card-when", Formats.times(date.getStartsAt(), date.getEndsAt(), locale));
        content.appendElement("h3").addClass("event-card-title").appendElement("a")
                .attr("href", href)
                .attr("router-link", "")
                .text(title);
        span(content, "event-card-where", event.getVenueName()
                + (event.getDistrict() == null ? "" : "（" + event.getDistrict().displayName(locale) + "）"));

        Element badges = content.appendElement("div").addClass("event-card-badges");
        if (date.isEffectivelyCancelled()) {
            badge(badges, getTranslation("event.status.cancelled"), Badge.Tone.ERROR);
        } else if (date.isMoved()) {
            badge(badges, getTranslation("series.moved-badge"), Badge.Tone.WARNING);
        }
        badge(badges, event.getKind().displayName(locale), Badge.Tone.INFO);
        for (AgeBand band : event.getAgeBands()) {
            badge(badges, getTranslation(band.translationKey()), Badge.Tone.NEUTRAL);
        }
        for (TargetGroup group : event.getTargetGroups()) {
            if (group == TargetGroup.EXPECTANT_PARENTS && event.getAgeBands().contains(AgeBand.PRENATAL)) {
                continue;
            }
            badge(badges, getTranslation(group.translationKey()), Badge.Tone.INFO);
        }
        if (event.isFree()) {
            badge(badges, getTranslation("event.free"), Badge.Tone.SUCCESS);
        } else {
            badge(badges, Formats.yen(event.getFeeYen(), locale), Badge.Tone.NEUTRAL);
        }
        if (event.isBookingRequired()) {
            badge(badges, getTranslation("event.booking-required"), Badge.Tone.WARNING);
        } else {
            badge(badges, getTranslation("event.no-booking"), Badge.Tone.SUCCESS);
        }
        if (event.isSeries()) {
            badge(badges, getTranslation("series.badge"), Badge.Tone.NEUTRAL);
        }

        String reason = date.isCancelled() || date.isMoved() ? date.getReason()
                : event.isCancelled() ? event.getStatusReason() : null;
        if (reason != null) {
            span(content, "event-card-reason", reason);
        }
        span(content, "event-card-organiser", event.getOrganisation().getName());
        getElement().setProperty("innerHTML", content.html());
    }

    /** The event's title, as the card's link shows it. */
    String title() {
        return title;
    }

    /** Where the title link leads: the event's page. */
    String href() {
        return href;
    }

    /** Everything the card says, as plain text (read back from its HTML rather than kept a second time). */
    String text() {
        return Jsoup.parseBodyFragment(getElement().getProperty("innerHTML")).text();
    }

    private static void span(Element parent, String className, String text) {
        parent.appendElement("span").addClass(className).text(text);
    }

    private static void badge(Element parent, String text, Badge.Tone tone) {
        parent.appendElement("span").addClass("badge").addClass(Badge.className(tone)).text(text);
    }
}
