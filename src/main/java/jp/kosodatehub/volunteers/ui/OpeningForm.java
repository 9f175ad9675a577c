package jp.kosodatehub.volunteers.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import jp.kosodatehub.base.ui.ComponentTexts;
import jp.kosodatehub.base.ui.Feedback;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.base.validation.TextRules;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.reference.District;
import jp.kosodatehub.volunteers.Opening;
import jp.kosodatehub.volunteers.OpeningDraft;
import jp.kosodatehub.volunteers.OpeningSchedule;
import jp.kosodatehub.volunteers.OpeningService;
import jp.kosodatehub.volunteers.SupporterType;

/**
 * The opening form. It checks each field as the user goes, with the service's rules and words, and fires a
 * {@link SaveEvent} with the edited draft; the view decides what saving means (save, or save and submit).
 */
class OpeningForm extends Div {

    private final Binder<OpeningDraft> binder = new Binder<>(OpeningDraft.class);
    private final List<Event> eventChoices;

    final ComboBox<Organisation> organisation = new ComboBox<>();
    final TextField role = new TextField();
    final TextArea description = new TextArea();
    final RadioButtonGroup<OpeningSchedule> schedule = new RadioButtonGroup<>();
    final DatePicker onDate = new DatePicker();
    final TimePicker startTime = new TimePicker();
    final TimePicker endTime = new TimePicker();
    final Select<Event> event = new Select<>();
    final TextField place = new TextField();
    final Select<District> district = new Select<>();
    final IntegerField peopleNeeded = new IntegerField();
    final CheckboxGroup<SupporterType> suitableFor = new CheckboxGroup<>();
    final IntegerField minimumAge = new IntegerField();
    final TextField training = new TextField();
    final TextField contactPerson = new TextField();
    final Button save = new Button();
    final Button saveAndSubmit = new Button();

    private OpeningDraft draft;
    private LocalDate storedDate;

    /**
     * @param organisations the organisations to choose from, for the office; empty for a member, whose openings
     *                      always belong to their own organisation
     * @param eventChoices  the events an opening may be linked to (the office's list holds every organisation's)
     */
    OpeningForm(List<Organisation> organisations, List<District> districts, List<Event> eventChoices) {
        this.eventChoices = eventChoices;
        addClassNames("event-form", "opening-form");
        Locale locale = getLocale();
        LocalDate today = LocalDate.now(Formats.JAPAN);
        String tooLong = getTranslation("validation.too-long");

        organisation.setLabel(getTranslation("volunteer.opening.field.organisation"));
        organisation.setItems(organisations);
        organisation.setItemLabelGenerator(Organisation::getName);
        organisation.setVisible(!organisations.isEmpty());
        organisation.setRequiredIndicatorVisible(true);
        organisation.addValueChangeListener(change -> refreshEvents());

        role.setLabel(getTranslation("volunteer.opening.field.role"));
        role.setHelperText(getTranslation("volunteer.opening.field.role-help"));
        role.setMaxLength(Opening.ROLE_MAX);
        role.setRequiredIndicatorVisible(true);
        description.setLabel(getTranslation("volunteer.opening.field.description"));
        description.setMaxLength(Opening.DESCRIPTION_MAX);
        description.setMinHeight("8em");
        description.setI18n(new TextArea.TextAreaI18n().setMaxLengthErrorMessage(tooLong));

        schedule.setLabel(getTranslation("volunteer.opening.field.schedule"));
        schedule.setItems(OpeningSchedule.values());
        schedule.setItemLabelGenerator(item -> getTranslation(item.translationKey()));
        schedule.setRequiredIndicatorVisible(true);
        schedule.addValueChangeListener(change -> showSchedule());
        onDate.setLabel(getTranslation("volunteer.opening.field.on-date"));
        onDate.setMin(today);
        onDate.setI18n(ComponentTexts.datePicker(getLocale())
                .setMinErrorMessage(getTranslation("volunteer.opening.validation.date-past"))
                .setBadInputErrorMessage(getTranslation("validation.bad-date")));
        startTime.setLabel(getTranslation("volunteer.opening.field.start-time"));
        endTime.setLabel(getTranslation("volunteer.opening.field.end-time"));
        startTime.setStep(Duration.ofMinutes(15));
        endTime.setStep(Duration.ofMinutes(15));
        event.setLabel(getTranslation("volunteer.opening.field.event"));
        event.setItemLabelGenerator(item -> item == null ? "" : item.getTitle() + " ("
                + Formats.range(item.getStartsAt(), null, locale) + ")");
        event.setEmptySelectionAllowed(false);

        place.setLabel(getTranslation("volunteer.opening.field.place"));
        place.setMaxLength(Opening.PLACE_MAX);
        district.setLabel(getTranslation("volunteer.opening.field.district"));
        district.setItems(districts);
        district.setEmptySelectionAllowed(true);
        district.setEmptySelectionCaption(getTranslation("volunteer.opening.field.district-none"));
        district.setItemLabelGenerator(item -> item == null ? getTranslation("volunteer.opening.field.district-none")
                : item.displayName(locale));

        peopleNeeded.setLabel(getTranslation("volunteer.opening.field.people-needed"));
        peopleNeeded.setMin(1);
        peopleNeeded.setMax(Opening.PEOPLE_MAX);
        peopleNeeded.setStepButtonsVisible(true);
        peopleNeeded.setRequiredIndicatorVisible(true);
        peopleNeeded.setI18n(numberMessages("volunteer.opening.validation.people-range"));
        suitableFor.setLabel(getTranslation("volunteer.opening.field.suitable-for"));
        suitableFor.setItems(SupporterType.values());
        suitableFor.setItemLabelGenerator(type -> getTranslation(type.translationKey()));
        suitableFor.setRequiredIndicatorVisible(true);
        minimumAge.setLabel(getTranslation("volunteer.opening.field.minimum-age"));
        minimumAge.setHelperText(getTranslation("volunteer.opening.field.minimum-age-help"));
        minimumAge.setMin(OpeningService.MINIMUM_AGE_MIN);
        minimumAge.setMax(OpeningService.MINIMUM_AGE_MAX);
        minimumAge.setI18n(numberMessages("volunteer.opening.validation.age-range"));
        training.setLabel(getTranslation("volunteer.opening.field.training"));
        training.setHelperText(getTranslation("volunteer.opening.field.training-help"));
        training.setMaxLength(Opening.TRAINING_MAX);
        contactPerson.setLabel(getTranslation("volunteer.opening.field.contact-person"));
        contactPerson.setHelperText(getTranslation("volunteer.opening.field.contact-person-help"));
        contactPerson.setMaxLength(Opening.CONTACT_PERSON_MAX);
        contactPerson.setRequiredIndicatorVisible(true);
        for (TextField field : List.of(role, place, training, contactPerson)) {
            field.setI18n(new TextField.TextFieldI18n().setMaxLengthErrorMessage(tooLong));
        }

        bind(today);

        FormLayout layout = new FormLayout();
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        layout.add(organisation, 2);
        layout.add(role, 2);
        layout.add(schedule, 2);
        layout.add(onDate, 2);
        layout.add(startTime, endTime);
        layout.add(event, 2);
        layout.add(place, district);
        layout.add(peopleNeeded, minimumAge);
        layout.add(suitableFor, 2);
        layout.add(training, 2);
        layout.add(contactPerson, 2);
        layout.add(description, 2);

        save.setText(getTranslation("volunteer.opening.action.save-draft"));
        saveAndSubmit.setText(getTranslation("volunteer.opening.action.save-submit"));
        saveAndSubmit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> fireSave(false));
        saveAndSubmit.addClickListener(click -> fireSave(true));
        Div buttons = new Div(save, saveAndSubmit);
        buttons.addClassName("form-buttons");
        add(layout, buttons);
    }

    private IntegerField.IntegerFieldI18n numberMessages(String rangeKey) {
        return new IntegerField.IntegerFieldI18n().setMinErrorMessage(getTranslation(rangeKey))
                .setMaxErrorMessage(getTranslation(rangeKey))
                .setBadInputErrorMessage(getTranslation("validation.bad-number"));
    }

    private void bind(LocalDate today) {
        if (organisation.isVisible()) {
            binder.forField(organisation).asRequired(getTranslation("validation.required"))
                    .bind(OpeningDraft::getOrganisation, OpeningDraft::setOrganisation);
        }
        binder.forField(role).withValidator(text(true, Opening.ROLE_MAX, false))
                .bind(OpeningDraft::getRole, OpeningDraft::setRole);
        binder.forField(description).withValidator(text(false, Opening.DESCRIPTION_MAX, true))
                .bind(OpeningDraft::getDescription, OpeningDraft::setDescription);
        binder.forField(schedule).asRequired(getTranslation("validation.required"))
                .bind(OpeningDraft::getSchedule, OpeningDraft::setSchedule);
        binder.forField(onDate).withValidator(rule(value -> schedule.getValue() != OpeningSchedule.ONE_DATE ? null
                        : OpeningService.checkDate(value, storedDate, today)))
                .bind(OpeningDraft::getOnDate, OpeningDraft::setOnDate);
        binder.forField(startTime).bind(OpeningDraft::getStartTime, OpeningDraft::setStartTime);
        Binder.Binding<OpeningDraft, ?> end = binder.forField(endTime)
                .withValidator(rule(value -> schedule.getValue() != OpeningSchedule.ONE_DATE ? null
                        : OpeningService.checkEnd(startTime.getValue(), value)))
                .bind(OpeningDraft::getEndTime, OpeningDraft::setEndTime);
        startTime.addValueChangeListener(change -> {
            if (!endTime.isEmpty()) {
                end.validate();
            }
        });
        binder.forField(event)
                .withValidator(rule(value -> schedule.getValue() == OpeningSchedule.EVENT && value == null
                        ? "validation.required" : null))
                .bind(edited -> eventChoices.stream().filter(item -> item.getId().equals(edited.getEventId()))
                        .findFirst().orElse(null), (edited, chosen) -> edited.setEventId(
                        chosen == null ? null : chosen.getId()));
        binder.forField(place).withValidator(text(false, Opening.PLACE_MAX, false))
                .bind(OpeningDraft::getPlace, OpeningDraft::setPlace);
        binder.forField(district).bind(OpeningDraft::getDistrict, OpeningDraft::setDistrict);
        binder.forField(peopleNeeded).asRequired(getTranslation("validation.required"))
                .withValidator(rule(value -> value < 1 || value > Opening.PEOPLE_MAX
                        ? "volunteer.opening.validation.people-range" : null))
                .bind(OpeningDraft::getPeopleNeeded, OpeningDraft::setPeopleNeeded);
        binder.forField(minimumAge)
                .withValidator(rule(value -> value != null && (value < OpeningService.MINIMUM_AGE_MIN
                        || value > OpeningService.MINIMUM_AGE_MAX) ? "volunteer.opening.validation.age-range" : null))
                .bind(OpeningDraft::getMinimumAge, OpeningDraft::setMinimumAge);
        binder.forField(suitableFor)
                .withValidator(rule(value -> value == null || value.isEmpty()
                        ? "volunteer.opening.validation.suitable-required" : null))
                .bind(OpeningDraft::getSuitableFor, OpeningDraft::setSuitableFor);
        binder.forField(training).withValidator(text(false, Opening.TRAINING_MAX, false))
                .bind(OpeningDraft::getTraining, OpeningDraft::setTraining);
        binder.forField(contactPerson).withValidator(text(true, Opening.CONTACT_PERSON_MAX, false))
                .bind(OpeningDraft::getContactPerson, OpeningDraft::setContactPerson);
    }

    private Validator<String> text(boolean required, int max, boolean multiLine) {
        return rule(value -> TextRules.check(value, required, max, multiLine));
    }

    /** Adapts a rule that returns a translation key (or null when fine) to a Binder validator. */
    private <T> Validator<T> rule(Function<T, String> check) {
        return (value, context) -> {
            String key = check.apply(value);
            return key == null ? ValidationResult.ok() : ValidationResult.error(getTranslation(key));
        };
    }

    /** Shows the fields of the chosen kind of schedule: a day and times, an event, or nothing for ongoing. */
    private void showSchedule() {
        boolean oneDate = schedule.getValue() == OpeningSchedule.ONE_DATE;
        onDate.setVisible(oneDate);
        startTime.setVisible(oneDate);
        endTime.setVisible(oneDate);
        event.setVisible(schedule.getValue() == OpeningSchedule.EVENT);
    }

    /** The office picks events of the organisation chosen above; a member's list holds only their own. */
    private void refreshEvents() {
        Event chosen = event.getValue();
        Organisation owner = organisation.getValue();
        List<Event> items = !organisation.isVisible() || owner == null ? eventChoices
                : eventChoices.stream().filter(item -> Objects.equals(item.getOrganisation().getId(),
                        owner.getId())).toList();
        event.setItems(items);
        event.setHelperText(items.isEmpty() ? getTranslation("volunteer.opening.field.event-none") : null);
        if (chosen != null && items.contains(chosen)) {
            event.setValue(chosen);
        }
    }

    void edit(OpeningDraft edited) {
        this.draft = edited;
        this.storedDate = edited.getId() == null ? null : edited.getOnDate();
        refreshEvents();
        binder.readBean(edited);
        showSchedule();
    }

    /** Whether the buttons are offered: a submit button only where submitting is possible. */
    void setActions(boolean canSave, boolean canSubmit) {
        // Once submitted, "save draft" would be misleading: the opening is no longer a draft.
        save.setText(getTranslation(canSubmit ? "volunteer.opening.action.save-draft"
                : "volunteer.opening.action.save-changes"));
        save.setVisible(canSave);
        saveAndSubmit.setVisible(canSave && canSubmit);
        binder.setReadOnly(!canSave);
    }

    Map<String, HasValidation> fields() {
        return Map.ofEntries(Map.entry("organisation", organisation), Map.entry("role", role),
                Map.entry("description", description), Map.entry("schedule", schedule),
                Map.entry("onDate", onDate), Map.entry("startTime", startTime), Map.entry("endTime", endTime),
                Map.entry("eventId", event), Map.entry("place", place), Map.entry("district", district),
                Map.entry("peopleNeeded", peopleNeeded), Map.entry("minimumAge", minimumAge),
                Map.entry("suitableFor", suitableFor), Map.entry("training", training),
                Map.entry("contactPerson", contactPerson));
    }

    private void fireSave(boolean submit) {
        if (binder.writeBeanIfValid(draft)) {
            fireEvent(new SaveEvent(this, draft, submit));
        } else {
            binder.validate();
            Feedback.error(getTranslation("error.check-fields"));
        }
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    /** The user asked to save the opening, and perhaps to submit it right after. */
    static class SaveEvent extends ComponentEvent<OpeningForm> {

        private final transient OpeningDraft draft;
        private final boolean submit;

        SaveEvent(OpeningForm source, OpeningDraft draft, boolean submit) {
            super(source, false);
            this.draft = draft;
            this.submit = submit;
        }

        OpeningDraft draft() {
            return draft;
        }

        boolean submit() {
            return submit;
        }
    }
}
