package jp.kosodatehub.volunteers.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Locale;
import jp.kosodatehub.base.AppProperties;
import jp.kosodatehub.base.ui.Badge;
import jp.kosodatehub.base.ui.Feedback;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.base.ui.PlainText;
import jp.kosodatehub.volunteers.OfferOutcome;
import jp.kosodatehub.volunteers.OfferService;
import jp.kosodatehub.volunteers.Opening;
import jp.kosodatehub.volunteers.OpeningSchedule;
import jp.kosodatehub.volunteers.OpeningService;

/**
 * A volunteer opening's own page (/volunteer/12), to share on LINE or a flyer, with the form to offer help right
 * under it. Anyone may open it; only published and closed openings exist for the public, and a closed one says so
 * instead of showing the form.
 */
@Route("volunteer/:" + OpeningPageView.ID + "([0-9]{1,18})")
@AnonymousAllowed
class OpeningPageView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ID = "openingId";

    private final transient OpeningService openings;
    private final transient OfferService offers;
    private final transient AppProperties properties;
    private String title = "";

    OpeningPageView(OpeningService openings, OfferService offers, AppProperties properties) {
        this.openings = openings;
        this.offers = offers;
        this.properties = properties;
        addClassNames("page", "opening-page");
        setPadding(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent navigation) {
        Long id = navigation.getRouteParameters().getLong(ID).orElseThrow(NotFoundException::new);
        Opening opening = openings.findPublic(id).orElseThrow(NotFoundException::new);
        removeAll();
        title = opening.getRole();
        Anchor back = new Anchor("volunteer", getTranslation("volunteer.page.back"));
        back.addClassName("back-link");
        add(back);
        if (!opening.isOpen()) {
            Div closed = new Div(new Span(getTranslation("volunteer.page.closed")));
            closed.addClassNames("notice", "notice-info");
            closed.getElement().setAttribute("role", "status");
            add(closed);
        }
        add(details(opening));
        if (opening.isOpen()) {
            add(offerSection(opening));
        }
    }

    private Div details(Opening opening) {
        Locale locale = getLocale();
        H1 role = new H1(opening.getRole());
        role.addClassName("event-title");
        Div organisation = new Div(new Span(opening.getOrganisation().getName()),
                new Badge(getTranslation("event.verified-member"), Badge.Tone.SUCCESS));
        organisation.addClassName("opening-organisation");

        Div badges = new Div();
        badges.addClassName("event-card-badges");
        opening.getSuitableFor().forEach(type -> badges.add(
                new Badge(getTranslation(type.translationKey()), Badge.Tone.INFO)));

        Div facts = new Div();
        facts.addClassName("event-facts");
        facts.add(fact("volunteer.page.when", when(opening, locale)));
        if (opening.getPlace() != null || opening.getDistrict() != null) {
            facts.add(fact("volunteer.page.where", where(opening, locale)));
        }
        facts.add(fact("volunteer.page.people", new Span(getTranslation("volunteer.page.people-value",
                opening.getPeopleNeeded()))));
        if (!opening.getSuitableFor().isEmpty()) {
            facts.add(fact("volunteer.page.suitable-for", badges));
        }
        if (opening.getMinimumAge() != null) {
            facts.add(fact("volunteer.page.minimum-age", new Span(getTranslation("volunteer.page.minimum-age-value",
                    opening.getMinimumAge()))));
        }
        if (opening.getTraining() != null) {
            facts.add(fact("volunteer.page.training", new PlainText(opening.getTraining())));
        }
        facts.add(fact("volunteer.page.contact-person", new Span(opening.getContactPerson())));

        Div details = new Div(role, organisation, facts);
        details.addClassName("opening-details");
        if (opening.getDescription() != null) {
            PlainText description = new PlainText(opening.getDescription());
            description.addClassName("event-description");
            details.add(description);
        }
        return details;
    }

    /** One date with its times, the linked event, or 随時. */
    private Component when(Opening opening, Locale locale) {
        if (opening.getSchedule() == OpeningSchedule.ONE_DATE && opening.getOnDate() != null) {
            String text = Formats.date(opening.getOnDate(), locale);
            if (opening.getStartTime() != null) {
                text += " " + Formats.times(opening.getOnDate().atTime(opening.getStartTime()),
                        opening.getEndTime() == null ? null : opening.getOnDate().atTime(opening.getEndTime()),
                        locale);
            }
            return new Span(text);
        }
        if (opening.getSchedule() == OpeningSchedule.EVENT && opening.getEventId() != null) {
            Anchor event = new Anchor("events/" + opening.getEventId(), getTranslation("volunteer.page.event-link"));
            return new Div(new Span(getTranslation(OpeningSchedule.EVENT.translationKey())), event);
        }
        return new Span(getTranslation(OpeningSchedule.ONGOING.translationKey()));
    }

    private Component where(Opening opening, Locale locale) {
        Div where = new Div();
        if (opening.getPlace() != null) {
            where.add(new Span(opening.getPlace()));
        }
        if (opening.getDistrict() != null) {
            where.add(new Paragraph(getTranslation("event.district-value", opening.getDistrict().displayName(locale))));
        }
        return where;
    }

    private Div offerSection(Opening opening) {
        Div section = new Div(new H2(getTranslation("volunteer.page.offer-heading")),
                new Paragraph(getTranslation("volunteer.page.offer-intro")));
        section.addClassName("offer-section");
        OfferForm form = new OfferForm(opening.getOrganisation().getName(), properties.networkName(),
                properties.volunteers().retentionMonths(), opening.getMinimumAge());
        form.addSubmitListener(submit -> {
            OfferOutcome outcome = Feedback.attempt(this,
                    () -> offers.offer(opening.getId(), submit.offer(), clientAddress()), form.fields(), null);
            if (outcome != null) {
                section.removeAll();
                section.add(thanks(opening));
                // The long form is gone: on a phone the thanks would otherwise sit above the visible part.
                section.scrollIntoView();
            }
        });
        section.add(form);
        return section;
    }

    /** The same thanks whatever became of the offer, so a robot cannot tell it was found out. */
    private Div thanks(Opening opening) {
        Div thanks = new Div(new H2(getTranslation("volunteer.offer.thanks.title")),
                new Paragraph(getTranslation("volunteer.offer.thanks.text", opening.getOrganisation().getName())));
        Anchor more = new Anchor("volunteer", getTranslation("volunteer.offer.thanks.more"));
        more.addClassName("button-link");
        thanks.add(more);
        thanks.addClassNames("notice", "offer-thanks");
        thanks.getElement().setAttribute("role", "status");
        return thanks;
    }

    /** The sender's address for the rate limit; not stored anywhere. */
    private static String clientAddress() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null && request.getRemoteAddr() != null) {
            return request.getRemoteAddr();
        }
        VaadinSession session = VaadinSession.getCurrent();
        return session == null || session.getBrowser() == null ? null : session.getBrowser().getAddress();
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

    @Override
    public String getPageTitle() {
        return title + " | " + getTranslation("app.name");
    }
}
