package jp.kosodatehub.volunteers.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import jp.kosodatehub.base.ui.Feedback;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.base.ui.ReasonDialog;
import jp.kosodatehub.security.Roles;
import jp.kosodatehub.volunteers.Story;
import jp.kosodatehub.volunteers.StoryService;

/**
 * The office's queue of submitted supporter stories, oldest first. Choosing one shows it exactly as the public
 * will see it (photo included), to publish it or send it back with a reason.
 */
@Route("moderation/stories")
@RolesAllowed(Roles.COORDINATOR)
class StoryModerationView extends VerticalLayout implements HasDynamicTitle {

    private final transient StoryService stories;
    private final Paragraph summary = new Paragraph();
    private final Grid<Story> grid = new Grid<>(Story.class, false);
    private final Div detail = new Div();

    StoryModerationView(StoryService stories) {
        this.stories = stories;
        addClassNames("page", "moderation", "story-moderation");
        setPadding(false);
        summary.addClassName("moderation-summary");

        grid.addColumn(story -> Formats.timestamp(story.getSubmittedAt()))
                .setHeader(getTranslation("volunteer.story.moderation.submitted")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(story -> story.getOrganisation().getName())
                .setHeader(getTranslation("volunteer.story.field.organisation")).setAutoWidth(true);
        grid.addColumn(Story::getAuthorLabel).setHeader(getTranslation("volunteer.story.field.author-label"))
                .setAutoWidth(true);
        grid.addColumn(story -> MyStoriesView.excerpt(story.getText()))
                .setHeader(getTranslation("volunteer.story.field.text")).setFlexGrow(1);
        grid.setItems(DataProvider.fromCallbacks(
                query -> stories.moderationQueue(query.getOffset(), query.getLimit()).stream(),
                query -> (int) stories.moderationCount()));
        grid.setEmptyStateText(getTranslation("volunteer.story.moderation.empty"));
        grid.asSingleSelect().addValueChangeListener(change -> show(change.getValue()));
        grid.setMinHeight("16rem");
        detail.addClassName("story-moderation-detail");

        add(new H1(getTranslation("volunteer.story.moderation.title")), summary, grid, detail);
        refresh();
    }

    private void refresh() {
        summary.setText(getTranslation("volunteer.story.moderation.summary", stories.moderationCount()));
        grid.deselectAll();
        grid.getDataProvider().refreshAll();
        show(null);
    }

    private void show(Story story) {
        detail.removeAll();
        if (story == null) {
            return;
        }
        Image photo = stories.photo(story.getId())
                .map(stored -> new Image(stored.data(), StoryCard.photoAlt(this, story))).orElse(null);
        Div preview = new Div(new StoryCard(story, photo));
        preview.addClassNames("preview", "story-preview");
        preview.getElement().setAttribute("aria-label", getTranslation("volunteer.story.moderation.preview"));

        Button publish = new Button(getTranslation("volunteer.story.moderation.publish"), click -> done(
                Feedback.attempt(this, () -> stories.publish(story.getId(), story.getVersion()), Map.of(),
                        this::refresh), "volunteer.story.moderation.published"));
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        Button sendBack = new Button(getTranslation("volunteer.story.moderation.send-back"), click ->
                new ReasonDialog(getTranslation("volunteer.story.moderation.send-back"),
                        getTranslation("volunteer.story.moderation.send-back-explanation"),
                        getTranslation("volunteer.story.moderation.send-back"), Story.REASON_MAX,
                        reason -> done(Feedback.attempt(this,
                                () -> stories.sendBack(story.getId(), story.getVersion(), reason), Map.of(),
                                this::refresh), "volunteer.story.moderation.sent-back")).open());
        sendBack.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Div actions = new Div(publish, sendBack);
        actions.addClassName("form-buttons");
        detail.add(new H2(getTranslation("volunteer.story.moderation.preview")), preview, actions);
    }

    private boolean done(Story result, String messageKey) {
        if (result == null) {
            return false;
        }
        Feedback.success(getTranslation(messageKey));
        refresh();
        return true;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("volunteer.story.moderation.title") + " | " + getTranslation("app.name");
    }
}
