package jp.kosodatehub.volunteers.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDateTime;
import java.util.Locale;
import jp.kosodatehub.base.ui.Badge;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.events.EventOccurrence;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.volunteers.Opening;
import jp.kosodatehub.volunteers.OpeningSchedule;
import jp.kosodatehub.volunteers.SupporterType;

/**
 * One opening as the public sees it on the board: role, organisation, when in words, where, how many, for whom,
 * from what age, what training. The office's preview uses the same card, so it approves what the public gets.
 */
class OpeningCard extends Div {

    /** The event an opening is linked to, as far as the public may see it: its title and its next date. */
    record LinkedEvent(Long id, String title, LocalDateTime next) {
    }

    /**
     * @param linked the linked event, or {@code null} when the opening has none or its event is not public
     * @param withLink whether the role links to the opening's page (not in the office's preview of a submission,
     *                 whose page does not exist yet for the public)
     */
    OpeningCard(Opening opening, LinkedEvent linked, Locale locale, boolean withLink) {
        addClassNames("event-card", "opening-card");
        getElement().setAttribute("role", "article");

        Span when = new Span();
        when.addClassName("event-card-when");
        fillWhen(when, opening, linked, locale);

        H3 heading = new H3();
        heading.addClassName("event-card-title");
        if (withLink) {
            // The opening's page and its form belong to the offers part: an address, not a class, links to it.
            heading.add(new Anchor("volunteer/" + opening.getId(), opening.getRole()));
        } else {
            heading.setText(opening.getRole());
        }

        Span organisation = new Span(opening.getOrganisation().getName());
        organisation.addClassName("event-card-organiser");
        add(when, heading, organisation);

        String district = opening.getDistrict() == null ? null : opening.getDistrict().displayName(locale);
        if (opening.getPlace() != null || district != null) {
            String place = opening.getPlace() == null ? district
                    : opening.getPlace() + (district == null ? "" : "（" + district + "）");
            Span where = new Span(place);
            where.addClassName("event-card-where");
            add(where);
        }

        Div badges = new Div();
        badges.addClassName("event-card-badges");
        badges.add(new Badge(getTranslation("volunteer.opening.people", opening.getPeopleNeeded()),
                Badge.Tone.INFO));
        for (SupporterType type : opening.getSuitableFor()) {
            badges.add(new Badge(getTranslation(type.translationKey()),
                    type == SupporterType.ANYONE ? Badge.Tone.SUCCESS : Badge.Tone.NEUTRAL));
        }
        if (opening.getMinimumAge() != null) {
            badges.add(new Badge(getTranslation("volunteer.opening.minimum-age", opening.getMinimumAge()),
                    Badge.Tone.WARNING));
        }
        add(badges);
        if (opening.getTraining() != null) {
            Span training = new Span(getTranslation("volunteer.opening.training", opening.getTraining()));
            training.addClassName("opening-card-training");
            add(training);
        }
    }

    private void fillWhen(Span when, Opening opening, LinkedEvent linked, Locale locale) {
        if (opening.getSchedule() == OpeningSchedule.ONE_DATE && opening.getOnDate() != null) {
            when.setText(whenOnDate(opening, locale));
        } else if (opening.getSchedule() == OpeningSchedule.EVENT && linked != null) {
            when.add(new Span(getTranslation("volunteer.opening.for-event")),
                    new Anchor("events/" + linked.id(), linked.title()));
            if (linked.next() != null) {
                when.add(new Span(" " + getTranslation("volunteer.opening.next-date",
                        Formats.range(linked.next(), null, locale))));
            }
        } else if (opening.getSchedule() == OpeningSchedule.EVENT) {
            when.setText(getTranslation(OpeningSchedule.EVENT.translationKey()));
        } else {
            when.setText(getTranslation(OpeningSchedule.ONGOING.translationKey()));
        }
    }

    /** The opening's linked event if the public may see it, with its next date not cancelled; else null. */
    static LinkedEvent linkedEvent(EventService events, Opening opening) {
        if (opening.getSchedule() != OpeningSchedule.EVENT || opening.getEventId() == null) {
            return null;
        }
        return events.findPublic(opening.getEventId()).map(event -> new LinkedEvent(event.getId(), event.getTitle(),
                events.nextDates(event.getId(), 3).stream().filter(date -> !date.isEffectivelyCancelled())
                        .map(EventOccurrence::getStartsAt).findFirst().orElse(null))).orElse(null);
    }

    /** "11月24日(火) 10:00〜12:00", or only the day when no time was given. */
    static String whenOnDate(Opening opening, Locale locale) {
        if (opening.getStartTime() == null) {
            return Formats.date(opening.getOnDate(), locale);
        }
        return Formats.range(opening.getOnDate().atTime(opening.getStartTime()),
                opening.getEndTime() == null ? null : opening.getOnDate().atTime(opening.getEndTime()), locale);
    }
}
