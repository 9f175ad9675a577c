package jp.kosodatehub.volunteers.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
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
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import jp.kosodatehub.audit.AuditService;
import jp.kosodatehub.audit.ui.Conflicts;
import jp.kosodatehub.base.ui.ComponentTexts;
import jp.kosodatehub.base.ui.Feedback;
import jp.kosodatehub.base.ui.MainLayout;
import jp.kosodatehub.base.ui.PlainText;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.organisations.OrganisationService;
import jp.kosodatehub.reference.ReferenceDataService;
import jp.kosodatehub.security.CurrentUser;
import jp.kosodatehub.security.Roles;
import jp.kosodatehub.volunteers.Opening;
import jp.kosodatehub.volunteers.OpeningDraft;
import jp.kosodatehub.volunteers.OpeningService;
import jp.kosodatehub.volunteers.PostStatus;
import org.springframework.security.access.AccessDeniedException;

/**
 * Create or edit a volunteer opening (/my/volunteers/openings/new, /my/volunteers/openings/123), with its state,
 * the office's send-back reason and the actions its state allows.
 */
@Route(value = "my/volunteers/openings/:" + OpeningEditorView.ID + "(new|[0-9]{1,18})", layout = MainLayout.class)
@RolesAllowed({Roles.MEMBER, Roles.COORDINATOR})
class OpeningEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ID = "openingId";
    static final String NEW = "new";

    private final transient OpeningService openings;
    private final transient ReferenceDataService reference;
    private final transient CurrentUser currentUser;
    private final transient AuditService audit;
    private final transient List<Organisation> organisations;
    private Opening opening;

    OpeningEditorView(OpeningService openings, OrganisationService organisationService,
                      ReferenceDataService reference, CurrentUser currentUser, AuditService audit) {
        this.openings = openings;
        this.audit = audit;
        this.reference = reference;
        this.currentUser = currentUser;
        this.organisations = currentUser.isCoordinator() ? organisationService.findAll() : List.of();
        addClassNames("page", "opening-editor");
        setPadding(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent navigation) {
        String id = navigation.getRouteParameters().get(ID).orElse(NEW);
        try {
            if (NEW.equals(id)) {
                opening = null;
                show(new OpeningDraft());
            } else {
                opening = openings.get(Long.valueOf(id));
                show(openings.loadForEdit(opening.getId()));
            }
        } catch (AccessDeniedException | jp.kosodatehub.base.NotFoundException | NumberFormatException e) {
            // Someone else's opening is reported exactly like a missing one: its existence is not theirs to know.
            throw new NotFoundException();
        }
    }

    private void show(OpeningDraft draft) {
        removeAll();
        RouterLink back = new RouterLink(getTranslation("volunteer.opening.my.back"), MyOpeningsView.class);
        back.addClassName("back-link");
        add(back, new H1(getTitleText()));
        if (opening != null) {
            add(statusBox());
        }
        OpeningForm form = new OpeningForm(organisations, reference.activeDistricts(), openings.eventChoices());
        form.edit(draft);
        PostStatus status = opening == null ? PostStatus.DRAFT : opening.getStatus();
        boolean editable = status != PostStatus.CLOSED && status != PostStatus.WITHDRAWN;
        form.setActions(editable, status == PostStatus.DRAFT || status == PostStatus.SENT_BACK);
        if (opening != null && status == PostStatus.PUBLISHED && !currentUser.isCoordinator()
                && !opening.getOrganisation().isTrusted()) {
            Div notice = new Div(new Span(getTranslation("volunteer.opening.editor.republish-notice")));
            notice.addClassNames("notice", "notice-info");
            add(notice);
        }
        form.addSaveListener(save -> store(form, save.draft(), save.submit()));
        add(form);
        if (opening != null) {
            add(actions());
        }
    }

    private Div statusBox() {
        Div box = new Div(new Span(getTranslation("volunteer.opening.editor.status")),
                MyOpeningsView.statusBadge(opening.getStatus()));
        box.addClassName("status-box");
        if (opening.getStatus() == PostStatus.SENT_BACK && opening.getStatusReason() != null) {
            Div reason = new Div(new Span(getTranslation("volunteer.opening.editor.sent-back-reason")),
                    new PlainText(opening.getStatusReason()));
            reason.addClassNames("notice", "notice-warning", "status-reason");
            box.add(reason);
        }
        return box;
    }

    private Div actions() {
        Div actions = new Div();
        actions.addClassName("form-buttons");
        if (opening.isPublic()) {
            actions.add(new Anchor("volunteer/" + opening.getId(),
                    getTranslation("volunteer.opening.action.view-page")));
        }
        if (opening.getStatus() == PostStatus.PUBLISHED) {
            Button close = new Button(getTranslation("volunteer.opening.action.close"), click -> confirm(
                    "volunteer.opening.close.title", "volunteer.opening.close.explanation",
                    "volunteer.opening.action.close", "volunteer.opening.closed",
                    () -> openings.close(opening.getId(), opening.getVersion())));
            actions.add(close);
        }
        if (opening.getStatus() != PostStatus.WITHDRAWN) {
            Button withdraw = new Button(getTranslation("volunteer.opening.action.withdraw"), click -> confirm(
                    "volunteer.opening.withdraw.title", "volunteer.opening.withdraw.explanation",
                    "volunteer.opening.action.withdraw", "volunteer.opening.withdrawn",
                    () -> openings.withdraw(opening.getId(), opening.getVersion())));
            withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            actions.add(withdraw);
        }
        return actions;
    }

    private void confirm(String titleKey, String textKey, String confirmKey, String doneKey,
                         Supplier<Opening> action) {
        ConfirmDialog confirm = ComponentTexts.confirmDialog(getLocale());
        confirm.setHeader(getTranslation(titleKey));
        confirm.setText(getTranslation(textKey));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation(confirmKey));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(click -> {
            Opening result = Feedback.attempt(this, action, Map.of(), this::reload);
            if (result != null) {
                Feedback.success(getTranslation(doneKey));
                openEditor(result.getId());
            }
        });
        confirm.open();
    }

    private void store(OpeningForm form, OpeningDraft draft, boolean submit) {
        Opening saved = Conflicts.attempt(this, audit, "Opening", draft.getId(), draft.getVersion(),
                () -> openings.save(draft), form.fields(), this::reload);
        if (saved == null) {
            return;
        }
        if (submit) {
            Opening submitted = Feedback.attempt(this, () -> openings.submit(saved.getId(), saved.getVersion()),
                    form.fields(), this::reload);
            if (submitted != null) {
                Feedback.success(getTranslation(submitted.getStatus() == PostStatus.PUBLISHED
                        ? "volunteer.opening.published" : "volunteer.opening.submitted"));
            }
            openEditor(saved.getId());
            return;
        }
        Feedback.success(getTranslation(saved.getStatus() == PostStatus.SUBMITTED && opening != null
                && opening.getStatus() == PostStatus.PUBLISHED ? "volunteer.opening.saved-resubmitted"
                : "volunteer.opening.saved"));
        openEditor(saved.getId());
    }

    private void openEditor(Long id) {
        getUI().ifPresent(ui -> ui.navigate(OpeningEditorView.class, new RouteParameters(ID, String.valueOf(id))));
    }

    /** Shows the latest stored version, after someone else changed the opening. */
    private void reload() {
        if (opening != null) {
            opening = openings.get(opening.getId());
            show(openings.loadForEdit(opening.getId()));
        }
    }

    private String getTitleText() {
        return getTranslation(opening == null ? "volunteer.opening.editor.new-title"
                : "volunteer.opening.editor.edit-title");
    }

    @Override
    public String getPageTitle() {
        return getTitleText() + " | " + getTranslation("app.name");
    }
}
