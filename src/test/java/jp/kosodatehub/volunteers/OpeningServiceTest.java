package jp.kosodatehub.volunteers;

import static jp.kosodatehub.volunteers.VolunteerFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.base.validation.InvalidInputException;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.reference.District;
import jp.kosodatehub.reference.EventKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

@SpringBootTest
class OpeningServiceTest {

    @Autowired
    OpeningService service;

    @Autowired
    EventService events;

    @Autowired
    OpeningRepository repository;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Clock clock;

    Organisation ours;
    Organisation theirs;
    String member;
    String otherMember;
    String coordinator;
    EventKind kind;

    @BeforeEach
    void setUp() {
        ours = fixtures.organisation("ours", false);
        theirs = fixtures.organisation("theirs", false);
        member = fixtures.member(ours);
        otherMember = fixtures.member(theirs);
        coordinator = fixtures.coordinator();
        kind = fixtures.kind("サロン");
    }

    private Opening create(String user, OpeningDraft draft) {
        return fixtures.as(user, () -> service.save(draft));
    }

    private Opening publishAsOffice(String user, OpeningDraft draft) {
        Opening saved = create(user, draft);
        Opening submitted = fixtures.as(user, () -> service.submit(saved.getId(), saved.getVersion()));
        return submitted.getStatus() == PostStatus.PUBLISHED ? submitted
                : fixtures.as(coordinator, () -> service.publish(submitted.getId(), submitted.getVersion()));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Event publishedEvent(String user) {
        Event event = fixtures.as(user, () -> events.save(TestFixtures.draft(kind, TestFixtures.unique("サロン"))));
        Event submitted = fixtures.as(user, () -> events.submit(event.getId(), event.getVersion()));
        return fixtures.as(coordinator, () -> events.publish(submitted.getId(), submitted.getVersion()));
    }

    private static Set<String> fieldsOf(Throwable thrown) {
        return ((InvalidInputException) thrown).problems().stream().map(InvalidInputException.FieldProblem::field)
                .collect(java.util.stream.Collectors.toSet());
    }

    // --- ownership ---------------------------------------------------------------------------------------------

    @Test
    void memberCreatesOpeningForOwnOrganisationWhateverTheFormSays() {
        OpeningDraft form = draft("受付");
        form.setOrganisation(theirs);

        Opening opening = create(member, form);

        assertThat(opening.getOrganisation()).isEqualTo(ours);
        assertThat(opening.getStatus()).isEqualTo(PostStatus.DRAFT);
    }

    @Test
    void memberOfAnotherOrganisationCannotLoadEditSubmitWithdrawOrClose() {
        Opening opening = create(member, draft("受付"));
        Long id = opening.getId();
        long version = opening.getVersion();

        assertThatThrownBy(() -> fixtures.as(otherMember, () -> service.loadForEdit(id)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(otherMember, () -> service.get(id)))
                .isInstanceOf(AccessDeniedException.class);
        OpeningDraft edit = fixtures.as(member, () -> service.loadForEdit(id));
        edit.setRole("乗っ取り");
        assertThatThrownBy(() -> fixtures.as(otherMember, () -> service.save(edit)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(otherMember, () -> service.submit(id, version)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(otherMember, () -> service.withdraw(id, version)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(otherMember, () -> service.close(id, version)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(fixtures.as(member, () -> service.get(id)).getRole()).isEqualTo("受付");
        assertThat(fixtures.as(otherMember, () -> service.myOpenings(Set.of(), 0, 500)))
                .extracting(Opening::getId).doesNotContain(id);
    }

    @Test
    void membersCannotModerate() {
        Opening opening = create(member, draft("受付"));
        Opening submitted = fixtures.as(member, () -> service.submit(opening.getId(), opening.getVersion()));

        assertThatThrownBy(() -> fixtures.as(member, () -> service.publish(submitted.getId(), submitted.getVersion())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(member, () -> service.moderationQueue(0, 10)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void linkingAnotherOrganisationsEventIsRefused() {
        Event theirEvent = publishedEvent(otherMember);
        OpeningDraft form = draft("当日の見守り");
        form.setSchedule(OpeningSchedule.EVENT);
        form.setEventId(theirEvent.getId());

        assertThatThrownBy(() -> create(member, form)).isInstanceOf(InvalidInputException.class)
                .satisfies(thrown -> assertThat(fieldsOf(thrown)).containsExactly("eventId"));
        form.setEventId(Long.MAX_VALUE);
        assertThatThrownBy(() -> create(member, form)).isInstanceOf(InvalidInputException.class)
                .satisfies(thrown -> assertThat(fieldsOf(thrown)).containsExactly("eventId"));
    }

    @Test
    void ownEventCanBeLinkedAndTheEventPageListsTheOpening() {
        Event ourEvent = publishedEvent(member);
        assertThat(fixtures.as(member, () -> service.eventChoices())).extracting(Event::getId)
                .contains(ourEvent.getId());
        OpeningDraft form = draft("当日の見守り");
        form.setSchedule(OpeningSchedule.EVENT);
        form.setEventId(ourEvent.getId());

        Opening opening = publishAsOffice(member, form);

        assertThat(opening.getEventId()).isEqualTo(ourEvent.getId());
        assertThat(service.openingsForEvent(ourEvent.getId())).extracting(Opening::getId)
                .containsExactly(opening.getId());
        assertThat(service.publicOpenings(OpeningFilter.none(), 0, 500)).extracting(Opening::getId)
                .contains(opening.getId());
    }

    // --- moderation --------------------------------------------------------------------------------------------

    @Test
    void trustedOrganisationPublishesDirectlyUntrustedWaitsForTheOffice() {
        Organisation trusted = fixtures.organisation("trusted", true);
        String trustedMember = fixtures.member(trusted);
        Opening direct = create(trustedMember, draft("受付"));
        Opening waiting = create(member, draft("受付"));

        assertThat(fixtures.as(trustedMember, () -> service.submit(direct.getId(), direct.getVersion())).getStatus())
                .isEqualTo(PostStatus.PUBLISHED);
        Opening submitted = fixtures.as(member, () -> service.submit(waiting.getId(), waiting.getVersion()));
        assertThat(submitted.getStatus()).isEqualTo(PostStatus.SUBMITTED);
        assertThat(service.findPublic(waiting.getId())).isEmpty();
        assertThat(fixtures.as(coordinator, () -> service.moderationQueue(0, 500))).extracting(Opening::getId)
                .contains(waiting.getId()).doesNotContain(direct.getId());
    }

    @Test
    void officePublishesOrSendsBackWithAReason() {
        Opening first = create(member, draft("受付"));
        Opening second = create(member, draft("片付け"));
        Opening one = fixtures.as(member, () -> service.submit(first.getId(), first.getVersion()));
        Opening two = fixtures.as(member, () -> service.submit(second.getId(), second.getVersion()));

        assertThatThrownBy(() -> fixtures.as(coordinator, () -> service.sendBack(two.getId(), two.getVersion(), " ")))
                .isInstanceOf(InvalidInputException.class);
        Opening sentBack = fixtures.as(coordinator,
                () -> service.sendBack(two.getId(), two.getVersion(), "日時を書いてください"));
        Opening published = fixtures.as(coordinator, () -> service.publish(one.getId(), one.getVersion()));

        assertThat(sentBack.getStatus()).isEqualTo(PostStatus.SENT_BACK);
        assertThat(sentBack.getStatusReason()).isEqualTo("日時を書いてください");
        assertThat(published.getStatus()).isEqualTo(PostStatus.PUBLISHED);
        assertThat(service.findPublic(one.getId())).isPresent();
        assertThat(service.findPublic(two.getId())).isEmpty();
    }

    @Test
    void membersEditOfPublishedOpeningOfUntrustedOrganisationGoesBackToTheQueue() {
        Opening published = publishAsOffice(member, draft("受付"));
        OpeningDraft edit = fixtures.as(member, () -> service.loadForEdit(published.getId()));
        edit.setPeopleNeeded(5);

        Opening edited = fixtures.as(member, () -> service.save(edit));

        assertThat(edited.getStatus()).isEqualTo(PostStatus.SUBMITTED);
        assertThat(edited.getPeopleNeeded()).isEqualTo(5);
        assertThat(fixtures.as(coordinator, () -> service.moderationQueue(0, 500))).extracting(Opening::getId)
                .contains(published.getId());
    }

    @Test
    void closedOpeningLeavesTheBoardButKeepsItsPage() {
        Opening published = publishAsOffice(member, draft("受付"));

        Opening closed = fixtures.as(member, () -> service.close(published.getId(), published.getVersion()));

        assertThat(closed.getStatus()).isEqualTo(PostStatus.CLOSED);
        assertThat(service.findPublic(published.getId())).isPresent();
        assertThat(service.publicOpenings(OpeningFilter.none(), 0, 500)).extracting(Opening::getId)
                .doesNotContain(published.getId());
    }

    @Test
    void withdrawnOpeningIsGoneFromThePublicSide() {
        Opening published = publishAsOffice(member, draft("受付"));

        fixtures.as(member, () -> service.withdraw(published.getId(), published.getVersion()));

        assertThat(service.findPublic(published.getId())).isEmpty();
    }

    // --- the public board --------------------------------------------------------------------------------------

    @Test
    void publicBoardFiltersBySuitableForIncludingAnyoneByDistrictAndByTiming() {
        District district = fixtures.district("富岡");
        OpeningDraft students = draft("学習支援");
        students.setSuitableFor(EnumSet.of(SupporterType.STUDENT));
        OpeningDraft anyone = draft("受付");
        anyone.setSuitableFor(EnumSet.of(SupporterType.ANYONE));
        OpeningDraft retired = draft("読み聞かせ");
        retired.setSuitableFor(EnumSet.of(SupporterType.RETIRED));
        retired.setSchedule(OpeningSchedule.ONE_DATE);
        retired.setOnDate(today().plusDays(3));
        List<Long> ids = List.of(students, anyone, retired).stream().peek(form -> form.setDistrict(district))
                .map(form -> publishAsOffice(member, form).getId()).toList();
        Opening elsewhere = publishAsOffice(member, draft("受付"));

        assertThat(board(new OpeningFilter(null, district.getId(), null))).containsExactly(ids.get(2),
                ids.get(1), ids.get(0));
        assertThat(board(new OpeningFilter(SupporterType.STUDENT, district.getId(), null)))
                .containsExactlyInAnyOrder(ids.get(0), ids.get(1));
        assertThat(board(new OpeningFilter(SupporterType.RETIRED, district.getId(), null)))
                .containsExactlyInAnyOrder(ids.get(1), ids.get(2));
        assertThat(board(new OpeningFilter(null, district.getId(), OpeningFilter.Timing.DATED)))
                .containsExactly(ids.get(2));
        assertThat(board(new OpeningFilter(null, district.getId(), OpeningFilter.Timing.ONGOING)))
                .containsExactlyInAnyOrder(ids.get(0), ids.get(1));
        assertThat(service.publicCount(new OpeningFilter(SupporterType.STUDENT, district.getId(), null)))
                .isEqualTo(2);
        assertThat(board(OpeningFilter.none())).contains(elsewhere.getId());
    }

    @Test
    void datedOpeningsComeSoonestFirstThenOngoingNewestFirst() {
        District district = fixtures.district("能見台");
        OpeningDraft later = draft("後の日");
        later.setSchedule(OpeningSchedule.ONE_DATE);
        later.setOnDate(today().plusDays(10));
        OpeningDraft sooner = draft("先の日");
        sooner.setSchedule(OpeningSchedule.ONE_DATE);
        sooner.setOnDate(today().plusDays(2));
        OpeningDraft ongoingOld = draft("随時1");
        OpeningDraft ongoingNew = draft("随時2");
        List<Long> ids = List.of(later, sooner, ongoingOld, ongoingNew).stream()
                .peek(form -> form.setDistrict(district)).map(form -> publishAsOffice(member, form).getId()).toList();

        assertThat(board(new OpeningFilter(null, district.getId(), null)))
                .containsExactly(ids.get(1), ids.get(0), ids.get(3), ids.get(2));
    }

    @Test
    void eventLinkedOpeningsTakeTheirPlaceByTheEventsNextDate() {
        District district = fixtures.district("釜利谷");
        Event tomorrow = publishedEvent(member);
        OpeningDraft dayAfter = draft("明後日");
        dayAfter.setDistrict(district);
        dayAfter.setSchedule(OpeningSchedule.ONE_DATE);
        dayAfter.setOnDate(today().plusDays(2));
        OpeningDraft atEvent = draft("催しの日");
        atEvent.setDistrict(district);
        atEvent.setSchedule(OpeningSchedule.EVENT);
        atEvent.setEventId(tomorrow.getId());
        Opening later = publishAsOffice(member, dayAfter);
        Opening linked = publishAsOffice(member, atEvent);

        assertThat(board(new OpeningFilter(null, district.getId(), OpeningFilter.Timing.DATED)))
                .containsExactly(linked.getId(), later.getId());
        fixtures.as(member, () -> events.withdraw(tomorrow.getId(),
                events.get(tomorrow.getId()).getVersion()));
        assertThat(board(new OpeningFilter(null, district.getId(), null))).containsExactly(later.getId());
    }

    @Test
    void pastOneDateOpeningsAndDraftsAreNeverPublic() {
        District district = fixtures.district("六浦");
        OpeningDraft past = draft("昨日の受付");
        past.setDistrict(district);
        past.setSchedule(OpeningSchedule.ONE_DATE);
        past.setOnDate(today().minusDays(1));
        Opening stored = new Opening(ours, clock.instant());
        stored.apply(past, clock.instant());
        stored.changeStatus(PostStatus.PUBLISHED, null, clock.instant());
        Opening pastOpening = repository.saveAndFlush(stored);
        OpeningDraft draftOnly = draft("下書き");
        draftOnly.setDistrict(district);
        Opening unpublished = create(member, draftOnly);

        assertThat(board(new OpeningFilter(null, district.getId(), null)))
                .doesNotContain(pastOpening.getId(), unpublished.getId());
        assertThat(service.findPublic(unpublished.getId())).isEmpty();
        assertThat(service.publicCount(new OpeningFilter(null, district.getId(), null))).isZero();
    }

    private List<Long> board(OpeningFilter filter) {
        return service.publicOpenings(filter, 0, 500).stream().map(Opening::getId).toList();
    }

    // --- bad input ---------------------------------------------------------------------------------------------

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsSaved() {
        long before = fixtures.as(member, () -> service.myOpeningsCount(Set.of()));
        OpeningDraft form = draft("x".repeat(Opening.ROLE_MAX + 1));
        form.setDescription("よろしく<script>alert(1)</script>");
        form.setPeopleNeeded(0);
        form.setMinimumAge(5);
        form.setContactPerson(" ");
        form.setSuitableFor(Set.of());

        assertThatThrownBy(() -> create(member, form)).isInstanceOf(InvalidInputException.class)
                .satisfies(thrown -> assertThat(fieldsOf(thrown)).containsExactlyInAnyOrder("role", "description",
                        "peopleNeeded", "minimumAge", "contactPerson", "suitableFor"));
        assertThat(fixtures.as(member, () -> service.myOpeningsCount(Set.of()))).isEqualTo(before);
    }

    @Test
    void oneDateNeedsAFutureDayAndAnEndAfterItsStart() {
        OpeningDraft form = draft("受付");
        form.setSchedule(OpeningSchedule.ONE_DATE);
        form.setOnDate(today().minusDays(1));
        form.setStartTime(LocalTime.of(12, 0));
        form.setEndTime(LocalTime.of(10, 0));

        assertThatThrownBy(() -> create(member, form)).isInstanceOf(InvalidInputException.class)
                .satisfies(thrown -> assertThat(fieldsOf(thrown)).containsExactlyInAnyOrder("onDate", "endTime"));
        form.setOnDate(null);
        assertThatThrownBy(() -> create(member, form)).isInstanceOf(InvalidInputException.class)
                .satisfies(thrown -> assertThat(fieldsOf(thrown)).contains("onDate"));
        form.setOnDate(today());
        form.setEndTime(LocalTime.of(13, 0));
        assertThat(create(member, form).getOnDate()).isEqualTo(today());
    }

    @Test
    void roleOnTwoLinesAndControlCharactersAreRefused() {
        OpeningDraft form = draft("受付\n片付け");
        form.setPlace("会場\u0007");

        assertThatThrownBy(() -> create(member, form)).isInstanceOf(InvalidInputException.class)
                .satisfies(thrown -> assertThat(fieldsOf(thrown)).containsExactlyInAnyOrder("role", "place"));
    }
}
