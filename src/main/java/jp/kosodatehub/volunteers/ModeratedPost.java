package jp.kosodatehub.volunteers;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;
import jp.kosodatehub.base.validation.Problems;
import jp.kosodatehub.base.validation.TextRules;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.security.AppUser;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

/**
 * What an organisation posts for volunteering and the office moderates: openings and stories. Both follow the
 * rules of events — drafts are submitted, the office publishes or sends back with a reason, trusted organisations
 * publish directly — so the rules live here once, and the services only decide who is asking.
 */
@MappedSuperclass
public abstract class ModeratedPost {

    public static final int REASON_MAX = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "organisation_id", nullable = false)
    private Organisation organisation;

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

    protected ModeratedPost() {
    }

    protected ModeratedPost(Organisation organisation, Instant now) {
        this.organisation = organisation;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The translation key of the message for an action the post's current state does not allow. */
    protected abstract String wrongStateKey();

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

    void touch(Instant now) {
        this.updatedAt = now;
    }

    /** Whether the user is the post's own organisation or the office. */
    boolean mayBeActedOnBy(AppUser user) {
        return user.isCoordinator() || user.isMemberOf(organisation.getId());
    }

    /** Refuses anyone but the post's own organisation and the office. */
    void requireAccess(AppUser user) {
        if (!mayBeActedOnBy(user)) {
            throw new AccessDeniedException(getClass().getSimpleName() + " " + id
                    + " belongs to another organisation");
        }
    }

    /** Refuses to act on what the user saw if someone changed it since. */
    void checkVersion(long expected) {
        if (version != expected) {
            throw new OptimisticLockingFailureException(getClass().getSimpleName() + " " + id
                    + " was changed meanwhile");
        }
    }

    void requireStatus(Set<PostStatus> allowed) {
        if (!allowed.contains(status)) {
            new Problems().add("status", wrongStateKey()).throwIfAny();
        }
    }

    /** Sends a draft or sent-back post for publication; a trusted organisation's is published at once. */
    void submit(Instant now) {
        requireStatus(Set.of(PostStatus.DRAFT, PostStatus.SENT_BACK));
        changeStatus(organisation.isTrusted() ? PostStatus.PUBLISHED : PostStatus.SUBMITTED, null, now);
    }

    void publish(Instant now) {
        requireStatus(Set.of(PostStatus.SUBMITTED));
        changeStatus(PostStatus.PUBLISHED, null, now);
    }

    /** Sends a submission back to its organisation; the reason is required, as the member must know what to fix. */
    void sendBack(String reason, Instant now) {
        String why = TextRules.normalise(reason);
        new Problems().text("reason", why, true, REASON_MAX, true).throwIfAny();
        requireStatus(Set.of(PostStatus.SUBMITTED));
        changeStatus(PostStatus.SENT_BACK, why, now);
    }

    /**
     * A member's change to a published post of an untrusted organisation goes back to the office, as with events:
     * otherwise an approved post could be turned into anything without anyone looking.
     */
    void backToModerationAfterChangeBy(AppUser user, Instant now) {
        if (!user.isCoordinator() && status == PostStatus.PUBLISHED && !organisation.isTrusted()) {
            changeStatus(PostStatus.SUBMITTED, null, now);
        }
    }

    public Long getId() {
        return id;
    }

    public Organisation getOrganisation() {
        return organisation;
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
