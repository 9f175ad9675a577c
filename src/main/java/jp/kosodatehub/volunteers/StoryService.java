package jp.kosodatehub.volunteers;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.kosodatehub.base.NotFoundException;
import jp.kosodatehub.base.OffsetPage;
import jp.kosodatehub.base.validation.Problems;
import jp.kosodatehub.base.validation.TextRules;
import jp.kosodatehub.notifications.ModerationNotice;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.organisations.OrganisationService;
import jp.kosodatehub.security.AppUser;
import jp.kosodatehub.security.CurrentUser;
import jp.kosodatehub.security.Roles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supporters' stories (やりがい) and their moderation, with the rules of events: a member acts only on their own
 * organisation's stories, the office on all, and the public sees only what is published. A photo is kept only with
 * the consent of the people in it, and only as a re-encoded copy without its metadata.
 */
@Service
public class StoryService {

    private static final Set<PostStatus> EDITABLE = Set.of(
            PostStatus.DRAFT, PostStatus.SUBMITTED, PostStatus.SENT_BACK, PostStatus.PUBLISHED);

    private final StoryRepository stories;
    private final StoryPhotoRepository photos;
    private final OrganisationService organisations;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ApplicationEventPublisher notices;

    StoryService(StoryRepository stories, StoryPhotoRepository photos, OrganisationService organisations,
                 CurrentUser currentUser, Clock clock, ApplicationEventPublisher notices) {
        this.stories = stories;
        this.photos = photos;
        this.organisations = organisations;
        this.currentUser = currentUser;
        this.clock = clock;
        this.notices = notices;
    }

    /** A story's photo as stored: always a JPEG without metadata. */
    public record Photo(String contentType, byte[] data) {
    }

    // --- public side -------------------------------------------------------------------------------------------

    /** Published stories, newest first. */
    @Transactional(readOnly = true)
    public List<Story> publishedStories(int offset, int limit) {
        return stories.findByStatusOrderByPublishedAtDescIdDesc(PostStatus.PUBLISHED,
                OffsetPage.of(offset, limit, Sort.unsorted()));
    }

    @Transactional(readOnly = true)
    public long publishedCount() {
        return stories.countByStatus(PostStatus.PUBLISHED);
    }

    /** The photo of a published story, for anyone; empty for anything else, whoever asks. */
    @Transactional(readOnly = true)
    public Optional<Photo> publishedPhoto(Long id) {
        return stories.findById(id == null ? -1 : id)
                .filter(story -> story.getStatus() == PostStatus.PUBLISHED)
                .flatMap(this::photoOf);
    }

    /**
     * A story's photo: a published story's for anyone, any other only for its organisation and the office (to see
     * it in the form and in moderation). Empty when there is none or the caller may not see it.
     */
    @Transactional(readOnly = true)
    public Optional<Photo> photo(Long id) {
        Optional<Story> story = stories.findById(id == null ? -1 : id);
        if (story.isEmpty()) {
            return Optional.empty();
        }
        if (story.get().getStatus() != PostStatus.PUBLISHED && !mayAct(story.get())) {
            return Optional.empty();
        }
        return photoOf(story.get());
    }

    // --- members and coordinators ------------------------------------------------------------------------------

    /** A member's own organisation's stories, or every story for a coordinator, last changed first. */
    @Transactional(readOnly = true)
    @PermitAll
    public List<Story> myStories(int offset, int limit) {
        AppUser user = currentUser.require();
        OffsetPage page = OffsetPage.of(offset, limit,
                Sort.by(Sort.Direction.DESC, "updatedAt").and(Sort.by(Sort.Direction.DESC, "id")));
        return user.isCoordinator() ? stories.findAll(page).getContent()
                : stories.findByOrganisationId(user.organisationId(), page).getContent();
    }

    @Transactional(readOnly = true)
    @PermitAll
    public long myStoriesCount() {
        AppUser user = currentUser.require();
        return user.isCoordinator() ? stories.count() : stories.countByOrganisationId(user.organisationId());
    }

    /** Any story the caller may see: published ones for everybody, others for their organisation and the office. */
    @Transactional(readOnly = true)
    public Story get(Long id) {
        Story story = stories.findById(id == null ? -1 : id)
                .orElseThrow(() -> new NotFoundException("No story " + id));
        if (story.getStatus() != PostStatus.PUBLISHED) {
            story.requireAccess(currentUser.require());
        }
        return story;
    }

    @Transactional(readOnly = true)
    @PermitAll
    public StoryDraft loadForEdit(Long id) {
        return StoryDraft.of(loadOwned(id));
    }

    /**
     * Creates or updates a story. A member's new story belongs to their organisation; a coordinator names the
     * organisation. A member's change to a published story goes back to moderation unless the organisation is
     * trusted. Taking back the photo consent deletes the photo: without consent it must not be shown.
     */
    @Transactional
    @PermitAll
    public Story save(StoryDraft draft) {
        AppUser user = currentUser.require();
        String authorLabel = TextRules.normalise(draft.getAuthorLabel());
        String text = TextRules.normalise(draft.getText());
        Problems problems = new Problems()
                .text("authorLabel", authorLabel, true, Story.AUTHOR_LABEL_MAX, false)
                .text("text", text, true, Story.TEXT_MAX, true);
        Organisation organisation = user.isCoordinator()
                ? organisations.find(draft.getOrganisation() == null ? null : draft.getOrganisation().getId())
                        .orElse(null)
                : organisations.find(user.organisationId()).orElse(null);
        problems.require(organisation != null, "organisation", "validation.required");
        if (draft.getId() == null) {
            problems.throwIfAny();
            Story story = new Story(organisation, clock.instant());
            story.edit(authorLabel, draft.getSupporterType(), text, draft.isPhotoConsent(), clock.instant());
            return stories.saveAndFlush(story);
        }
        Story story = loadOwned(draft.getId());
        story.checkVersion(draft.getVersion());
        problems.require(EDITABLE.contains(story.getStatus()), "status", "volunteer.story.not-editable");
        problems.throwIfAny();
        story.edit(authorLabel, draft.getSupporterType(), text, draft.isPhotoConsent(), clock.instant());
        if (!draft.isPhotoConsent() && story.hasPhoto()) {
            photos.deleteById(story.getId());
            story.photoPresent(false, clock.instant());
        }
        story.backToModerationAfterChangeBy(user, clock.instant());
        return stories.saveAndFlush(story);
    }

    /**
     * Stores the story's photo: a JPEG or PNG of at most 5 MB, re-encoded as a JPEG of at most 1200 px without its
     * metadata. Needs the consent of the people in it, recorded on the story beforehand.
     */
    @Transactional
    @PermitAll
    public Story setPhoto(Long id, long version, byte[] upload) {
        AppUser user = currentUser.require();
        Story story = loadOwned(id);
        story.checkVersion(version);
        story.requireStatus(EDITABLE);
        Problems problems = new Problems();
        problems.require(story.isPhotoConsent(), "photoConsent", "volunteer.story.photo-consent-required");
        problems.throwIfAny();
        if (upload != null && upload.length > StoryPhotos.MAX_UPLOAD_BYTES) {
            problems.add("photo", "volunteer.story.photo-too-large").throwIfAny();
        }
        byte[] jpeg = upload == null || upload.length == 0 ? null : StoryPhotos.reencode(upload);
        if (jpeg == null) {
            problems.add("photo", "volunteer.story.photo-invalid").throwIfAny();
        }
        photos.save(new StoryPhoto(story.getId(), StoryPhotos.CONTENT_TYPE, jpeg));
        story.photoPresent(true, clock.instant());
        story.backToModerationAfterChangeBy(user, clock.instant());
        return stories.saveAndFlush(story);
    }

    /** Removes the story's photo; never needs moderation, since it only takes something away. */
    @Transactional
    @PermitAll
    public Story removePhoto(Long id, long version) {
        Story story = loadOwned(id);
        story.checkVersion(version);
        if (story.hasPhoto()) {
            photos.deleteById(story.getId());
        }
        story.photoPresent(false, clock.instant());
        return stories.saveAndFlush(story);
    }

    /** Sends a draft or sent-back story for publication; a trusted organisation's story is published at once. */
    @Transactional
    @PermitAll
    public Story submit(Long id, long version) {
        Story story = loadOwned(id);
        story.checkVersion(version);
        story.submit(clock.instant());
        if (story.getStatus() == PostStatus.PUBLISHED) {
            notices.publishEvent(ModerationNotice.published(ModerationNotice.Subject.STORY, story.getId(),
                    story.getAuthorLabel(), currentUser.require().accountId(), story.getOrganisation().getId()));
        }
        return stories.saveAndFlush(story);
    }

    /**
     * Takes a story off the public side and out of the queue for good. Its photo is deleted with it: a withdrawn
     * story is never shown again, and a picture of people should not be kept for nothing.
     */
    @Transactional
    @PermitAll
    public Story withdraw(Long id, long version) {
        Story story = loadOwned(id);
        story.checkVersion(version);
        story.requireStatus(EDITABLE);
        if (story.hasPhoto()) {
            photos.deleteById(story.getId());
            story.photoPresent(false, clock.instant());
        }
        story.changeStatus(PostStatus.WITHDRAWN, null, clock.instant());
        return stories.saveAndFlush(story);
    }

    // --- coordinators ------------------------------------------------------------------------------------------

    /** Submitted stories waiting for the office, oldest first. */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.COORDINATOR)
    public List<Story> moderationQueue(int offset, int limit) {
        return stories.findByStatusOrderBySubmittedAtAscIdAsc(PostStatus.SUBMITTED,
                OffsetPage.of(offset, limit, Sort.unsorted()));
    }

    @Transactional(readOnly = true)
    @RolesAllowed(Roles.COORDINATOR)
    public long moderationCount() {
        return stories.countByStatus(PostStatus.SUBMITTED);
    }

    @Transactional
    @RolesAllowed(Roles.COORDINATOR)
    public Story publish(Long id, long version) {
        requireCoordinator();
        Story story = stories.findById(id == null ? -1 : id)
                .orElseThrow(() -> new NotFoundException("No story " + id));
        story.checkVersion(version);
        story.publish(clock.instant());
        // Who submitted a story is not recorded: its organisation's members hear.
        notices.publishEvent(ModerationNotice.published(ModerationNotice.Subject.STORY, story.getId(),
                story.getAuthorLabel(), null, story.getOrganisation().getId()));
        return stories.saveAndFlush(story);
    }

    @Transactional
    @RolesAllowed(Roles.COORDINATOR)
    public Story sendBack(Long id, long version, String reason) {
        requireCoordinator();
        Story story = stories.findById(id == null ? -1 : id)
                .orElseThrow(() -> new NotFoundException("No story " + id));
        story.checkVersion(version);
        story.sendBack(reason, clock.instant());
        notices.publishEvent(ModerationNotice.sentBack(ModerationNotice.Subject.STORY, story.getId(),
                story.getAuthorLabel(), story.getStatusReason(), null, story.getOrganisation().getId()));
        return stories.saveAndFlush(story);
    }

    // --- internals ---------------------------------------------------------------------------------------------

    private Optional<Photo> photoOf(Story story) {
        if (!story.hasPhoto() || !story.isPhotoConsent()) {
            return Optional.empty();
        }
        return photos.findById(story.getId()).map(photo -> new Photo(photo.getContentType(), photo.getData()));
    }

    /** Loads a story the caller may act on as its organisation or as the office; refuses everyone else. */
    private Story loadOwned(Long id) {
        Story story = stories.findById(id == null ? -1 : id)
                .orElseThrow(() -> new NotFoundException("No story " + id));
        story.requireAccess(currentUser.require());
        return story;
    }

    private boolean mayAct(Story story) {
        return currentUser.get().map(story::mayBeActedOnBy).orElse(false);
    }

    // Method security says the same; this keeps the rule where the service's other checks are.
    private void requireCoordinator() {
        if (!currentUser.require().isCoordinator()) {
            throw new AccessDeniedException("Only the office moderates stories");
        }
    }

}
