package jp.kosodatehub.events.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import jp.kosodatehub.audit.AuditService;
import jp.kosodatehub.audit.ui.Conflicts;
import jp.kosodatehub.base.ui.Badge;
import jp.kosodatehub.base.ui.Feedback;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.base.ui.PlainText;
import jp.kosodatehub.base.ui.ReasonDialog;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventDraft;
import jp.kosodatehub.events.EventLimits;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.events.EventStatus;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.organisations.OrganisationService;
import jp.kosodatehub.reference.ReferenceDataService;
import jp.kosodatehub.security.CurrentUser;
import jp.kosodatehub.security.Roles;
import org.springframework.security.access.AccessDeniedException;

/**
 * Create or edit an event (/my/events/new, /my/events/123), with its state, the office's send-back reason, the
 * actions its state allows, and its history. /my/events/new?copy=123 starts from a copy of another event.
 */
@Route("my/events/:" + EventEditorView.ID + "(new|[0-9]{1,18})")
@RolesAllowed({Roles.MEMBER, Roles.COORDINATOR})
class EventEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ID = "eventId";
    static final String NEW = "new";
    static final String COPY = "copy";
    private static final int SERIES_DATES_SHOWN = 30;
    private static final int PREVIEW_DATES_SHOWN = 10;

    private final transient EventService events;
    private final transient CurrentUser currentUser;
    private final transient List<Organisation> organisations;
    private final transient ReferenceDataService reference;
    private final transient AuditService audit;
    private Event event;

    EventEditorView(EventService events, OrganisationService organisationService, ReferenceDataService reference,
                    CurrentUser currentUser, AuditService audit) {
        this.events = events;
        this.audit = audit;
        this.currentUser = currentUser;
        this.reference = reference;
        this.organisations = currentUser.isCoordinator() ? organisationService.findAll() : List.of();
        addClassNames("page", "event-editor");
        setPadding(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent navigation) {
        String id = navigation.getRouteParameters().get(ID).orElse(NEW);
        try {
            if (NEW.equals(id)) {
                event = null;
                List<String> copy = navigation.getLocation().getQueryParameters().getParameters()
                        .getOrDefault(COPY, List.of());
                show(copy.isEmpty() ? new EventDraft() : events.duplicate(parseId(copy.get(0))));
            } else {
                event = events.get(parseId(id));
                show(events.loadForEdit(event.getId()));
            }
        } catch (AccessDeniedException | jp.kosodatehub.base.NotFoundException e) {
            // Someone else's event is reported exactly like a missing one: its existence is not theirs to know.
            throw new NotFoundException();
        }
    }

    private static Long parseId(String text) {
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException e) {
            throw new NotFoundException();
        }
    }

    private void show(EventDraft draft) {
        removeAll();
        add(new H1(getTranslation(event == null ? "event.editor.new-title" : "event.editor.edit-title")));
        if (event != null) {
            add(statusBox());
        }
        EventForm form = new EventForm(organisations, reference.activeKinds(), reference.activeDistricts(),
                events.initiativeChoices());
        form.edit(draft);
        EventStatus status = event == null ? EventStatus.DRAFT : event.getStatus();
        boolean editable = status != EventStatus.CANCELLED && status != EventStatus.WITHDRAWN;
        form.setActions(editable, event == null || status == EventStatus.DRAFT || status == EventStatus.SENT_BACK);
        if (event != null && status == EventStatus.PUBLISHED && !currentUser.isCoordinator()
                && !event.getOrganisation().isTrusted()) {
            add(notice(getTranslation("event.editor.republish-notice"), "notice-info"));
        }
        form.addSaveListener(save -> save(form, save.draft(), save.submit()));
        add(form);
        if (event != null) {
            add(actions());
            if (event.isSeries()) {
                SeriesDates dates = new SeriesDates(events.upcomingDates(event.getId(), 0, SERIES_DATES_SHOWN),
                        editable);
                dates.addDateActionListener(this::onDateAction);
                add(dates);
            }
            add(new StatusHistory(events.history(event.getId())));
        }
    }

    private void onDateAction(SeriesDates.DateAction action) {
        LocalDateTime original = action.date().getOriginalStart();
        switch (action.kind()) {
            case CANCEL -> new ReasonDialog(getTranslation("series.cancel.title"),
                    getTranslation("series.cancel.explanation",
                            Formats.range(action.date().getStartsAt(), action.date().getEndsAt(), getLocale())),
                    getTranslation("series.action.cancel-date"), EventLimits.REASON_MAX,
                    reason -> afterAction(Feedback.attempt(this,
                            () -> events.cancelDate(event.getId(), event.getVersion(), original, reason), Map.of(),
                            this::reload), "series.cancel.done")).open();
            case MOVE -> new MoveDateDialog(action.date(), (start, end, reason, fields) -> afterAction(
                    Feedback.attempt(this, () -> events.moveDate(event.getId(), event.getVersion(), original, start,
                            end, reason), fields, this::reload), "series.move.done")).open();
            case RESTORE -> afterAction(Feedback.attempt(this,
                    () -> events.restoreDate(event.getId(), event.getVersion(), original), Map.of(), this::reload),
                    "series.restore.done");
        }
    }

    private Div statusBox() {
        Div box = new Div();
        box.addClassName("status-box");
        box.add(new Span(getTranslation("event.editor.status")), statusBadge(event.getStatus()));
        if (event.getStatusReason() != null
                && (event.getStatus() == EventStatus.SENT_BACK || event.getStatus() == EventStatus.CANCELLED)) {
            Div reason = new Div(new Span(getTranslation(event.getStatus() == EventStatus.SENT_BACK
                    ? "event.editor.sent-back-reason" : "event.editor.cancel-reason")),
                    new PlainText(event.getStatusReason()));
            reason.addClassNames("notice", "notice-warning", "status-reason");
            box.add(reason);
        }
        return box;
    }

    static Badge statusBadge(EventStatus status) {
        Badge.Tone tone = switch (status) {
            case PUBLISHED -> Badge.Tone.SUCCESS;
            case SUBMITTED -> Badge.Tone.INFO;
            case SENT_BACK -> Badge.Tone.WARNING;
            case CANCELLED, WITHDRAWN -> Badge.Tone.ERROR;
            case DRAFT -> Badge.Tone.NEUTRAL;
        };
        Badge badge = new Badge("", tone);
        badge.setText(badge.getTranslation(status.translationKey()));
        return badge;
    }

    private Div actions() {
        Div actions = new Div();
        actions.addClassName("form-buttons");
        Anchor view = new Anchor("events/" + event.getId(), getTranslation("event.action.view-page"));
        Button duplicate = new Button(getTranslation("event.action.duplicate"), click -> getUI().ifPresent(ui ->
                ui.navigate(EventEditorView.class, new RouteParameters(ID, NEW),
                        QueryParameters.of(COPY, String.valueOf(event.getId())))));
        actions.add(view, duplicate);
        if (event.getStatus() == EventStatus.PUBLISHED) {
            Button cancel = new Button(getTranslation("event.action.cancel-event"), click -> new ReasonDialog(
                    getTranslation("event.cancel.title"), getTranslation("event.cancel.explanation"),
                    getTranslation("event.action.cancel-event"), EventLimits.REASON_MAX,
                    reason -> afterAction(Feedback.attempt(this,
                            () -> events.cancel(event.getId(), event.getVersion(), reason), Map.of(), this::reload),
                            "event.cancel.done")).open());
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(cancel);
        }
        if (event.getStatus() != EventStatus.CANCELLED && event.getStatus() != EventStatus.WITHDRAWN) {
            Button withdraw = new Button(getTranslation("event.action.withdraw"), click -> confirmWithdraw());
            withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            actions.add(withdraw);
        }
        return actions;
    }

    private void confirmWithdraw() {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("event.withdraw.title"));
        confirm.setText(getTranslation("event.withdraw.explanation"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("event.action.withdraw"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(click -> afterAction(Feedback.attempt(this,
                () -> events.withdraw(event.getId(), event.getVersion()), Map.of(), this::reload),
                "event.withdraw.done"));
        confirm.open();
    }

    private boolean afterAction(Event result, String doneKey) {
        if (result == null) {
            return false;
        }
        Feedback.success(getTranslation(doneKey));
        openEditor(result.getId());
        return true;
    }

    /**
     * Saving a changed series first says which future dates the change removes or adds, so nobody cancels a
     * month of salons by accident; everything else saves straight away.
     */
    private void save(EventForm form, EventDraft draft, boolean submit) {
        if (event == null || (!event.isSeries() && draft.getRecurrence() == null)) {
            store(form, draft, submit);
            return;
        }
        EventService.SeriesChange change = Feedback.attempt(this, () -> events.previewDates(draft), form.fields(),
                this::reload);
        if (change == null) {
            form.bringFirstRefusedIntoView();
            return;
        }
        if (!change.changesDates()) {
            store(form, draft, submit);
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("series.preview.title"));
        Div text = new Div(new Paragraph(getTranslation("series.preview.summary", change.removed().size(),
                change.added().size(), change.upcoming())));
        text.add(dateList("series.preview.removed", change.removed()), dateList("series.preview.added",
                change.added()));
        confirm.setText(text);
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("series.preview.confirm"));
        confirm.addConfirmListener(click -> store(form, draft, submit));
        confirm.open();
    }

    private Div dateList(String titleKey, List<LocalDateTime> dates) {
        Div box = new Div();
        if (dates.isEmpty()) {
            return box;
        }
        box.add(new Span(getTranslation(titleKey)));
        UnorderedList list = new UnorderedList();
        dates.stream().limit(PREVIEW_DATES_SHOWN)
                .forEach(date -> list.add(new ListItem(Formats.range(date, null, getLocale()))));
        if (dates.size() > PREVIEW_DATES_SHOWN) {
            list.add(new ListItem(getTranslation("series.preview.more", dates.size() - PREVIEW_DATES_SHOWN)));
        }
        box.add(list);
        return box;
    }

    private void store(EventForm form, EventDraft draft, boolean submit) {
        Event saved = Conflicts.attempt(this, audit, "Event", draft.getId(), draft.getVersion(),
                () -> events.save(draft), form.fields(), this::reload);
        if (saved == null) {
            form.bringFirstRefusedIntoView();
            return;
        }
        if (submit) {
            Event submitted = Feedback.attempt(this, () -> events.submit(saved.getId(), saved.getVersion()),
                    form.fields(), this::reload);
            if (submitted == null) {
                openEditor(saved.getId());
                return;
            }
            Feedback.success(getTranslation(submitted.getStatus() == EventStatus.PUBLISHED
                    ? "event.editor.published" : "event.editor.submitted"));
            openEditor(submitted.getId());
            return;
        }
        Feedback.success(getTranslation(saved.getStatus() == EventStatus.SUBMITTED && event != null
                && event.getStatus() == EventStatus.PUBLISHED ? "event.editor.saved-resubmitted"
                : "event.editor.saved"));
        openEditor(saved.getId());
    }

    private void openEditor(Long id) {
        getUI().ifPresent(ui -> ui.navigate(EventEditorView.class, new RouteParameters(ID, String.valueOf(id))));
    }

    /** Shows the latest stored version, after someone else changed the event. */
    private void reload() {
        if (event != null) {
            event = events.get(event.getId());
            show(events.loadForEdit(event.getId()));
        }
    }

    private static Div notice(String text, String className) {
        Div notice = new Div(new Span(text));
        notice.addClassNames("notice", className);
        return notice;
    }

    @Override
    public String getPageTitle() {
        return getTranslation(event == null ? "event.editor.new-title" : "event.editor.edit-title") + " | "
                + getTranslation("app.name");
    }
}
