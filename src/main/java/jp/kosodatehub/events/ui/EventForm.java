package jp.kosodatehub.events.ui;

import java.util.function.Function;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.kosodatehub.base.ui.ComponentTexts;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.base.validation.InvalidInputException;
import jp.kosodatehub.base.validation.TextRules;
import jp.kosodatehub.events.AgeBand;
import jp.kosodatehub.events.EventDraft;
import jp.kosodatehub.events.EventLimits;
import jp.kosodatehub.events.EventRules;
import jp.kosodatehub.events.Facility;
import jp.kosodatehub.events.InitiativeChoice;
import jp.kosodatehub.events.TargetGroup;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.reference.District;
import jp.kosodatehub.reference.EventKind;

/**
 * The event form. It checks each field against {@link EventRules} as the user goes and fires a {@link SaveEvent}
 * with the edited draft; the view decides what saving means (save, or save and submit).
 */
class EventForm extends Div {

    private final Binder<EventDraft> binder = new Binder<>(EventDraft.class);

    final ComboBox<Organisation> organisation = new ComboBox<>();
    final TextField title = new TextField();
    final Select<EventKind> kind = new Select<>();
    final DateTimePicker startsAt = ComponentTexts.texts(new DateTimePicker());
    final DateTimePicker endsAt = ComponentTexts.texts(new DateTimePicker());
    final TextField venueName = new TextField();
    final TextField venueAddress = new TextField();
    final Select<District> district = new Select<>();
    final CheckboxGroup<AgeBand> ageBands = new CheckboxGroup<>();
    final CheckboxGroup<TargetGroup> targetGroups = new CheckboxGroup<>();
    final CheckboxGroup<Facility> facilities = new CheckboxGroup<>();
    final MultiSelectComboBox<InitiativeChoice> initiatives = new MultiSelectComboBox<>();
    final RepeatFields repeat = new RepeatFields(startsAt::getValue, this::moveStartTo);
    final Checkbox free = new Checkbox();
    final IntegerField feeYen = new IntegerField();
    final Checkbox bookingRequired = new Checkbox();
    final TextArea bookingHow = new TextArea();
    final DatePicker bookingDeadline = new DatePicker();
    final IntegerField capacity = new IntegerField();
    final TextField contact = new TextField();
    final TextArea description = new TextArea();
    final Button save = new Button();
    final Button saveAndSubmit = new Button();

    private EventDraft draft;

    /**
     * @param organisations the organisations to choose from, for the office; empty for a member, whose events
     *                      always belong to their own organisation
     * @param initiativeChoices the initiatives of the shared goals an event may serve; the field is hidden when
     *                          there are none
     */
    EventForm(List<Organisation> organisations, List<EventKind> kinds, List<District> districts,
              List<InitiativeChoice> initiativeChoices) {
        addClassName("event-form");
        Locale locale = getLocale();
        LocalDate today = LocalDate.now(Formats.JAPAN);

        organisation.setLabel(getTranslation("event.field.organiser"));
        organisation.setItems(organisations);
        organisation.setItemLabelGenerator(Organisation::getName);
        organisation.setVisible(!organisations.isEmpty());
        organisation.setRequiredIndicatorVisible(true);

        title.setLabel(getTranslation("event.field.title"));
        title.setMaxLength(EventLimits.TITLE_MAX);
        title.setRequiredIndicatorVisible(true);

        kind.setLabel(getTranslation("event.field.kind"));
        kind.setItems(kinds);
        kind.setItemLabelGenerator(item -> item == null ? "" : item.displayName(locale));
        kind.setRequiredIndicatorVisible(true);

        startsAt.setLabel(getTranslation("event.field.starts-at"));
        endsAt.setLabel(getTranslation("event.field.ends-at"));
        for (DateTimePicker picker : List.of(startsAt, endsAt)) {
            picker.setStep(Duration.ofMinutes(15));
            picker.setMin(EventLimits.earliestDate(today).atStartOfDay());
            picker.setMax(EventLimits.latestDate(today).atTime(23, 59));
            picker.setRequiredIndicatorVisible(true);
        }
        // Most events last a couple of hours: propose an end so the user only adjusts it.
        startsAt.addValueChangeListener(change -> {
            if (change.getValue() != null && endsAt.isEmpty()) {
                endsAt.setValue(change.getValue().plusHours(2));
            }
        });

        venueName.setLabel(getTranslation("event.field.venue-name"));
        venueName.setMaxLength(EventLimits.VENUE_NAME_MAX);
        venueName.setRequiredIndicatorVisible(true);
        venueAddress.setLabel(getTranslation("event.field.venue-address"));
        venueAddress.setMaxLength(EventLimits.VENUE_ADDRESS_MAX);
        district.setLabel(getTranslation("event.field.district"));
        district.setItems(districts);
        district.setEmptySelectionAllowed(true);
        district.setEmptySelectionCaption(getTranslation("event.field.district-none"));
        district.setItemLabelGenerator(item -> item == null ? getTranslation("event.field.district-none")
                : item.displayName(locale));

        ageBands.setLabel(getTranslation("event.field.age-bands"));
        ageBands.setItems(AgeBand.values());
        ageBands.setItemLabelGenerator(band -> getTranslation(band.translationKey()));
        ageBands.setRequiredIndicatorVisible(true);

        targetGroups.setLabel(getTranslation("event.field.target-groups"));
        targetGroups.setItems(TargetGroup.values());
        targetGroups.setItemLabelGenerator(group -> getTranslation(group.translationKey()));
        facilities.setLabel(getTranslation("event.field.facilities"));
        facilities.setItems(Facility.values());
        facilities.setItemLabelGenerator(facility -> getTranslation(facility.translationKey()));
        startsAt.addValueChangeListener(change -> repeat.refresh());

        initiatives.setLabel(getTranslation("event.field.initiatives"));
        initiatives.setHelperText(getTranslation("event.field.initiatives-help"));
        initiatives.setItems(initiativeChoices);
        initiatives.setItemLabelGenerator(InitiativeChoice::label);
        initiatives.setVisible(!initiativeChoices.isEmpty());

        free.setLabel(getTranslation("event.free"));
        feeYen.setLabel(getTranslation("event.field.fee"));
        feeYen.setSuffixComponent(new Span(getTranslation("event.yen")));
        feeYen.setMin(1);
        feeYen.setMax(EventLimits.FEE_MAX);
        free.addValueChangeListener(change -> feeYen.setVisible(!change.getValue()));

        bookingRequired.setLabel(getTranslation("event.booking-required"));
        bookingHow.setLabel(getTranslation("event.field.booking-how"));
        bookingHow.setMaxLength(EventLimits.BOOKING_HOW_MAX);
        bookingDeadline.setLabel(getTranslation("event.field.booking-deadline"));
        bookingDeadline.setMin(EventLimits.earliestDate(today));
        bookingDeadline.setMax(EventLimits.latestDate(today));
        bookingRequired.addValueChangeListener(change -> {
            bookingHow.setVisible(change.getValue());
            bookingDeadline.setVisible(change.getValue());
        });

        capacity.setLabel(getTranslation("event.field.capacity"));
        capacity.setMin(0);
        capacity.setMax(EventLimits.CAPACITY_MAX);
        contact.setLabel(getTranslation("event.field.contact"));
        contact.setMaxLength(EventLimits.CONTACT_MAX);
        description.setLabel(getTranslation("event.field.description"));
        description.setHelperText(getTranslation("event.field.description-help"));
        description.setMaxLength(EventLimits.DESCRIPTION_MAX);
        description.setMinHeight("10em");

        withMessages(today);
        bind(today);

        FormLayout layout = new FormLayout();
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        layout.add(organisation, 2);
        layout.add(title, 2);
        layout.add(kind, district);
        layout.add(startsAt, endsAt);
        layout.add(venueName, venueAddress);
        layout.add(repeat, 2);
        layout.add(ageBands, 2);
        layout.add(targetGroups, 2);
        layout.add(facilities, 2);
        layout.add(initiatives, 2);
        layout.add(free, feeYen);
        layout.add(bookingRequired, capacity);
        layout.add(bookingHow, bookingDeadline);
        layout.add(contact, 2);
        layout.add(description, 2);

        save.setText(getTranslation("event.action.save-draft"));
        saveAndSubmit.setText(getTranslation("event.action.save-submit"));
        saveAndSubmit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> fireSave(false));
        saveAndSubmit.addClickListener(click -> fireSave(true));
        Div buttons = new Div(save, saveAndSubmit);
        buttons.addClassName("form-buttons");
        add(layout, buttons);
    }

    /**
     * The fields check their own limits (length, range, unreadable input) before the form's rules run; give those
     * checks the same words as the rules, so the user never sees a red field without a reason.
     */
    private void withMessages(LocalDate today) {
        String tooLong = getTranslation("validation.too-long");
        for (TextField field : List.of(title, venueName, venueAddress, contact)) {
            field.setI18n(new TextField.TextFieldI18n().setMaxLengthErrorMessage(tooLong));
        }
        for (TextArea area : List.of(bookingHow, description)) {
            area.setI18n(new TextArea.TextAreaI18n().setMaxLengthErrorMessage(tooLong));
        }
        String dateRange = getTranslation("event.validation.date-out-of-range");
        String badDate = getTranslation("validation.bad-date");
        for (DateTimePicker picker : List.of(startsAt, endsAt)) {
            picker.setI18n(new DateTimePicker.DateTimePickerI18n().setMinErrorMessage(dateRange)
                    .setMaxErrorMessage(dateRange).setBadInputErrorMessage(badDate)
                    .setIncompleteInputErrorMessage(badDate));
        }
        bookingDeadline.setI18n(ComponentTexts.datePicker(getLocale()).setMinErrorMessage(dateRange)
                .setMaxErrorMessage(dateRange).setBadInputErrorMessage(badDate));
        capacity.setI18n(new IntegerField.IntegerFieldI18n()
                .setMinErrorMessage(getTranslation("event.validation.capacity-range"))
                .setMaxErrorMessage(getTranslation("event.validation.capacity-range"))
                .setBadInputErrorMessage(getTranslation("validation.bad-number")));
        feeYen.setI18n(new IntegerField.IntegerFieldI18n()
                .setMinErrorMessage(getTranslation("event.validation.fee-range"))
                .setMaxErrorMessage(getTranslation("event.validation.fee-range"))
                .setBadInputErrorMessage(getTranslation("validation.bad-number")));
    }

    private void bind(LocalDate today) {
        if (organisation.isVisible()) {
            binder.forField(organisation).asRequired(getTranslation("validation.required"))
                    .bind(EventDraft::getOrganisation, EventDraft::setOrganisation);
        }
        binder.forField(title).withValidator(text(true, EventLimits.TITLE_MAX, false))
                .bind(EventDraft::getTitle, EventDraft::setTitle);
        binder.forField(kind).asRequired(getTranslation("validation.required"))
                .bind(EventDraft::getKind, EventDraft::setKind);
        binder.forField(startsAt).withValidator(rule(value -> EventRules.checkDateTime(value, today)))
                .bind(EventDraft::getStartsAt, EventDraft::setStartsAt);
        Binder.Binding<EventDraft, ?> end = binder.forField(endsAt)
                .withValidator(rule(value -> EventRules.checkEnd(startsAt.getValue(), value, today)))
                .bind(EventDraft::getEndsAt, EventDraft::setEndsAt);
        startsAt.addValueChangeListener(change -> {
            if (!endsAt.isEmpty()) {
                end.validate();
            }
        });
        binder.forField(venueName).withValidator(text(true, EventLimits.VENUE_NAME_MAX, false))
                .bind(EventDraft::getVenueName, EventDraft::setVenueName);
        binder.forField(venueAddress).withValidator(text(false, EventLimits.VENUE_ADDRESS_MAX, false))
                .bind(EventDraft::getVenueAddress, EventDraft::setVenueAddress);
        binder.forField(district).bind(EventDraft::getDistrict, EventDraft::setDistrict);
        binder.forField(ageBands)
                .withValidator(rule(value -> value == null || value.isEmpty()
                        ? "event.validation.age-band-required" : null))
                .bind(EventDraft::getAgeBands, EventDraft::setAgeBands);
        binder.forField(targetGroups).bind(EventDraft::getTargetGroups, EventDraft::setTargetGroups);
        binder.forField(facilities).bind(EventDraft::getFacilities, EventDraft::setFacilities);
        binder.forField(initiatives).bind(this::chosenInitiatives,
                (edited, chosen) -> edited.setInitiativeIds(chosen.stream().map(InitiativeChoice::id)
                        .collect(Collectors.toSet())));
        binder.forField(free).bind(EventDraft::isFree, EventDraft::setFree);
        binder.forField(feeYen).withValidator(rule(value -> EventRules.checkFee(free.getValue(), value)))
                .bind(EventDraft::getFeeYen, EventDraft::setFeeYen);
        binder.forField(bookingRequired).bind(EventDraft::isBookingRequired, EventDraft::setBookingRequired);
        binder.forField(bookingHow)
                .withValidator(rule(value -> bookingRequired.getValue() && TextRules.isBlank(value)
                        ? "event.validation.booking-how-required"
                        : TextRules.check(value, false, EventLimits.BOOKING_HOW_MAX, true)))
                .bind(EventDraft::getBookingHow, EventDraft::setBookingHow);
        binder.forField(bookingDeadline)
                .withValidator(rule(value -> EventRules.checkBookingDeadline(value, startsAt.getValue(), today)))
                .bind(EventDraft::getBookingDeadline, EventDraft::setBookingDeadline);
        binder.forField(capacity).withValidator(rule(EventRules::checkCapacity))
                .bind(EventDraft::getCapacity, EventDraft::setCapacity);
        binder.forField(contact).withValidator(text(false, EventLimits.CONTACT_MAX, false))
                .bind(EventDraft::getContact, EventDraft::setContact);
        binder.forField(description).withValidator(text(false, EventLimits.DESCRIPTION_MAX, true))
                .bind(EventDraft::getDescription, EventDraft::setDescription);
    }

    private Set<InitiativeChoice> chosenInitiatives(EventDraft edited) {
        Set<Long> ids = edited.getInitiativeIds();
        return initiatives.getListDataView().getItems().filter(choice -> ids.contains(choice.id()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
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

    void edit(EventDraft draft) {
        this.draft = draft;
        binder.readBean(draft);
        repeat.read(draft);
        feeYen.setVisible(!free.getValue());
        bookingHow.setVisible(bookingRequired.getValue());
        bookingDeadline.setVisible(bookingRequired.getValue());
    }

    /** Whether the buttons are offered: a submit button only where submitting is possible. */
    void setActions(boolean canSave, boolean canSubmit) {
        // Once submitted, "save draft" would be misleading: the event is no longer a draft.
        save.setText(getTranslation(canSubmit ? "event.action.save-draft" : "event.action.save-changes"));
        save.setVisible(canSave);
        saveAndSubmit.setVisible(canSave && canSubmit);
        binder.setReadOnly(!canSave);
        repeat.setEnabled(canSave);
    }

    void showProblems(InvalidInputException problems) {
        jp.kosodatehub.base.ui.Feedback.showProblems(this, problems, fields());
    }

    Map<String, HasValidation> fields() {
        return Map.ofEntries(Map.entry("recurrence", repeat.kind), Map.entry("skipTo", repeat.skipTo),
                Map.entry("organisation", organisation), Map.entry("title", title),
                Map.entry("kind", kind), Map.entry("startsAt", startsAt), Map.entry("endsAt", endsAt),
                Map.entry("venueName", venueName), Map.entry("venueAddress", venueAddress),
                Map.entry("district", district), Map.entry("ageBands", ageBands), Map.entry("feeYen", feeYen),
                Map.entry("bookingHow", bookingHow), Map.entry("bookingDeadline", bookingDeadline),
                Map.entry("capacity", capacity), Map.entry("contact", contact),
                Map.entry("description", description), Map.entry("initiativeIds", initiatives));
    }

    private void fireSave(boolean submit) {
        if (binder.writeBeanIfValid(draft) && repeat.write(draft)) {
            fireEvent(new SaveEvent(this, draft, submit));
        } else {
            binder.validate();
            bringFirstRefusedIntoView();
            jp.kosodatehub.base.ui.Feedback.error(getTranslation("error.check-fields"));
        }
    }

    /**
     * The form is longer than a phone's screen: the first field refused, by the form or by the service, is
     * scrolled into view and focused, so the user sees its message instead of a field off screen.
     */
    void bringFirstRefusedIntoView() {
        List<HasValidation> ordered = new ArrayList<>(List.of(organisation, title, kind, district, startsAt, endsAt,
                venueName, venueAddress));
        ordered.addAll(repeat.ordered());
        ordered.addAll(List.of(ageBands, targetGroups, facilities, initiatives, feeYen, bookingHow, bookingDeadline,
                capacity, contact, description));
        ordered.stream().filter(HasValidation::isInvalid).findFirst().ifPresent(field -> {
            if (field instanceof Component component) {
                component.scrollIntoView();
            }
            if (field instanceof Focusable<?> focusable) {
                focusable.focus();
            }
        });
    }

    /** Moves the first date to another day at the same time, its end with it. */
    private void moveStartTo(LocalDate day) {
        LocalDateTime start = startsAt.getValue();
        if (start == null) {
            return;
        }
        LocalDateTime moved = day.atTime(start.toLocalTime());
        if (endsAt.getValue() != null) {
            // The end first: set after the start, it would be checked against the new start while still old.
            endsAt.setValue(moved.plus(Duration.between(start, endsAt.getValue())));
        }
        startsAt.setValue(moved);
    }

    Registration addSaveListener(com.vaadin.flow.component.ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    /** The user asked to save the draft, and perhaps to submit it right after. */
    static class SaveEvent extends ComponentEvent<EventForm> {

        private final transient EventDraft draft;
        private final boolean submit;

        SaveEvent(EventForm source, EventDraft draft, boolean submit) {
            super(source, false);
            this.draft = draft;
            this.submit = submit;
        }

        EventDraft draft() {
            return draft;
        }

        boolean submit() {
            return submit;
        }
    }
}
