package jp.kosodatehub.events;

import static jp.kosodatehub.TestFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.base.NotFoundException;
import jp.kosodatehub.base.validation.InvalidInputException;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.reference.EventKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

@SpringBootTest
class EventServiceTest {

    @Autowired
    EventService events;

    @Autowired
    TestFixtures fixtures;

    EventKind salon;
    Organisation ours;
    Organisation theirs;
    String member;
    String otherMember;
    String coordinator;

    @BeforeEach
    void setUp() {
        salon = fixtures.kind("サロン");
        ours = fixtures.organisation("ours", false);
        theirs = fixtures.organisation("theirs", false);
        member = fixtures.member(ours);
        otherMember = fixtures.member(theirs);
        coordinator = fixtures.coordinator();
    }

    private Event createAsMember(String title) {
        return fixtures.as(member, () -> events.save(draft(salon, title)));
    }

    @Test
    void memberCreatesDraftForOwnOrganisationWhateverTheFormSays() {
        EventDraft draft = draft(salon, "ひよこサロン");
        draft.setOrganisation(theirs);

        Event event = fixtures.as(member, () -> events.save(draft));

        assertThat(event.getOrganisation()).isEqualTo(ours);
        assertThat(event.getStatus()).isEqualTo(EventStatus.DRAFT);
    }

    @Test
    void fullModerationLoopRecordsEveryStateChangeWithReason() {
        Event event = createAsMember("loop");
        Event submitted = fixtures.as(member, () -> events.submit(event.getId(), event.getVersion()));
        assertThat(submitted.getStatus()).isEqualTo(EventStatus.SUBMITTED);

        Event sentBack = fixtures.as(coordinator,
                () -> events.sendBack(event.getId(), submitted.getVersion(), "住所を書いてください"));
        assertThat(sentBack.getStatus()).isEqualTo(EventStatus.SENT_BACK);
        assertThat(sentBack.getStatusReason()).isEqualTo("住所を書いてください");

        Event resubmitted = fixtures.as(member, () -> events.submit(event.getId(), sentBack.getVersion()));
        Event published = fixtures.as(coordinator, () -> events.publish(event.getId(), resubmitted.getVersion()));
        assertThat(published.getStatus()).isEqualTo(EventStatus.PUBLISHED);

        List<EventStatusChange> history = fixtures.as(member, () -> events.history(event.getId()));
        assertThat(history).extracting(EventStatusChange::getToStatus).containsExactly(EventStatus.DRAFT,
                EventStatus.SUBMITTED, EventStatus.SENT_BACK, EventStatus.SUBMITTED, EventStatus.PUBLISHED);
        assertThat(history.get(2).getReason()).isEqualTo("住所を書いてください");
        assertThat(history.get(2).getFromStatus()).isEqualTo(EventStatus.SUBMITTED);
        assertThat(history.get(2).getActor()).startsWith("事務局");
        assertThat(history).allSatisfy(change -> assertThat(change.getChangedAt()).isNotNull());
    }

    @Test
    void trustedOrganisationsSubmissionIsPublishedDirectly() {
        Organisation trusted = fixtures.organisation("trusted", true);
        String trustedMember = fixtures.member(trusted);
        Event event = fixtures.as(trustedMember, () -> events.save(draft(salon, "trusted")));

        Event submitted = fixtures.as(trustedMember, () -> events.submit(event.getId(), event.getVersion()));

        assertThat(submitted.getStatus()).isEqualTo(EventStatus.PUBLISHED);
    }

    @Test
    void cancelledEventStaysPublicWithItsReason() {
        Event event = createAsMember("cancel me");
        Event submitted = fixtures.as(member, () -> events.submit(event.getId(), event.getVersion()));
        Event published = fixtures.as(coordinator, () -> events.publish(event.getId(), submitted.getVersion()));

        fixtures.as(coordinator, () -> events.cancel(event.getId(), published.getVersion(), "雨天中止"));

        Event seen = events.findPublic(event.getId()).orElseThrow();
        assertThat(seen.isCancelled()).isTrue();
        assertThat(seen.getStatusReason()).isEqualTo("雨天中止");
    }

    @Test
    void sendingBackOrCancellingWithoutReasonIsRefused() {
        Event event = createAsMember("no reason");
        Event submitted = fixtures.as(member, () -> events.submit(event.getId(), event.getVersion()));

        assertThatThrownBy(() -> fixtures.as(coordinator,
                () -> events.sendBack(event.getId(), submitted.getVersion(), "  ")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(fixtures.as(member, () -> events.get(event.getId())).getStatus())
                .isEqualTo(EventStatus.SUBMITTED);
    }

    @Test
    void withdrawnEventLeavesThePublicSide() {
        Event event = createAsMember("withdraw");
        Event submitted = fixtures.as(member, () -> events.submit(event.getId(), event.getVersion()));
        Event published = fixtures.as(coordinator, () -> events.publish(event.getId(), submitted.getVersion()));

        fixtures.as(member, () -> events.withdraw(event.getId(), published.getVersion()));

        assertThat(events.findPublic(event.getId())).isEmpty();
    }

    @Test
    void membersChangeToPublishedEventGoesBackToModeration() {
        Event event = createAsMember("republish");
        Event submitted = fixtures.as(member, () -> events.submit(event.getId(), event.getVersion()));
        fixtures.as(coordinator, () -> events.publish(event.getId(), submitted.getVersion()));

        EventDraft edit = fixtures.as(member, () -> events.loadForEdit(event.getId()));
        edit.setTitle("republish (changed)");
        Event saved = fixtures.as(member, () -> events.save(edit));

        assertThat(saved.getStatus()).isEqualTo(EventStatus.SUBMITTED);
        assertThat(events.findPublic(event.getId())).isEmpty();
    }

    @Test
    void everyDateOfASeriesFollowsItsEventIntoAndOutOfTheFeedOnEveryStatusChange() {
        String title = TestFixtures.unique("status copy");
        EventFilter mine = new EventFilter(title, null, null, null, null, null, false, false, false, false, null,
                Set.of());
        EventDraft weekly = draft(salon, title);
        weekly.setSkipHolidays(false);
        weekly.setRecurrence(new Recurrence(Recurrence.Pattern.WEEKLY, 1, Set.of(weekly.getStartsAt()
                .getDayOfWeek()), 0, 0, null, 4));
        Event event = fixtures.as(member, () -> events.save(weekly));
        assertThat(events.feedCount(mine)).as("draft").isZero();

        Event submitted = fixtures.as(member, () -> events.submit(event.getId(), event.getVersion()));
        assertThat(events.feedCount(mine)).as("waiting for the office").isZero();
        Event published = fixtures.as(coordinator, () -> events.publish(event.getId(), submitted.getVersion()));
        assertThat(events.feed(mine, 0, 10)).as("published").hasSize(4);

        // An edit that adds dates to a published event: the new dates are public at once.
        EventDraft longer = fixtures.as(coordinator, () -> events.loadForEdit(event.getId()));
        longer.setRecurrence(new Recurrence(Recurrence.Pattern.WEEKLY, 1, Set.of(weekly.getStartsAt()
                .getDayOfWeek()), 0, 0, null, 6));
        Event longerSaved = fixtures.as(coordinator, () -> events.save(longer));
        assertThat(events.feedCount(mine)).as("two dates added").isEqualTo(6);

        // A member's edit sends it back to the office: every date leaves the feed, old and new.
        EventDraft edit = fixtures.as(member, () -> events.loadForEdit(event.getId()));
        edit.setRecurrence(new Recurrence(Recurrence.Pattern.WEEKLY, 1, Set.of(weekly.getStartsAt()
                .getDayOfWeek()), 0, 0, null, 8));
        Event resubmitted = fixtures.as(member, () -> events.save(edit));
        assertThat(resubmitted.getVersion()).isGreaterThan(longerSaved.getVersion());
        assertThat(events.feedCount(mine)).as("back in moderation").isZero();

        Event again = fixtures.as(coordinator, () -> events.publish(event.getId(), resubmitted.getVersion()));
        assertThat(events.feedCount(mine)).as("published again").isEqualTo(8);
        Event cancelled = fixtures.as(coordinator, () -> events.cancel(event.getId(), again.getVersion(), "休館"));
        assertThat(events.feed(mine, 0, 10)).as("cancelled dates stay, marked").hasSize(8)
                .allSatisfy(date -> assertThat(date.isEffectivelyCancelled()).isTrue());
        assertThat(cancelled.getStatus()).isEqualTo(EventStatus.CANCELLED);

        Event other = fixtures.as(member, () -> events.save(draft(salon, title)));
        Event otherSubmitted = fixtures.as(member, () -> events.submit(other.getId(), other.getVersion()));
        Event otherPublished = fixtures.as(coordinator,
                () -> events.publish(other.getId(), otherSubmitted.getVersion()));
        assertThat(events.feedCount(mine)).isEqualTo(9);
        fixtures.as(member, () -> events.withdraw(other.getId(), otherPublished.getVersion()));
        assertThat(events.feedCount(mine)).as("withdrawn").isEqualTo(8);
    }

    // --- rule 8: authorisation in the service layer ------------------------------------------------------------

    @Test
    void memberCannotReadAnotherOrganisationsUnpublishedEvent() {
        Event event = createAsMember("secret draft");

        assertThatThrownBy(() -> fixtures.as(otherMember, () -> events.get(event.getId())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(otherMember, () -> events.loadForEdit(event.getId())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(otherMember, () -> events.history(event.getId())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(otherMember, () -> events.duplicate(event.getId())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void memberCannotChangeAnotherOrganisationsEventByDirectServiceCall() {
        Event event = createAsMember("not yours");
        EventDraft forged = fixtures.as(member, () -> events.loadForEdit(event.getId()));
        forged.setTitle("hijacked");

        assertThatThrownBy(() -> fixtures.as(otherMember, () -> events.save(forged)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(otherMember, () -> events.submit(event.getId(), event.getVersion())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(otherMember, () -> events.withdraw(event.getId(), event.getVersion())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(otherMember,
                () -> events.cancel(event.getId(), event.getVersion(), "x")))
                .isInstanceOf(AccessDeniedException.class);

        Event unchanged = fixtures.as(member, () -> events.get(event.getId()));
        assertThat(unchanged.getTitle()).isEqualTo("not yours");
        assertThat(unchanged.getStatus()).isEqualTo(EventStatus.DRAFT);
    }

    @Test
    void memberCannotModerate() {
        Event event = createAsMember("self-publish");
        Event submitted = fixtures.as(member, () -> events.submit(event.getId(), event.getVersion()));

        assertThatThrownBy(() -> fixtures.as(member, () -> events.publish(event.getId(), submitted.getVersion())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(member,
                () -> events.sendBack(event.getId(), submitted.getVersion(), "x")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(member, () -> events.moderationQueue(0, 10)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void membersListShowsOnlyOwnOrganisation() {
        createAsMember("mine");
        fixtures.as(otherMember, () -> events.save(draft(salon, "someone else's")));

        List<Event> mine = fixtures.as(member, () -> events.myEvents(Set.of(), 0, 100));

        assertThat(mine).isNotEmpty().allSatisfy(e -> assertThat(e.getOrganisation()).isEqualTo(ours));
    }

    @Test
    void pagesStartAtAnyOffsetNotOnlyAtMultiplesOfTheirSize() {
        for (int i = 0; i < 8; i++) {
            EventDraft draft = draft(salon, "page " + i);
            draft.setStartsAt(draft.getStartsAt().plusDays(i));
            draft.setEndsAt(draft.getEndsAt().plusDays(i));
            fixtures.as(member, () -> events.save(draft));
        }
        // Newest start first: page 7, page 6, … page 0.
        List<Event> slice = fixtures.as(member, () -> events.myEvents(Set.of(), 3, 4));

        assertThat(slice).extracting(Event::getTitle).containsExactly("page 4", "page 3", "page 2", "page 1");
    }

    @Test
    void anonymousSeesOnlyPublishedData() {
        Event draftEvent = createAsMember("hidden");

        assertThat(events.findPublic(draftEvent.getId())).isEmpty();
        assertThatThrownBy(() -> events.get(draftEvent.getId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> events.save(draft(salon, "anonymous")))
                .isInstanceOfAny(AccessDeniedException.class, AuthenticationCredentialsNotFoundException.class);
        assertThat(events.feed(new EventFilter("hidden", null, null, null, null, null), 0, 50))
                .extracting(date -> date.getEvent().getId()).doesNotContain(draftEvent.getId());
    }

    @Test
    void unknownIdIsNotFound() {
        assertThatThrownBy(() -> fixtures.as(member, () -> events.loadForEdit(987_654_321L)))
                .isInstanceOf(NotFoundException.class);
    }

    // --- concurrent edits --------------------------------------------------------------------------------------

    @Test
    void secondOfTwoConcurrentDecisionsIsRefused() {
        Event event = createAsMember("race");
        Event submitted = fixtures.as(member, () -> events.submit(event.getId(), event.getVersion()));
        String otherCoordinator = fixtures.coordinator();

        fixtures.as(coordinator, () -> events.publish(event.getId(), submitted.getVersion()));

        assertThatThrownBy(() -> fixtures.as(otherCoordinator,
                () -> events.sendBack(event.getId(), submitted.getVersion(), "遅れた判断")))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(events.findPublic(event.getId()).orElseThrow().getStatus()).isEqualTo(EventStatus.PUBLISHED);
    }

    @Test
    void staleEditIsRefusedAndNothingIsLost() {
        Event event = createAsMember("stale");
        EventDraft first = fixtures.as(member, () -> events.loadForEdit(event.getId()));
        EventDraft second = fixtures.as(member, () -> events.loadForEdit(event.getId()));
        first.setTitle("first edit");
        fixtures.as(member, () -> events.save(first));
        second.setTitle("second edit");

        assertThatThrownBy(() -> fixtures.as(member, () -> events.save(second)))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(fixtures.as(member, () -> events.get(event.getId())).getTitle()).isEqualTo("first edit");
    }

    // --- rule 10: bad input ------------------------------------------------------------------------------------

    private void assertRefused(EventDraft bad, String field, String messageKey) {
        long before = fixtures.as(member, () -> events.myEventsCount(Set.of()));
        assertThatThrownBy(() -> fixtures.as(member, () -> events.save(bad)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .contains(new InvalidInputException.FieldProblem(field, messageKey)));
        assertThat(fixtures.as(member, () -> events.myEventsCount(Set.of()))).isEqualTo(before);
    }

    @Test
    void endBeforeStartIsRefused() {
        EventDraft bad = draft(salon, "backwards");
        bad.setEndsAt(bad.getStartsAt().minusHours(1));
        assertRefused(bad, "endsAt", "event.validation.end-before-start");
    }

    @Test
    void emptyTitleIsRefused() {
        assertRefused(draft(salon, "   "), "title", "validation.required");
    }

    @Test
    void overlongTitleIsRefused() {
        assertRefused(draft(salon, "あ".repeat(EventLimits.TITLE_MAX + 1)), "title", "validation.too-long");
    }

    @Test
    void overlongDescriptionIsRefused() {
        EventDraft bad = draft(salon, "long");
        bad.setDescription("x".repeat(EventLimits.DESCRIPTION_MAX + 1));
        assertRefused(bad, "description", "validation.too-long");
    }

    @Test
    void markupOrScriptInAnyTextIsRefused() {
        assertRefused(draft(salon, "<script>alert(1)</script>"), "title", "validation.markup");
        EventDraft description = draft(salon, "ok");
        description.setDescription("<img src=x onerror=alert(1)>");
        assertRefused(description, "description", "validation.markup");
        EventDraft venue = draft(salon, "ok");
        venue.setVenueName("<b>会場</b>");
        assertRefused(venue, "venueName", "validation.markup");
        EventDraft contact = draft(salon, "ok");
        contact.setContact("javascript:alert(1)");
        assertRefused(contact, "contact", "validation.markup");
    }

    @Test
    void negativeCapacityIsRefused() {
        EventDraft bad = draft(salon, "capacity");
        bad.setCapacity(-1);
        assertRefused(bad, "capacity", "event.validation.capacity-range");
    }

    @Test
    void dateInYear99999IsRefused() {
        EventDraft bad = draft(salon, "far future");
        bad.setStartsAt(LocalDateTime.of(99999, 1, 1, 10, 0));
        bad.setEndsAt(LocalDateTime.of(99999, 1, 1, 12, 0));
        assertRefused(bad, "startsAt", "event.validation.date-out-of-range");
    }

    @Test
    void paidEventWithoutFeeAndBookingWithoutHowAreRefused() {
        EventDraft paid = draft(salon, "paid");
        paid.setFree(false);
        assertRefused(paid, "feeYen", "event.validation.fee-required");
        EventDraft booking = draft(salon, "booking");
        booking.setBookingRequired(true);
        assertRefused(booking, "bookingHow", "event.validation.booking-how-required");
    }

    @Test
    void textIsTrimmedAndLineBreaksKeptInDescription() {
        EventDraft draft = draft(salon, "  spaced  ");
        draft.setDescription("一行目\r\n二行目 https://example.jp/");

        Event event = fixtures.as(member, () -> events.save(draft));

        assertThat(event.getTitle()).isEqualTo("spaced");
        assertThat(event.getDescription()).isEqualTo("一行目\n二行目 https://example.jp/");
    }
}
