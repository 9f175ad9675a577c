package jp.kosodatehub.events.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import jp.kosodatehub.base.AppProperties;
import jp.kosodatehub.base.ui.Badge;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.base.web.PublicUrl;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventOccurrence;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.events.EventStatus;
import jp.kosodatehub.security.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;

/**
 * An event's own page at a stable address (/events/123), to share on LINE or a bulletin board. The public sees
 * published and cancelled events only; the organisation and the office may also open unpublished ones.
 */
@Route("events/:" + EventPageView.ID + "([0-9]{1,18})")
@AnonymousAllowed
class EventPageView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ID = "id";
    private static final int NEXT_DATES = 6;

    private final transient EventService events;
    private final transient CurrentUser currentUser;
    private final transient AppProperties properties;
    private final transient ObjectProvider<EventPageSection> sections;
    private final transient PublicUrl publicUrl;
    private String title = "";

    /** @param sections what other features add to an event's page; there may be none */
    EventPageView(EventService events, CurrentUser currentUser, AppProperties properties,
                  ObjectProvider<EventPageSection> sections, PublicUrl publicUrl) {
        this.events = events;
        this.publicUrl = publicUrl;
        this.currentUser = currentUser;
        this.properties = properties;
        this.sections = sections;
        addClassNames("page", "event-page");
        setPadding(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent navigation) {
        Long id = navigation.getRouteParameters().getLong(ID).orElseThrow(NotFoundException::new);
        Event event = events.findPublic(id).or(() -> forStaff(id)).orElseThrow(NotFoundException::new);
        removeAll();
        title = event.getTitle();
        RouterLink back = new RouterLink(getTranslation("event.back-to-feed"), PublicFeedView.class);
        back.addClassName("back-link");
        add(back);
        if (!EventStatus.PUBLIC.contains(event.getStatus())) {
            add(notice(getTranslation("event.not-public-notice", getTranslation(event.getStatus().translationKey())),
                    "notice-warning"));
        } else if (event.getEndsAt().isBefore(LocalDateTime.now(Formats.JAPAN))) {
            add(notice(getTranslation("event.past-notice"), "notice-info"));
        }
        add(new EventDetails(event, getLocale()));
        if (EventStatus.PUBLIC.contains(event.getStatus())) {
            add(takeAway(event));
        }
        if (event.isSeries()) {
            add(nextDates(event));
        }
        if (EventStatus.PUBLIC.contains(event.getStatus())) {
            sections.orderedStream().forEach(section -> section.sectionFor(event).ifPresent(this::add));
        }
    }

    /** Add to calendar, and a text to pass on with the network's hashtag. */
    private Div takeAway(Event event) {
        Anchor ics = new Anchor("events/" + event.getId() + ".ics", getTranslation("event.add-to-calendar"));
        ics.getElement().setAttribute("router-ignore", true);
        ics.getElement().setAttribute("download", true);
        ics.addClassName("button-link");
        String shareText = event.getTitle() + " " + Formats.range(event.getStartsAt(), event.getEndsAt(), getLocale())
                + " " + properties.hashtag();
        Anchor line = new Anchor("https://line.me/R/msg/text/?" + URLEncoder.encode(shareText + "\n"
                + absoluteUrl(event), StandardCharsets.UTF_8).replace("+", "%20"), getTranslation("event.share-line"));
        line.setTarget(AnchorTarget.BLANK);
        line.getElement().setAttribute("rel", "noopener noreferrer");
        line.addClassName("button-link");
        Span tag = new Span(properties.hashtag());
        tag.addClassName("hashtag");
        Div box = new Div(ics, line, tag);
        box.addClassName("take-away");
        return box;
    }

    /** The page's full address for sharing, at the configured public address. */
    private String absoluteUrl(Event event) {
        return publicUrl.of("/events/" + event.getId());
    }

    /** The coming dates of a series, so a parent sees at once when the next sessions are. */
    private Div nextDates(Event event) {
        Div box = new Div(new H2(getTranslation("event.next-dates")));
        box.addClassName("next-dates");
        List<EventOccurrence> upcoming = events.nextDates(event.getId(), NEXT_DATES);
        if (upcoming.isEmpty()) {
            box.add(new Paragraph(getTranslation("series.dates.none")));
            return box;
        }
        UnorderedList list = new UnorderedList();
        for (EventOccurrence date : upcoming) {
            ListItem item = new ListItem(new Span(Formats.range(date.getStartsAt(), date.getEndsAt(), getLocale())));
            if (date.isEffectivelyCancelled()) {
                item.addClassName("cancelled");
                item.add(new Badge(getTranslation("event.status.cancelled"), Badge.Tone.ERROR));
            } else if (date.isMoved()) {
                item.add(new Badge(getTranslation("series.moved-badge"), Badge.Tone.WARNING));
            }
            if (date.getReason() != null) {
                item.add(new Span(date.getReason()));
            }
            list.add(item);
        }
        box.add(list);
        if (event.getRecurrence() != null && event.isSkipHolidays()) {
            box.add(new Paragraph(getTranslation("event.skips-holidays")));
        }
        return box;
    }

    /** Staff may look at their own unpublished events here; everyone else is told it does not exist. */
    private Optional<Event> forStaff(Long id) {
        if (currentUser.get().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(events.get(id));
        } catch (AccessDeniedException | jp.kosodatehub.base.NotFoundException e) {
            return Optional.empty();
        }
    }

    private static Div notice(String text, String className) {
        Div notice = new Div(new Span(text));
        notice.addClassNames("notice", className);
        notice.getElement().setAttribute("role", "status");
        return notice;
    }

    @Override
    public String getPageTitle() {
        return title + " | " + getTranslation("app.name");
    }
}
