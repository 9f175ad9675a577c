package jp.kosodatehub.volunteers.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jp.kosodatehub.base.ui.ComponentTexts;
import jp.kosodatehub.base.ui.Feedback;
import jp.kosodatehub.base.validation.InvalidInputException;
import jp.kosodatehub.base.validation.TextRules;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.volunteers.Story;
import jp.kosodatehub.volunteers.StoryDraft;
import jp.kosodatehub.volunteers.SupporterType;

/**
 * The story form: who speaks, their words, the photo consent, and (once the story is saved) its photo. It checks
 * the fields as the user goes and fires typed events; the view decides what they mean for the service.
 */
class StoryForm extends Div {

    static final int PHOTO_MAX_BYTES = 5 * 1024 * 1024;

    private final Binder<StoryDraft> binder = new Binder<>(StoryDraft.class);

    final ComboBox<Organisation> organisation = new ComboBox<>();
    final TextField authorLabel = new TextField();
    final Select<SupporterType> supporterType = new Select<>();
    final TextArea text = new TextArea();
    final Checkbox photoConsent = new Checkbox();
    final Div photoBox = new Div();
    final Upload upload = new Upload();
    final Button removePhoto = new Button();
    final Button save = new Button();
    final Button saveAndSubmit = new Button();

    private StoryDraft draft;

    /** @param organisations the organisations to choose from, for the office; empty for a member */
    StoryForm(List<Organisation> organisations) {
        addClassName("story-form");
        organisation.setLabel(getTranslation("volunteer.story.field.organisation"));
        organisation.setItems(organisations);
        organisation.setItemLabelGenerator(Organisation::getName);
        organisation.setVisible(!organisations.isEmpty());
        organisation.setRequiredIndicatorVisible(true);

        authorLabel.setLabel(getTranslation("volunteer.story.field.author-label"));
        authorLabel.setHelperText(getTranslation("volunteer.story.field.author-label-help"));
        authorLabel.setMaxLength(Story.AUTHOR_LABEL_MAX);
        authorLabel.setRequiredIndicatorVisible(true);

        supporterType.setLabel(getTranslation("volunteer.story.field.supporter-type"));
        supporterType.setItems(Arrays.stream(SupporterType.values())
                .filter(type -> type != SupporterType.ANYONE).toList());
        supporterType.setEmptySelectionAllowed(true);
        supporterType.setEmptySelectionCaption(getTranslation("volunteer.story.field.supporter-type-none"));
        supporterType.setItemLabelGenerator(type -> type == null
                ? getTranslation("volunteer.story.field.supporter-type-none") : getTranslation(type.translationKey()));

        text.setLabel(getTranslation("volunteer.story.field.text"));
        text.setHelperText(getTranslation("volunteer.story.field.text-help"));
        text.setMaxLength(Story.TEXT_MAX);
        text.setRequiredIndicatorVisible(true);
        text.setMinHeight("10em");
        String tooLong = getTranslation("validation.too-long");
        authorLabel.setI18n(new TextField.TextFieldI18n().setMaxLengthErrorMessage(tooLong));
        text.setI18n(new TextArea.TextAreaI18n().setMaxLengthErrorMessage(tooLong));

        photoConsent.setLabel(getTranslation("volunteer.story.field.photo-consent"));
        Paragraph consentHelp = new Paragraph(getTranslation("volunteer.story.field.photo-consent-help"));
        consentHelp.addClassName("story-consent-help");

        bind();

        FormLayout layout = new FormLayout();
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        layout.add(organisation, 2);
        layout.add(authorLabel, supporterType);
        layout.add(text, 2);
        layout.add(photoConsent, 2);
        layout.add(consentHelp, 2);

        save.setText(getTranslation("volunteer.story.action.save"));
        saveAndSubmit.setText(getTranslation("volunteer.story.action.save-submit"));
        saveAndSubmit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> fireSave(false));
        saveAndSubmit.addClickListener(click -> fireSave(true));
        Div buttons = new Div(save, saveAndSubmit);
        buttons.addClassName("form-buttons");

        setUpPhoto();
        add(layout, buttons, photoBox);
    }

    private void setUpPhoto() {
        photoBox.addClassName("story-photo-box");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(PHOTO_MAX_BYTES);
        upload.setAcceptedFileTypes("image/jpeg", "image/png", ".jpg", ".jpeg", ".png");
        // The callback runs with the UI locked (UI.access), so it may hand the bytes to the view right away.
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> {
            upload.clearFileList();
            fireEvent(new PhotoEvent(this, bytes));
        }));
        upload.addFileRejectedListener(rejected -> Feedback.error(rejected.getErrorMessage()));
        UploadI18N i18n = ComponentTexts.upload(getLocale());
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("volunteer.story.photo-choose")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("volunteer.story.photo-drop")));
        i18n.setError(new UploadI18N.Error().setFileIsTooBig(getTranslation("volunteer.story.photo-too-large"))
                .setIncorrectFileType(getTranslation("volunteer.story.photo-invalid"))
                .setTooManyFiles(getTranslation("volunteer.story.photo-rejected")));
        upload.setI18n(i18n);
        removePhoto.setText(getTranslation("volunteer.story.action.remove-photo"));
        removePhoto.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        removePhoto.addClickListener(click -> fireEvent(new RemovePhotoEvent(this)));
    }

    private void bind() {
        if (organisation.isVisible()) {
            binder.forField(organisation).asRequired(getTranslation("validation.required"))
                    .bind(StoryDraft::getOrganisation, StoryDraft::setOrganisation);
        }
        binder.forField(authorLabel).withValidator(text(true, Story.AUTHOR_LABEL_MAX, false))
                .bind(StoryDraft::getAuthorLabel, StoryDraft::setAuthorLabel);
        binder.forField(supporterType).bind(StoryDraft::getSupporterType, StoryDraft::setSupporterType);
        binder.forField(text).withValidator(text(true, Story.TEXT_MAX, true))
                .bind(StoryDraft::getText, StoryDraft::setText);
        binder.forField(photoConsent).bind(StoryDraft::isPhotoConsent, StoryDraft::setPhotoConsent);
    }

    private Validator<String> text(boolean required, int max, boolean multiLine) {
        return (value, context) -> {
            String key = TextRules.check(value, required, max, multiLine);
            return key == null ? ValidationResult.ok() : ValidationResult.error(getTranslation(key));
        };
    }

    /**
     * Shows the draft; the photo part only for a saved story (a photo belongs to a story), with its current photo
     * if it has one.
     *
     * @param photo the current photo, or null
     */
    void edit(StoryDraft draft, boolean saved, Image photo) {
        this.draft = draft;
        binder.readBean(draft);
        photoBox.removeAll();
        if (!saved) {
            photoBox.add(new Paragraph(getTranslation("volunteer.story.photo-after-save")));
            return;
        }
        photoBox.add(new H2(getTranslation("volunteer.story.photo-title")));
        if (photo != null) {
            photo.addClassName("story-form-photo");
            photoBox.add(photo, removePhoto);
        }
        if (draft.isPhotoConsent()) {
            photoBox.add(new Paragraph(getTranslation("volunteer.story.photo-help")), upload);
        } else {
            Paragraph needed = new Paragraph(getTranslation("volunteer.story.photo-consent-first"));
            needed.addClassNames("notice", "notice-info");
            photoBox.add(needed);
        }
    }

    /** Whether the buttons are offered: a submit button only where submitting is possible. */
    void setActions(boolean canSave, boolean canSubmit) {
        save.setText(getTranslation(canSubmit ? "volunteer.story.action.save" : "volunteer.story.action.save-changes"));
        save.setVisible(canSave);
        saveAndSubmit.setVisible(canSave && canSubmit);
        binder.setReadOnly(!canSave);
        upload.setVisible(canSave);
        removePhoto.setVisible(canSave);
    }

    void showProblems(InvalidInputException problems) {
        Feedback.showProblems(this, problems, fields());
    }

    Map<String, HasValidation> fields() {
        return Map.of("organisation", organisation, "authorLabel", authorLabel, "supporterType", supporterType,
                "text", text);
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

    Registration addPhotoListener(ComponentEventListener<PhotoEvent> listener) {
        return addListener(PhotoEvent.class, listener);
    }

    Registration addRemovePhotoListener(ComponentEventListener<RemovePhotoEvent> listener) {
        return addListener(RemovePhotoEvent.class, listener);
    }

    /** The user asked to save the story, and perhaps to submit it right after. */
    static class SaveEvent extends ComponentEvent<StoryForm> {

        private final transient StoryDraft draft;
        private final boolean submit;

        SaveEvent(StoryForm source, StoryDraft draft, boolean submit) {
            super(source, false);
            this.draft = draft;
            this.submit = submit;
        }

        StoryDraft draft() {
            return draft;
        }

        boolean submit() {
            return submit;
        }
    }

    /** A photo was uploaded: its bytes as they came, not yet checked. */
    static class PhotoEvent extends ComponentEvent<StoryForm> {

        private final byte[] data;

        PhotoEvent(StoryForm source, byte[] data) {
            super(source, true);
            this.data = data;
        }

        byte[] data() {
            return data;
        }
    }

    /** The user asked to remove the story's photo. */
    static class RemovePhotoEvent extends ComponentEvent<StoryForm> {

        RemovePhotoEvent(StoryForm source) {
            super(source, false);
        }
    }
}
