package jp.kosodatehub.volunteers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import jp.kosodatehub.organisations.Organisation;

/** A short story from a supporter (やりがい), posted by a member organisation and moderated like events. */
@Entity
@Table(name = "volunteer_story")
public class Story extends ModeratedPost {

    public static final int AUTHOR_LABEL_MAX = 40;
    public static final int TEXT_MAX = 600;

    /** How the supporter is named in public, e.g. 「大学生ボランティア Aさん」: never a full name by default. */
    @Column(name = "author_label", nullable = false, length = AUTHOR_LABEL_MAX)
    private String authorLabel;

    @Enumerated(EnumType.STRING)
    @Column(name = "supporter_type", length = 20)
    private SupporterType supporterType;

    @Column(nullable = false, length = TEXT_MAX)
    private String text;

    @Column(name = "photo_consent", nullable = false)
    private boolean photoConsent;

    @Column(name = "has_photo", nullable = false)
    private boolean hasPhoto;

    protected Story() {
    }

    public Story(Organisation organisation, Instant now) {
        super(organisation, now);
    }

    void edit(String authorLabel, SupporterType supporterType, String text, boolean photoConsent, Instant now) {
        this.authorLabel = authorLabel;
        this.supporterType = supporterType;
        this.text = text;
        this.photoConsent = photoConsent;
        touch(now);
    }

    void photoPresent(boolean present, Instant now) {
        this.hasPhoto = present;
        touch(now);
    }

    public String getAuthorLabel() {
        return authorLabel;
    }

    public SupporterType getSupporterType() {
        return supporterType;
    }

    public String getText() {
        return text;
    }

    public boolean isPhotoConsent() {
        return photoConsent;
    }

    public boolean hasPhoto() {
        return hasPhoto;
    }

    @Override
    protected String wrongStateKey() {
        return "volunteer.story.wrong-state";
    }
}
