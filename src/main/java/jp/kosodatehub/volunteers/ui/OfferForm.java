package jp.kosodatehub.volunteers.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import jp.kosodatehub.base.ui.Feedback;
import jp.kosodatehub.base.validation.TextRules;
import jp.kosodatehub.volunteers.Applicant;
import jp.kosodatehub.volunteers.HelpOffer;
import jp.kosodatehub.volunteers.OfferRules;
import jp.kosodatehub.volunteers.OfferService;
import jp.kosodatehub.volunteers.SupporterType;
import jp.kosodatehub.volunteers.VolunteerAgeBand;

/**
 * The public offer-of-help form: a few fields, the privacy notice in full, and consent. It checks each field as the
 * visitor goes and fires a {@link SubmitEvent} with the offer; the view sends it to the service.
 */
class OfferForm extends Div {

    private final Binder<HelpOffer> binder = new Binder<>(HelpOffer.class);
    private final HelpOffer offer = new HelpOffer();
    private final Integer minimumAge;

    final TextField name = new TextField();
    final TextField email = new TextField();
    final TextField phone = new TextField();
    final Select<VolunteerAgeBand> ageBand = new Select<>();
    final RadioButtonGroup<SupporterType> supporterType = new RadioButtonGroup<>();
    final TextField availability = new TextField();
    final TextArea message = new TextArea();
    final TextField guardianName = new TextField();
    final Checkbox guardianConsent = new Checkbox();
    final Checkbox privacyConsent = new Checkbox();
    final TextField website = new TextField();
    final Button submit = new Button();

    /**
     * @param organisationName who receives the offer, named in the privacy notice
     * @param networkName the network whose office also sees offers
     * @param retentionMonths how long personal data is kept after the last contact
     * @param minimumAge the opening's minimum age, or {@code null}
     */
    OfferForm(String organisationName, String networkName, int retentionMonths, Integer minimumAge) {
        this.minimumAge = minimumAge;
        addClassName("offer-form");

        name.setLabel(getTranslation("volunteer.offer.field.name"));
        name.setMaxLength(Applicant.NAME_MAX);
        name.setRequiredIndicatorVisible(true);
        name.setAutocomplete(Autocomplete.NAME);

        email.setLabel(getTranslation("volunteer.offer.field.email"));
        email.setMaxLength(Applicant.EMAIL_MAX);
        email.setAutocomplete(Autocomplete.EMAIL);
        email.getElement().setAttribute("inputmode", "email");
        email.setHelperText(getTranslation("volunteer.offer.field.contact-help"));
        phone.setLabel(getTranslation("volunteer.offer.field.phone"));
        phone.setMaxLength(Applicant.PHONE_MAX);
        phone.setAutocomplete(Autocomplete.TEL);
        phone.getElement().setAttribute("inputmode", "tel");
        phone.setHelperText(getTranslation("volunteer.offer.field.phone-help"));

        ageBand.setLabel(getTranslation("volunteer.offer.field.age-band"));
        ageBand.setItems(VolunteerAgeBand.values());
        ageBand.setItemLabelGenerator(band -> band == null ? "" : getTranslation(band.translationKey()));
        ageBand.setRequiredIndicatorVisible(true);
        if (minimumAge != null) {
            ageBand.setHelperText(getTranslation("volunteer.offer.below-minimum-age-named", minimumAge));
        }

        supporterType.setLabel(getTranslation("volunteer.offer.field.supporter-type"));
        supporterType.setItems(SupporterType.values());
        supporterType.setItemLabelGenerator(type -> getTranslation(
                "volunteer.offer.supporter." + type.name().toLowerCase(Locale.ROOT)));
        supporterType.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        supporterType.setRequiredIndicatorVisible(true);

        availability.setLabel(getTranslation("volunteer.offer.field.availability"));
        availability.setHelperText(getTranslation("volunteer.offer.field.availability-help"));
        availability.setMaxLength(Applicant.AVAILABILITY_MAX);
        message.setLabel(getTranslation("volunteer.offer.field.message"));
        message.setHelperText(getTranslation("volunteer.offer.field.message-help"));
        message.setMaxLength(Applicant.MESSAGE_MAX);
        message.setMinHeight("6em");

        guardianName.setLabel(getTranslation("volunteer.offer.field.guardian-name"));
        guardianName.setHelperText(getTranslation("volunteer.offer.field.guardian-help"));
        guardianName.setMaxLength(Applicant.NAME_MAX);
        guardianName.setRequiredIndicatorVisible(true);
        guardianConsent.setLabel(getTranslation("volunteer.offer.field.guardian-consent"));
        privacyConsent.setLabel(getTranslation("volunteer.offer.field.privacy-consent"));

        honeypot();
        withMessages();
        bind();

        FormLayout layout = new FormLayout();
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        layout.add(name, 2);
        layout.add(email, phone);
        layout.add(ageBand, supporterType);
        layout.add(guardianName, guardianConsent);
        layout.add(availability, 2);
        layout.add(message, 2);
        showGuardianFields(false);

        submit.setText(getTranslation("volunteer.offer.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(click -> fireSubmit());
        Div buttons = new Div(submit);
        buttons.addClassName("form-buttons");

        add(layout, website, notice(organisationName, networkName, retentionMonths), privacyConsent, buttons);
    }

    /**
     * A field people never see or reach, with a harmless name robots like to fill in. Moved off-screen in CSS rather
     * than hidden with display:none, which some robots detect.
     */
    private void honeypot() {
        website.setLabel(getTranslation("volunteer.offer.field.website"));
        website.addClassName("hp-field");
        website.setTabIndex(-1);
        website.setAutocomplete(Autocomplete.OFF);
        website.getElement().setAttribute("aria-hidden", "true");
    }

    /** The privacy notice in full, where it is read before consenting, not behind a link. */
    private Div notice(String organisationName, String networkName, int retentionMonths) {
        H3 title = new H3(getTranslation("volunteer.offer.notice.title"));
        UnorderedList points = new UnorderedList(
                new ListItem(getTranslation("volunteer.offer.notice.recipients", organisationName, networkName)),
                new ListItem(getTranslation("volunteer.offer.notice.purpose")),
                new ListItem(getTranslation("volunteer.offer.notice.stored")),
                new ListItem(getTranslation("volunteer.offer.notice.retention", retentionMonths)),
                new ListItem(getTranslation("volunteer.offer.notice.statistics", networkName)),
                new ListItem(getTranslation("volunteer.offer.notice.deletion", organisationName, networkName)));
        Paragraph version = new Paragraph(getTranslation("volunteer.offer.notice.version",
                OfferService.NOTICE_VERSION));
        version.addClassName("privacy-notice-version");
        Div box = new Div(title, points, version);
        box.addClassName("privacy-notice");
        // Scrollable, so it must be reachable by keyboard; named so a screen reader announces what it is.
        box.getElement().setAttribute("tabindex", "0");
        box.getElement().setAttribute("role", "region");
        box.getElement().setAttribute("aria-label", getTranslation("volunteer.offer.notice.title"));
        return box;
    }

    /** The fields' own length checks speak with the same words as the rules. */
    private void withMessages() {
        String tooLong = getTranslation("validation.too-long");
        for (TextField field : List.of(name, email, phone, availability, guardianName)) {
            field.setI18n(new TextField.TextFieldI18n().setMaxLengthErrorMessage(tooLong));
        }
        message.setI18n(new TextArea.TextAreaI18n().setMaxLengthErrorMessage(tooLong));
    }

    private void bind() {
        binder.forField(name).withValidator(text(true, Applicant.NAME_MAX, false))
                .bind(HelpOffer::getName, HelpOffer::setName);
        Binder.Binding<HelpOffer, String> emailBinding = binder.forField(email)
                .withValidator(rule(value -> contactProblem(value, phone.getValue(), OfferRules.checkEmail(value))))
                .bind(HelpOffer::getEmail, HelpOffer::setEmail);
        Binder.Binding<HelpOffer, String> phoneBinding = binder.forField(phone)
                .withValidator(rule(value -> contactProblem(email.getValue(), value, OfferRules.checkPhone(value))))
                .bind(HelpOffer::getPhone, HelpOffer::setPhone);
        // Either contact will do: filling one in clears the "one of the two" message on the other.
        email.addValueChangeListener(change -> {
            if (phone.isInvalid()) {
                phoneBinding.validate();
            }
        });
        phone.addValueChangeListener(change -> {
            if (email.isInvalid()) {
                emailBinding.validate();
            }
        });
        binder.forField(ageBand).asRequired(getTranslation("validation.required"))
                .withValidator((band, context) -> band.canBeAtLeast(minimumAge) ? ValidationResult.ok()
                        : ValidationResult.error(getTranslation("volunteer.offer.below-minimum-age-named", minimumAge)))
                .bind(HelpOffer::getAgeBand, HelpOffer::setAgeBand);
        ageBand.addValueChangeListener(change -> showGuardianFields(change.getValue() != null
                && change.getValue().isMinor()));
        binder.forField(supporterType).asRequired(getTranslation("validation.required"))
                .bind(HelpOffer::getSupporterType, HelpOffer::setSupporterType);
        binder.forField(availability).withValidator(text(false, Applicant.AVAILABILITY_MAX, false))
                .bind(HelpOffer::getAvailability, HelpOffer::setAvailability);
        binder.forField(message).withValidator(text(false, Applicant.MESSAGE_MAX, true))
                .bind(HelpOffer::getMessage, HelpOffer::setMessage);
        binder.forField(guardianName)
                .withValidator(rule(value -> minor() ? TextRules.check(value, true, Applicant.NAME_MAX, false) : null))
                .bind(HelpOffer::getGuardianName, HelpOffer::setGuardianName);
        binder.forField(guardianConsent)
                .withValidator(rule(value -> minor() && !value ? "volunteer.offer.guardian-consent-required" : null))
                .bind(HelpOffer::isGuardianConsent, HelpOffer::setGuardianConsent);
        binder.forField(privacyConsent)
                .withValidator(rule(value -> value ? null : "volunteer.offer.privacy-consent-required"))
                .bind(HelpOffer::isPrivacyConsent, HelpOffer::setPrivacyConsent);
        binder.forField(website).bind(HelpOffer::getWebsite, HelpOffer::setWebsite);
        binder.readBean(offer);
    }

    private static String contactProblem(String email, String phone, String ownProblem) {
        return OfferRules.hasContact(email, phone) ? ownProblem : "volunteer.offer.contact-required";
    }

    private boolean minor() {
        return ageBand.getValue() != null && ageBand.getValue().isMinor();
    }

    private void showGuardianFields(boolean show) {
        guardianName.setVisible(show);
        guardianConsent.setVisible(show);
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

    /** The form's fields by the service's field names, so refusals show where they belong. */
    Map<String, HasValidation> fields() {
        return Map.of("name", name, "email", email, "phone", phone, "ageBand", ageBand,
                "supporterType", supporterType, "availability", availability, "message", message,
                "guardianName", guardianName, "guardianConsent", guardianConsent, "privacyConsent", privacyConsent);
    }

    private void fireSubmit() {
        if (binder.writeBeanIfValid(offer)) {
            fireEvent(new SubmitEvent(this, offer));
        } else {
            binder.validate();
            Feedback.error(getTranslation("error.check-fields"));
        }
    }

    Registration addSubmitListener(ComponentEventListener<SubmitEvent> listener) {
        return addListener(SubmitEvent.class, listener);
    }

    /** The visitor sent the offer; the form's own checks have passed. */
    static class SubmitEvent extends ComponentEvent<OfferForm> {

        private final transient HelpOffer offer;

        SubmitEvent(OfferForm source, HelpOffer offer) {
            super(source, false);
            this.offer = offer;
        }

        HelpOffer offer() {
            return offer;
        }
    }
}
