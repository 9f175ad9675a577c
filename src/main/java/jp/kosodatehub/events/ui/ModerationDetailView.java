package jp.kosodatehub.events.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import jp.kosodatehub.base.ui.Feedback;
import jp.kosodatehub.base.ui.ReasonDialog;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventLimits;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.events.EventStatus;
import jp.kosodatehub.security.Roles;

/**
 * One submission for the office: a preview exactly as the public will see it, and the decisions: publish, send
 * back with a reason, edit, or (once published) cancel.
 */
@Route("moderation/:" + ModerationDetailView.ID + "([0-9]{1,18})")
@RolesAllowed(Roles.COORDINATOR)
class ModerationDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ID = "eventId";

    private final transient EventService events;
    private Event event;

    ModerationDetailView(EventService events) {
        this.events = events;
        addClassNames("page", "moderation-detail");
        setPadding(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent navigation) {
        Long id = navigation.getRouteParameters().getLong(ID).orElseThrow(NotFoundException::new);
        try {
            event = events.get(id);
        } catch (jp.kosodatehub.base.NotFoundException e) {
            throw new NotFoundException();
        }
        show();
    }

    private void show() {
        removeAll();
        RouterLink back = new RouterLink(getTranslation("moderation.back"), ModerationView.class);
        back.addClassName("back-link");
        Div status = new Div(new Span(getTranslation("event.editor.status")),
                EventEditorView.statusBadge(event.getStatus()));
        status.addClassName("status-box");
        add(back, status, actions());

        Div preview = new Div(new EventDetails(event, getLocale()));
        preview.addClassName("preview");
        preview.getElement().setAttribute("aria-label", getTranslation("moderation.preview"));
        add(new H2(getTranslation("moderation.preview")), preview);
        add(new StatusHistory(events.history(event.getId())));
    }

    private Div actions() {
        Div actions = new Div();
        actions.addClassName("form-buttons");
        if (event.getStatus() == EventStatus.SUBMITTED) {
            Button publish = new Button(getTranslation("moderation.publish"), click -> done(Feedback.attempt(this,
                    () -> events.publish(event.getId(), event.getVersion()), Map.of(), this::reload),
                    "moderation.published"));
            publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
            Button sendBack = new Button(getTranslation("moderation.send-back"), click -> new ReasonDialog(
                    getTranslation("moderation.send-back"), getTranslation("moderation.send-back.explanation"),
                    getTranslation("moderation.send-back"), EventLimits.REASON_MAX,
                    reason -> done(Feedback.attempt(this,
                            () -> events.sendBack(event.getId(), event.getVersion(), reason), Map.of(),
                            this::reload), "moderation.sent-back")).open());
            sendBack.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(publish, sendBack);
        }
        if (event.getStatus() == EventStatus.PUBLISHED) {
            Button cancel = new Button(getTranslation("event.action.cancel-event"), click -> new ReasonDialog(
                    getTranslation("event.cancel.title"), getTranslation("event.cancel.explanation"),
                    getTranslation("event.action.cancel-event"), EventLimits.REASON_MAX,
                    reason -> done(Feedback.attempt(this,
                            () -> events.cancel(event.getId(), event.getVersion(), reason), Map.of(),
                            this::reload), "event.cancel.done")).open());
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(cancel);
        }
        if (event.getStatus() != EventStatus.CANCELLED && event.getStatus() != EventStatus.WITHDRAWN) {
            Button edit = new Button(getTranslation("action.edit"), click -> getUI().ifPresent(ui -> ui.navigate(
                    EventEditorView.class, new RouteParameters(EventEditorView.ID, String.valueOf(event.getId())))));
            actions.add(edit);
        }
        return actions;
    }

    private boolean done(Event result, String messageKey) {
        if (result == null) {
            return false;
        }
        Feedback.success(getTranslation(messageKey));
        event = result;
        show();
        return true;
    }

    private void reload() {
        event = events.get(event.getId());
        show();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.moderation") + (event == null ? "" : " | " + event.getTitle());
    }
}
