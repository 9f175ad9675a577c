package jp.kosodatehub.volunteers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import jp.kosodatehub.organisations.Organisation;

/** A short story from a supporter (やりがい), posted by a member organisation and moderated like events. */
@Entity
@Table(name = "volunteer_story")
public class Story {

    public static final int AUTHOR_LABEL_MAX = 40;
    public static final int TEXT_MAX = 600;
    public static final int REASON_MAX = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "organisation_id", nullable = false)
    private Organisation organisation;

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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private PostStatus status = PostStatus.DRAFT;

    @Column(name = "status_reason", length = REASON_MAX)
    private String statusReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Version
    private long version;

    protected Story() {
    }

    public Story(Organisation organisation, Instant now) {
        this.organisation = organisation;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void edit(String authorLabel, SupporterType supporterType, String text, boolean photoConsent, Instant now) {
        this.authorLabel = authorLabel;
        this.supporterType = supporterType;
        this.text = text;
        this.photoConsent = photoConsent;
        this.updatedAt = now;
    }

    void photoPresent(boolean present, Instant now) {
        this.hasPhoto = present;
        this.updatedAt = now;
    }

    void changeStatus(PostStatus to, String reason, Instant now) {
        this.status = to;
        this.statusReason = reason;
        this.updatedAt = now;
        if (to == PostStatus.SUBMITTED) {
            this.submittedAt = now;
        }
        if (to == PostStatus.PUBLISHED) {
            this.publishedAt = now;
        }
    }

    public Long getId() {
        return id;
    }

    public Organisation getOrganisation() {
        return organisation;
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

    public PostStatus getStatus() {
        return status;
    }

    public String getStatusReason() {
        return statusReason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public long getVersion() {
        return version;
    }
}
