package jp.kosodatehub.volunteers.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import jp.kosodatehub.base.ui.Feedback;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.base.ui.MainLayout;
import jp.kosodatehub.base.ui.PlainText;
import jp.kosodatehub.base.ui.ReasonDialog;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.security.Roles;
import jp.kosodatehub.volunteers.Opening;
import jp.kosodatehub.volunteers.OpeningService;

/**
 * The office's queue of submitted volunteer openings, oldest first, each previewed as the public will see it,
 * with the decisions beside it: publish, or send back with a reason.
 */
@Route(value = "moderation/volunteers", layout = MainLayout.class)
@RolesAllowed(Roles.COORDINATOR)
class OpeningModerationView extends VerticalLayout implements HasDynamicTitle {

    static final int PAGE_SIZE = 20;

    private final transient OpeningService openings;
    private final transient EventService events;
    private final Paragraph summary = new Paragraph();
    private final Div list = new Div();
    private final Button showMore = new Button();
    private int loaded;

    OpeningModerationView(OpeningService openings, EventService events) {
        this.openings = openings;
        this.events = events;
        addClassNames("page", "moderation", "opening-moderation");
        setPadding(false);
        summary.addClassName("moderation-summary");
        list.addClassName("feed-list");
        showMore.setText(getTranslation("volunteer.board.more"));
        showMore.addClassName("feed-more");
        showMore.addClickListener(click -> loadMore(openings.moderationCount()));
        add(new H1(getTranslation("volunteer.opening.moderation.title")), summary, list, showMore);
        reload();
    }

    private void reload() {
        list.removeAll();
        loaded = 0;
        long waiting = openings.moderationCount();
        summary.setText(getTranslation("volunteer.opening.moderation.summary", waiting));
        if (waiting == 0) {
            Paragraph empty = new Paragraph(getTranslation("volunteer.opening.moderation.empty"));
            empty.addClassName("feed-empty");
            list.add(empty);
        }
        loadMore(waiting);
    }

    private void loadMore(long total) {
        List<Opening> page = openings.moderationQueue(loaded, PAGE_SIZE);
        page.forEach(opening -> list.add(entry(opening)));
        loaded += page.size();
        showMore.setVisible(loaded < total && !page.isEmpty());
    }

    /** One submission: when it came, the card and text as the public will see them, and the decisions. */
    private Div entry(Opening opening) {
        Div entry = new Div();
        entry.addClassName("opening-submission");
        Span submitted = new Span(getTranslation("volunteer.opening.moderation.submitted-at",
                Formats.timestamp(opening.getSubmittedAt())));
        submitted.addClassName("history-when");

        Div preview = new Div(new OpeningCard(opening, OpeningCard.linkedEvent(events, opening), getLocale(),
                false));
        if (opening.getDescription() != null) {
            preview.add(new PlainText(opening.getDescription()));
        }
        preview.add(new Paragraph(getTranslation("volunteer.opening.moderation.contact",
                opening.getContactPerson())));
        preview.addClassName("preview");
        preview.getElement().setAttribute("aria-label", getTranslation("volunteer.opening.moderation.preview"));

        Button publish = new Button(getTranslation("volunteer.opening.moderation.publish"), click -> done(
                Feedback.attempt(this, () -> openings.publish(opening.getId(), opening.getVersion()), Map.of(),
                        this::reload), "volunteer.opening.moderation.published"));
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        Button sendBack = new Button(getTranslation("volunteer.opening.moderation.send-back"), click ->
                new ReasonDialog(getTranslation("volunteer.opening.moderation.send-back"),
                        getTranslation("volunteer.opening.moderation.send-back-explanation"),
                        getTranslation("volunteer.opening.moderation.send-back"), Opening.REASON_MAX,
                        reason -> done(Feedback.attempt(this,
                                () -> openings.sendBack(opening.getId(), opening.getVersion(), reason), Map.of(),
                                this::reload), "volunteer.opening.moderation.sent-back")).open());
        sendBack.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button edit = new Button(getTranslation("action.edit"), click -> getUI().ifPresent(ui -> ui.navigate(
                OpeningEditorView.class, new RouteParameters(OpeningEditorView.ID,
                        String.valueOf(opening.getId())))));
        Div buttons = new Div(publish, sendBack, edit);
        buttons.addClassName("form-buttons");
        entry.add(submitted, preview, buttons);
        return entry;
    }

    private boolean done(Opening result, String messageKey) {
        if (result == null) {
            return false;
        }
        Feedback.success(getTranslation(messageKey));
        reload();
        return true;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("volunteer.opening.moderation.title") + " | " + getTranslation("app.name");
    }
}
