package jp.kosodatehub.volunteers;

import jp.kosodatehub.organisations.Organisation;

/** What the story form edits; the state, the owner and the photo are the service's to decide. */
public class StoryDraft {

    private Long id;
    private long version;
    private Organisation organisation;
    private String authorLabel;
    private SupporterType supporterType;
    private String text;
    private boolean photoConsent;

    public StoryDraft() {
    }

    static StoryDraft of(Story story) {
        StoryDraft draft = new StoryDraft();
        draft.id = story.getId();
        draft.version = story.getVersion();
        draft.organisation = story.getOrganisation();
        draft.authorLabel = story.getAuthorLabel();
        draft.supporterType = story.getSupporterType();
        draft.text = story.getText();
        draft.photoConsent = story.isPhotoConsent();
        return draft;
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public Organisation getOrganisation() {
        return organisation;
    }

    public void setOrganisation(Organisation organisation) {
        this.organisation = organisation;
    }

    public String getAuthorLabel() {
        return authorLabel;
    }

    public void setAuthorLabel(String authorLabel) {
        this.authorLabel = authorLabel;
    }

    public SupporterType getSupporterType() {
        return supporterType;
    }

    public void setSupporterType(SupporterType supporterType) {
        this.supporterType = supporterType;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public boolean isPhotoConsent() {
        return photoConsent;
    }

    public void setPhotoConsent(boolean photoConsent) {
        this.photoConsent = photoConsent;
    }
}
