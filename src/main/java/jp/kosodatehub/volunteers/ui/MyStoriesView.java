package jp.kosodatehub.volunteers.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import jp.kosodatehub.base.ui.Badge;
import jp.kosodatehub.base.ui.ComponentTexts;
import jp.kosodatehub.base.ui.Feedback;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.base.ui.TitleBar;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.organisations.OrganisationService;
import jp.kosodatehub.security.CurrentUser;
import jp.kosodatehub.security.Roles;
import jp.kosodatehub.volunteers.PostStatus;
import jp.kosodatehub.volunteers.Story;
import jp.kosodatehub.volunteers.StoryDraft;
import jp.kosodatehub.volunteers.StoryService;

/**
 * A member organisation's supporter stories (for the office: all of them) with their state and the office's
 * reason for a send-back; writing and editing a story happens on the same page, in place of the list.
 */
@Route("my/volunteers/stories")
@RolesAllowed({Roles.MEMBER, Roles.COORDINATOR})
class MyStoriesView extends VerticalLayout implements HasDynamicTitle {

    private final transient StoryService stories;
    private final transient List<Organisation> organisations;
    private final boolean coordinator;
    private Story story;

    MyStoriesView(StoryService stories, OrganisationService organisationService, CurrentUser currentUser) {
        this.stories = stories;
        this.coordinator = currentUser.isCoordinator();
        this.organisations = coordinator ? organisationService.findAll() : List.of();
        addClassNames("page", "my-stories");
        setPadding(false);
        showList();
    }

    private void showList() {
        removeAll();
        story = null;
        Button create = new Button(getTranslation("volunteer.story.action.new"), click -> edit(null));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Paragraph intro = new Paragraph(getTranslation("volunteer.story.my.intro"));

        Grid<Story> grid = new Grid<>(Story.class, false);
        grid.addColumn(Story::getAuthorLabel).setHeader(getTranslation("volunteer.story.field.author-label"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(item -> excerpt(item.getText())).setHeader(getTranslation("volunteer.story.field.text"))
                .setFlexGrow(1);
        grid.addComponentColumn(this::statusCell).setHeader(getTranslation("volunteer.story.column.status"))
                .setAutoWidth(true).setFlexGrow(0);
        if (coordinator) {
            grid.addColumn(item -> item.getOrganisation().getName())
                    .setHeader(getTranslation("volunteer.story.field.organisation")).setAutoWidth(true);
        }
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setItems(DataProvider.fromCallbacks(
                query -> stories.myStories(query.getOffset(), query.getLimit()).stream(),
                query -> (int) stories.myStoriesCount()));
        grid.addItemClickListener(click -> edit(click.getItem()));
        grid.setEmptyStateText(getTranslation("volunteer.story.my.empty"));
        grid.setMinHeight("20rem");

        add(new TitleBar(new H1(getTitleText()), create), intro, grid);
        setFlexGrow(1, grid);
    }

    static String excerpt(String text) {
        String flat = text.replace('\n', ' ');
        return flat.codePointCount(0, flat.length()) <= 60 ? flat
                : flat.substring(0, flat.offsetByCodePoints(0, 60)) + "…";
    }

    private Div statusCell(Story item) {
        Div cell = new Div(statusBadge(item.getStatus()));
        if (item.getStatus() == PostStatus.SENT_BACK && item.getStatusReason() != null) {
            Span reason = new Span(item.getStatusReason());
            reason.addClassName("grid-reason");
            cell.add(reason);
        }
        return cell;
    }

    Badge statusBadge(PostStatus status) {
        Badge.Tone tone = switch (status) {
            case PUBLISHED -> Badge.Tone.SUCCESS;
            case SUBMITTED -> Badge.Tone.INFO;
            case SENT_BACK -> Badge.Tone.WARNING;
            case WITHDRAWN, CLOSED -> Badge.Tone.ERROR;
            case DRAFT -> Badge.Tone.NEUTRAL;
        };
        return new Badge(getTranslation(status.translationKey()), tone);
    }

    /** Shows the editor for a story, or for a new one when {@code item} is null. */
    private void edit(Story item) {
        StoryDraft draft;
        if (item == null) {
            story = null;
            draft = new StoryDraft();
        } else {
            Story loaded = Feedback.attempt(this, () -> stories.get(item.getId()), Map.of(), null);
            if (loaded == null) {
                return;
            }
            story = loaded;
            draft = Feedback.attempt(this, () -> stories.loadForEdit(item.getId()), Map.of(), null);
            if (draft == null) {
                return;
            }
        }
        removeAll();
        Button back = new Button(getTranslation("volunteer.story.action.back"), click -> showList());
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(back, new H1(getTranslation(story == null ? "volunteer.story.editor.new-title"
                : "volunteer.story.editor.edit-title")));
        PostStatus status = story == null ? PostStatus.DRAFT : story.getStatus();
        if (story != null) {
            add(statusBox());
        }
        StoryForm form = new StoryForm(organisations);
        form.edit(draft, story != null, story == null ? null : currentPhoto());
        boolean editable = status != PostStatus.WITHDRAWN && status != PostStatus.CLOSED;
        form.setActions(editable, status == PostStatus.DRAFT || status == PostStatus.SENT_BACK);
        if (story != null && status == PostStatus.PUBLISHED && !coordinator
                && !story.getOrganisation().isTrusted()) {
            Paragraph notice = new Paragraph(getTranslation("volunteer.story.editor.republish-notice"));
            notice.addClassNames("notice", "notice-info");
            add(notice);
        }
        form.addSaveListener(save -> save(form, save.draft(), save.submit()));
        form.addPhotoListener(photo -> afterChange(Feedback.attempt(this,
                () -> stories.setPhoto(story.getId(), story.getVersion(), photo.data()), Map.of(), this::reload),
                "volunteer.story.photo-saved"));
        form.addRemovePhotoListener(remove -> afterChange(Feedback.attempt(this,
                () -> stories.removePhoto(story.getId(), story.getVersion()), Map.of(), this::reload),
                "volunteer.story.photo-removed"));
        add(form);
        if (story != null && editable) {
            Button withdraw = new Button(getTranslation("volunteer.story.action.withdraw"),
                    click -> confirmWithdraw());
            withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            Div actions = new Div(withdraw);
            actions.addClassName("form-buttons");
            add(actions);
        }
    }

    private void confirmWithdraw() {
        ConfirmDialog confirm = ComponentTexts.confirmDialog(getLocale());
        confirm.setHeader(getTranslation("volunteer.story.withdraw.title"));
        confirm.setText(getTranslation("volunteer.story.withdraw.explanation"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("volunteer.story.action.withdraw"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(click -> afterChange(Feedback.attempt(this,
                () -> stories.withdraw(story.getId(), story.getVersion()), Map.of(), this::reload),
                "volunteer.story.withdrawn"));
        confirm.open();
    }

    private Div statusBox() {
        Div box = new Div(new Span(getTranslation("volunteer.story.column.status")), statusBadge(story.getStatus()));
        box.addClassName("status-box");
        if (story.getStatus() == PostStatus.SENT_BACK && story.getStatusReason() != null) {
            Div reason = new Div(new Span(getTranslation("volunteer.story.editor.reason")),
                    new Paragraph(story.getStatusReason()));
            reason.addClassNames("status-reason", "notice", "notice-warning");
            box.add(reason);
        }
        if (story.getUpdatedAt() != null) {
            Span updated = new Span(getTranslation("volunteer.story.editor.updated",
                    Formats.timestamp(story.getUpdatedAt())));
            updated.addClassName("story-updated");
            box.add(updated);
        }
        return box;
    }

    private Image currentPhoto() {
        return stories.photo(story.getId())
                .map(photo -> new Image(photo.data(), StoryCard.photoAlt(this, story)))
                .orElse(null);
    }

    private void save(StoryForm form, StoryDraft draft, boolean submit) {
        Story saved = Feedback.attempt(this, () -> stories.save(draft), form.fields(), this::reload);
        if (saved == null) {
            return;
        }
        if (!submit) {
            Feedback.success(getTranslation("volunteer.story.saved"));
            edit(saved);
            return;
        }
        Story submitted = Feedback.attempt(this, () -> stories.submit(saved.getId(), saved.getVersion()), Map.of(),
                this::reload);
        if (submitted != null) {
            Feedback.success(getTranslation(submitted.getStatus() == PostStatus.PUBLISHED
                    ? "volunteer.story.published" : "volunteer.story.submitted"));
        }
        // Saved either way: show the story as it now is, so that saving again never creates a second one.
        edit(submitted != null ? submitted : saved);
    }

    private boolean afterChange(Story result, String messageKey) {
        if (result == null) {
            return false;
        }
        Feedback.success(getTranslation(messageKey));
        edit(result);
        return true;
    }

    private void reload() {
        if (story == null) {
            showList();
        } else {
            edit(story);
        }
    }

    private String getTitleText() {
        return getTranslation(coordinator ? "volunteer.story.my.title-all" : "volunteer.story.my.title");
    }

    @Override
    public String getPageTitle() {
        return getTitleText() + " | " + getTranslation("app.name");
    }
}
