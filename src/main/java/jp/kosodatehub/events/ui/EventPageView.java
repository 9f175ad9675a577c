package jp.kosodatehub.events.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.LocalDateTime;
import java.util.Optional;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.events.EventStatus;
import jp.kosodatehub.security.CurrentUser;
import org.springframework.security.access.AccessDeniedException;

/**
 * An event's own page at a stable address (/events/123), to share on LINE or a bulletin board. The public sees
 * published and cancelled events only; the organisation and the office may also open unpublished ones.
 */
@Route("events/:" + EventPageView.ID + "([0-9]{1,18})")
@AnonymousAllowed
class EventPageView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ID = "id";

    private final transient EventService events;
    private final transient CurrentUser currentUser;
    private String title = "";

    EventPageView(EventService events, CurrentUser currentUser) {
        this.events = events;
        this.currentUser = currentUser;
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
