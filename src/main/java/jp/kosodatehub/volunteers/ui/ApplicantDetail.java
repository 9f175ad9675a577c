package jp.kosodatehub.volunteers.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.kosodatehub.base.ui.Badge;
import jp.kosodatehub.base.ui.ComponentTexts;
import jp.kosodatehub.base.ui.Feedback;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.base.ui.PlainText;
import jp.kosodatehub.volunteers.Applicant;
import jp.kosodatehub.volunteers.ApplicantNote;
import jp.kosodatehub.volunteers.ApplicantService;
import jp.kosodatehub.volunteers.ApplicantStatus;
import jp.kosodatehub.volunteers.VolunteerActivity;

/**
 * One applicant for their organisation or the office: contact, offer, the next steps of the pipeline, notes and
 * activity. Fires {@link ChangedEvent} after every change, so that the list behind it can follow.
 */
class ApplicantDetail extends Dialog {

    private final transient ApplicantService applicants;
    private final boolean coordinator;
    private Applicant applicant;
    private final Div content = new Div();
    private final TextArea noteText = new TextArea();
    private final DatePicker date = ComponentTexts.texts(new DatePicker());
    private final BigDecimalField hours = new BigDecimalField();
    private final TextField role = new TextField();

    ApplicantDetail(ApplicantService applicants, boolean coordinator, Applicant applicant) {
        this.applicants = applicants;
        this.coordinator = coordinator;
        this.applicant = applicant;
        addClassName("applicant-detail");
        setWidth("min(48rem, 100vw)");
        content.setWidthFull();
        add(content);

        noteText.setLabel(getTranslation("volunteer.pipeline.note.label"));
        noteText.setMaxLength(ApplicantNote.TEXT_MAX);
        noteText.setWidthFull();
        date.setLabel(getTranslation("volunteer.pipeline.activity.date"));
        date.setRequiredIndicatorVisible(true);
        date.setValue(LocalDate.now(Formats.JAPAN));
        hours.setLabel(getTranslation("volunteer.pipeline.activity.hours"));
        hours.setRequiredIndicatorVisible(true);
        hours.setHelperText(getTranslation("volunteer.pipeline.activity.hours-help"));
        role.setLabel(getTranslation("volunteer.pipeline.activity.role"));
        role.setMaxLength(VolunteerActivity.ROLE_MAX);

        Button close = new Button(getTranslation("action.close"), click -> close());
        getFooter().add(close);
        render();
    }

    Registration addChangedListener(ComponentEventListener<ChangedEvent> listener) {
        return addListener(ChangedEvent.class, listener);
    }

    private void render() {
        setHeaderTitle(displayName(applicant));
        content.removeAll();
        content.add(summary(), statusActions(), contact(), notes(), activity());
        if (coordinator && !applicant.isAnonymised()) {
            Button erase = new Button(getTranslation("volunteer.privacy.erase"), click -> confirmErase());
            erase.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            Div privacy = new Div(erase);
            privacy.addClassName("form-buttons");
            content.add(privacy);
        }
    }

    private String displayName(Applicant a) {
        return a.isAnonymised() ? getTranslation("volunteer.pipeline.anonymised") : a.getName();
    }

    private Component summary() {
        Div box = new Div();
        box.addClassName("event-facts");
        box.add(fact("volunteer.pipeline.column.opening", new Span(applicant.getOpening().getRole())));
        Div status = new Div(PipelineView.statusBadge(applicant.getStatus(), getTranslation(
                applicant.getStatus().translationKey())));
        if (applicant.isDuplicate()) {
            status.add(new Badge(getTranslation("volunteer.pipeline.duplicate"), Badge.Tone.WARNING),
                    new Span(getTranslation("volunteer.pipeline.duplicate-of", applicant.getDuplicateOfId())));
        }
        box.add(fact("volunteer.pipeline.column.status", status));
        box.add(fact("volunteer.pipeline.column.received", new Span(Formats.timestamp(applicant.getCreatedAt()))));
        box.add(fact("volunteer.pipeline.column.age-band", new Span(getTranslation(
                applicant.getAgeBand().translationKey()))));
        box.add(fact("volunteer.pipeline.column.supporter-type", new Span(getTranslation(
                applicant.getSupporterType().translationKey()))));
        if (applicant.isAnonymised()) {
            Div notice = new Div(new Span(getTranslation("volunteer.privacy.anonymised-notice",
                    Formats.timestamp(applicant.getAnonymisedAt()))));
            notice.addClassNames("notice", "notice-info");
            box.add(notice);
        }
        return box;
    }

    private Component contact() {
        Div box = new Div();
        box.addClassName("event-facts");
        if (applicant.isAnonymised()) {
            return box;
        }
        if (applicant.getEmail() != null) {
            box.add(fact("volunteer.pipeline.email", new Anchor("mailto:" + applicant.getEmail(),
                    applicant.getEmail())));
        }
        if (applicant.getPhone() != null) {
            box.add(fact("volunteer.pipeline.phone", new Anchor("tel:" + applicant.getPhone()
                    .replaceAll("[^0-9+]", ""), applicant.getPhone())));
        }
        if (applicant.getAvailability() != null) {
            box.add(fact("volunteer.pipeline.availability", new PlainText(applicant.getAvailability())));
        }
        if (applicant.getMessage() != null) {
            box.add(fact("volunteer.pipeline.message", new PlainText(applicant.getMessage())));
        }
        if (applicant.getAgeBand().isMinor()) {
            box.add(fact("volunteer.pipeline.guardian", new Span(getTranslation(applicant.isGuardianConsent()
                    ? "volunteer.pipeline.guardian-consented" : "volunteer.pipeline.guardian-no-consent",
                    applicant.getGuardianName() == null ? "" : applicant.getGuardianName()))));
        }
        return box;
    }

    private Component fact(String labelKey, Component value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("event-fact-label");
        Div row = new Div(label, value);
        row.addClassName("event-fact");
        return row;
    }

    private Component statusActions() {
        Div buttons = new Div();
        buttons.addClassName("form-buttons");
        for (ApplicantStatus next : applicant.getStatus().next()) {
            Button move = new Button(getTranslation("volunteer.pipeline.move-to", getTranslation(
                    next.translationKey())), click -> moveTo(next));
            if (next == ApplicantStatus.CONTACTED || next == ApplicantStatus.ACTIVE) {
                move.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
            buttons.add(move);
        }
        return buttons;
    }

    private void moveTo(ApplicantStatus next) {
        Applicant moved = Feedback.attempt(this, () -> applicants.moveTo(applicant.getId(), applicant.getVersion(),
                next), Map.of(), this::reload);
        if (moved != null) {
            applicant = moved;
            Feedback.success(getTranslation("volunteer.pipeline.moved", getTranslation(next.translationKey())));
            render();
            changed();
        }
    }

    private Component notes() {
        Div box = new Div(new H3(getTranslation("volunteer.pipeline.notes")));
        box.addClassName("applicant-notes");
        List<ApplicantNote> list = Feedback.attempt(this, () -> applicants.notes(applicant.getId()), Map.of(), null);
        if (list != null && list.isEmpty()) {
            box.add(new Span(getTranslation("volunteer.pipeline.notes-empty")));
        }
        if (list != null) {
            for (ApplicantNote note : list) {
                Span when = new Span(Formats.timestamp(note.getCreatedAt()) + " " + note.getAuthor());
                when.addClassName("history-when");
                Div row = new Div(when, new PlainText(note.getText()));
                row.addClassName("applicant-note");
                box.add(row);
            }
        }
        if (!applicant.isAnonymised()) {
            Button add = new Button(getTranslation("volunteer.pipeline.note.add"), click -> addNote());
            box.add(noteText, add);
        }
        return box;
    }

    private void addNote() {
        noteText.setInvalid(false);
        ApplicantNote note = Feedback.attempt(this, () -> applicants.addNote(applicant.getId(), noteText.getValue()),
                Map.of("text", noteText), this::reload);
        if (note != null) {
            noteText.clear();
            Feedback.success(getTranslation("volunteer.pipeline.note.added"));
            reload();
            changed();
        }
    }

    private Component activity() {
        Div box = new Div(new H3(getTranslation("volunteer.pipeline.activity")));
        box.addClassName("applicant-activity");
        BigDecimal total = Feedback.attempt(this, () -> applicants.totalHours(applicant.getId()), Map.of(), null);
        List<VolunteerActivity> list = Feedback.attempt(this, () -> applicants.activities(applicant.getId()),
                Map.of(), null);
        if (total != null) {
            Span sum = new Span(getTranslation("volunteer.pipeline.activity.total", hoursText(total)));
            sum.addClassName("applicant-total");
            box.add(sum);
        }
        if (list != null) {
            for (VolunteerActivity item : list) {
                Div row = new Div(new Span(Formats.date(item.getActivityDate(), getLocale())),
                        new Span(getTranslation("volunteer.pipeline.activity.hours-value", hoursText(item.getHours()))),
                        new Span(item.getRole() == null ? "" : item.getRole()));
                row.addClassName("applicant-activity-row");
                box.add(row);
            }
        }
        if (!applicant.isAnonymised() && ApplicantStatus.RECRUITED.contains(applicant.getStatus())) {
            Button record = new Button(getTranslation("volunteer.pipeline.activity.record"), click -> record());
            Div form = new Div(date, hours, role, record);
            form.addClassName("applicant-activity-form");
            box.add(form);
        }
        return box;
    }

    private void record() {
        date.setInvalid(false);
        hours.setInvalid(false);
        role.setInvalid(false);
        VolunteerActivity recorded = Feedback.attempt(this, () -> applicants.recordActivity(applicant.getId(),
                date.getValue(), hours.getValue(), role.getValue()), Map.of("date", date, "hours", hours, "role",
                role), this::reload);
        if (recorded != null) {
            hours.clear();
            role.clear();
            // Emptying a required field validates it: the next entry should start clean, not flagged as missing.
            hours.setInvalid(false);
            role.setInvalid(false);
            Feedback.success(getTranslation("volunteer.pipeline.activity.recorded"));
            reload();
            changed();
        }
    }

    private static String hoursText(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private void confirmErase() {
        ConfirmDialog confirm = ComponentTexts.confirmDialog(getLocale());
        confirm.setHeader(getTranslation("volunteer.privacy.erase.title"));
        confirm.setText(getTranslation("volunteer.privacy.erase.explanation"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("volunteer.privacy.erase.confirm"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(click -> {
            Applicant erased = Feedback.attempt(this, () -> applicants.erase(applicant.getId()), Map.of(), null);
            if (erased != null) {
                applicant = erased;
                Feedback.success(getTranslation("volunteer.privacy.erase.done"));
                render();
                changed();
            }
        });
        confirm.open();
    }

    /** Reads the applicant again, e.g. for the version after a note or after someone else's change. */
    private void reload() {
        Applicant fresh = Feedback.attempt(this, () -> applicants.get(applicant.getId()), Map.of(), null);
        if (fresh != null) {
            applicant = fresh;
        }
        render();
    }

    private void changed() {
        fireEvent(new ChangedEvent(this));
    }

    /** Something about the applicant changed: the list behind the dialog should show it. */
    static class ChangedEvent extends ComponentEvent<ApplicantDetail> {

        ChangedEvent(ApplicantDetail source) {
            super(source, false);
        }
    }
}
