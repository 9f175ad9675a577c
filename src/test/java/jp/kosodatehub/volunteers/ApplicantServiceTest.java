package jp.kosodatehub.volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.base.NotFoundException;
import jp.kosodatehub.base.OffsetPage;
import jp.kosodatehub.base.validation.InvalidInputException;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.security.SystemAccess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;

@SpringBootTest
class ApplicantServiceTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Autowired
    ApplicantService service;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    VolunteerFixtures volunteers;

    @Autowired
    ApplicantRepository applicantRepository;

    @Autowired
    ApplicantNoteRepository noteRepository;

    @Autowired
    VolunteerActivityRepository activityRepository;

    @Autowired
    RetentionJob retentionJob;

    Organisation orgA;
    Organisation orgB;
    String memberA;
    String memberB;
    String coordinator;
    Opening openingA;
    Opening openingB;
    Instant now;

    @BeforeEach
    void setUp() {
        orgA = fixtures.organisation("vol-a", false);
        orgB = fixtures.organisation("vol-b", false);
        memberA = fixtures.member(orgA);
        memberB = fixtures.member(orgB);
        coordinator = fixtures.coordinator();
        openingA = volunteers.publishedOpening(orgA, EnumSet.of(SupporterType.ANYONE), null);
        openingB = volunteers.publishedOpening(orgB, EnumSet.of(SupporterType.ANYONE), null);
        now = Instant.now();
    }

    private Applicant applicantA(ApplicantStatus status) {
        return volunteers.applicant(openingA, TestFixtures.unique("山田花子"),
                TestFixtures.unique("hanako") + "@example.jp", status, now.minus(Duration.ofDays(10)));
    }

    private static PipelineFilter all() {
        return PipelineFilter.all();
    }

    // --- who sees what -----------------------------------------------------------------------------------------

    @Test
    void memberOfAnotherOrganisationCanNeitherReadNorChangeApplicants() {
        Applicant applicant = applicantA(ApplicantStatus.ACTIVE);
        Long id = applicant.getId();

        fixtures.as(memberB, () -> {
            assertThatThrownBy(() -> service.get(id)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.notes(id)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.activities(id)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.moveTo(id, applicant.getVersion(), ApplicantStatus.FINISHED))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.addNote(id, "メモ")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.recordActivity(id, LocalDate.now(), BigDecimal.ONE, null))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.export(orgA.getId(), Locale.JAPANESE, new StringWriter()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.erase(id)).isInstanceOf(AccessDeniedException.class);
        });
        assertThat(fixtures.as(memberA, () -> service.notes(id))).isEmpty();
    }

    @Test
    void listsNeverContainAnotherOrganisationsApplicantsEvenWhenAMemberAsksForThem() {
        Applicant ours = applicantA(ApplicantStatus.NEW);
        Applicant theirs = volunteers.applicant(openingB, "他団体の応募者", null, ApplicantStatus.NEW,
                now.minus(Duration.ofDays(5)));

        List<Applicant> seen = fixtures.as(memberA, () -> service.applicants(
                new PipelineFilter(orgB.getId(), Set.of(), false), 0, 100));
        long count = fixtures.as(memberA, () -> service.count(new PipelineFilter(orgB.getId(), Set.of(), false)));
        List<Applicant> waiting = fixtures.as(memberA, () -> service.needsReply(0, 100));

        assertThat(seen).extracting(Applicant::getId).contains(ours.getId()).doesNotContain(theirs.getId());
        assertThat(seen).allMatch(a -> a.getOrganisationId().equals(orgA.getId()));
        assertThat(count).isEqualTo(seen.size());
        assertThat(waiting).extracting(Applicant::getId).contains(ours.getId()).doesNotContain(theirs.getId());
    }

    @Test
    void coordinatorSeesEveryOrganisationOrOneOfThem() {
        Applicant ours = applicantA(ApplicantStatus.NEW);
        Applicant theirs = volunteers.applicant(openingB, "他団体の応募者", null, ApplicantStatus.NEW, now);

        List<Applicant> everyone = fixtures.as(coordinator, () -> service.applicants(all(), 0, 500));
        List<Applicant> onlyB = fixtures.as(coordinator, () -> service.applicants(
                new PipelineFilter(orgB.getId(), Set.of(), false), 0, 100));

        assertThat(everyone).extracting(Applicant::getId).contains(ours.getId(), theirs.getId());
        assertThat(onlyB).extracting(Applicant::getId).containsExactly(theirs.getId());
        assertThat(fixtures.as(coordinator, () -> service.get(ours.getId())).getName()).isEqualTo(ours.getName());
    }

    @Test
    void anonymousCallerGetsNothing() {
        Applicant applicant = applicantA(ApplicantStatus.NEW);

        assertThatThrownBy(() -> service.applicants(all(), 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.count(all())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.needsReply(0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.get(applicant.getId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.export(null, Locale.JAPANESE, new StringWriter()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.accessLog(0, 10)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void missingApplicantIsNotFound() {
        assertThatThrownBy(() -> fixtures.as(memberA, () -> service.get(Long.MAX_VALUE)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void listsAreNewestFirstAndFilteredByStatus() {
        Applicant older = volunteers.applicant(openingA, "古い応募", null, ApplicantStatus.NEW,
                now.minus(Duration.ofDays(2)));
        Applicant newer = volunteers.applicant(openingA, "新しい応募", null, ApplicantStatus.NEW, now);
        Applicant contacted = volunteers.applicant(openingA, "連絡済の方", null, ApplicantStatus.CONTACTED, now);

        List<Applicant> fresh = fixtures.as(memberA, () -> service.applicants(
                new PipelineFilter(null, Set.of(ApplicantStatus.NEW), false), 0, 10));

        assertThat(fresh).extracting(Applicant::getId).containsExactly(newer.getId(), older.getId());
        assertThat(fresh).extracting(Applicant::getId).doesNotContain(contacted.getId());
    }

    // --- pipeline ----------------------------------------------------------------------------------------------

    @Test
    void applicantMovesAlongThePipelineAndIsRecruitedWhenFirstActive() {
        Applicant applicant = applicantA(ApplicantStatus.NEW);

        Applicant contacted = fixtures.as(memberA, () -> service.moveTo(applicant.getId(), applicant.getVersion(),
                ApplicantStatus.CONTACTED));
        assertThat(contacted.getStatus()).isEqualTo(ApplicantStatus.CONTACTED);
        assertThat(contacted.getRecruitedAt()).isNull();

        Applicant active = fixtures.as(memberA, () -> service.moveTo(applicant.getId(), contacted.getVersion(),
                ApplicantStatus.ACTIVE));
        assertThat(active.getRecruitedAt()).isNotNull();
        Instant recruited = active.getRecruitedAt();

        Applicant finished = fixtures.as(memberA, () -> service.moveTo(applicant.getId(), active.getVersion(),
                ApplicantStatus.FINISHED));
        Applicant again = fixtures.as(memberA, () -> service.moveTo(applicant.getId(), finished.getVersion(),
                ApplicantStatus.ACTIVE));
        assertThat(again.getRecruitedAt()).isCloseTo(recruited, within(1, ChronoUnit.MILLIS));
        assertThat(again.getLastActivityAt()).isAfter(applicant.getLastActivityAt());
    }

    @Test
    void movesThePipelineDoesNotAllowAreRefusedOnTheStatusField() {
        Applicant applicant = applicantA(ApplicantStatus.NEW);

        assertThatThrownBy(() -> fixtures.as(memberA, () -> service.moveTo(applicant.getId(),
                applicant.getVersion(), ApplicantStatus.FINISHED)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::field).containsExactly("status"));
        assertThat(applicantRepository.findById(applicant.getId()).orElseThrow().getStatus())
                .isEqualTo(ApplicantStatus.NEW);
    }

    @Test
    void staleVersionIsRefused() {
        Applicant applicant = applicantA(ApplicantStatus.NEW);
        fixtures.as(memberA, () -> service.moveTo(applicant.getId(), applicant.getVersion(),
                ApplicantStatus.CONTACTED));

        assertThatThrownBy(() -> fixtures.as(memberA, () -> service.moveTo(applicant.getId(),
                applicant.getVersion(), ApplicantStatus.DECLINED)))
                .isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void needsReplyListsOnlyNewOffersOlderThanThreeDaysOldestFirst() {
        Applicant fiveDays = volunteers.applicant(openingA, "5日前", null, ApplicantStatus.NEW,
                now.minus(Duration.ofDays(5)));
        Applicant fourDays = volunteers.applicant(openingA, "4日前", null, ApplicantStatus.NEW,
                now.minus(Duration.ofDays(4)));
        Applicant twoDays = volunteers.applicant(openingA, "2日前", null, ApplicantStatus.NEW,
                now.minus(Duration.ofDays(2)));
        Applicant answered = volunteers.applicant(openingA, "連絡済", null, ApplicantStatus.CONTACTED,
                now.minus(Duration.ofDays(6)));

        List<Applicant> waiting = fixtures.as(memberA, () -> service.needsReply(0, 10));
        long count = fixtures.as(memberA, () -> service.needsReplyCount());
        List<Applicant> filtered = fixtures.as(memberA, () -> service.applicants(
                new PipelineFilter(null, Set.of(), true), 0, 10));

        assertThat(waiting).extracting(Applicant::getId).containsExactly(fiveDays.getId(), fourDays.getId());
        assertThat(count).isEqualTo(2);
        assertThat(filtered).extracting(Applicant::getId).containsExactlyInAnyOrder(fiveDays.getId(),
                fourDays.getId());
        assertThat(waiting).extracting(Applicant::getId).doesNotContain(twoDays.getId(), answered.getId());
        assertThat(service.daysWaiting(fourDays)).isEqualTo(4);
    }

    @Test
    void notesAreKeptNewestFirstAndMustBePlainText() {
        Applicant applicant = applicantA(ApplicantStatus.CONTACTED);

        fixtures.as(memberA, () -> service.addNote(applicant.getId(), "電話しました"));
        fixtures.as(memberA, () -> service.addNote(applicant.getId(), "説明会に\n来てくれるそうです"));

        assertThat(fixtures.as(memberA, () -> service.notes(applicant.getId()))).extracting(ApplicantNote::getText)
                .containsExactly("説明会に\n来てくれるそうです", "電話しました");
        assertThat(applicantRepository.findById(applicant.getId()).orElseThrow().getLastActivityAt())
                .isAfter(applicant.getLastActivityAt());
        for (String bad : new String[] {"", "<script>alert(1)</script>", "あ".repeat(1001)}) {
            assertThatThrownBy(() -> fixtures.as(memberA, () -> service.addNote(applicant.getId(), bad)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                            .extracting(InvalidInputException.FieldProblem::field).containsExactly("text"));
        }
        assertThat(fixtures.as(memberA, () -> service.notes(applicant.getId()))).hasSize(2);
    }

    @Test
    void activityIsRecordedForActiveVolunteersWithTheirTotal() {
        Applicant applicant = applicantA(ApplicantStatus.ACTIVE);
        LocalDate today = LocalDate.now(TOKYO);

        fixtures.as(memberA, () -> service.recordActivity(applicant.getId(), today.minusDays(1),
                new BigDecimal("2.5"), "受付"));
        fixtures.as(memberA, () -> service.recordActivity(applicant.getId(), today, new BigDecimal("0.75"), null));

        assertThat(fixtures.as(memberA, () -> service.activities(applicant.getId())))
                .extracting(VolunteerActivity::getActivityDate).containsExactly(today, today.minusDays(1));
        assertThat(fixtures.as(memberA, () -> service.totalHours(applicant.getId())))
                .isEqualByComparingTo("3.25");
    }

    @Test
    void badActivityInputIsRefusedAtItsFieldAndNothingIsSaved() {
        Applicant applicant = applicantA(ApplicantStatus.ACTIVE);
        LocalDate today = LocalDate.now(TOKYO);

        assertActivityRefused(applicant, today, BigDecimal.ZERO, null, "hours");
        assertActivityRefused(applicant, today, new BigDecimal("25"), null, "hours");
        assertActivityRefused(applicant, today, new BigDecimal("1.1"), null, "hours");
        assertActivityRefused(applicant, today, null, null, "hours");
        assertActivityRefused(applicant, today.plusDays(1), BigDecimal.ONE, null, "date");
        assertActivityRefused(applicant, today.minusDays(30), BigDecimal.ONE, null, "date");
        assertActivityRefused(applicant, null, BigDecimal.ONE, null, "date");
        assertActivityRefused(applicant, today, BigDecimal.ONE, "<b>受付</b>", "role");
        assertActivityRefused(applicant, today, BigDecimal.ONE, "あ".repeat(81), "role");
        assertThat(fixtures.as(memberA, () -> service.activities(applicant.getId()))).isEmpty();
    }

    @Test
    void activityIsOnlyForActiveOrFinishedVolunteers() {
        Applicant applicant = applicantA(ApplicantStatus.CONTACTED);

        assertActivityRefused(applicant, LocalDate.now(TOKYO), BigDecimal.ONE, null,
                "status");
    }

    private void assertActivityRefused(Applicant applicant, LocalDate date, BigDecimal hours, String role,
                                       String field) {
        assertThatThrownBy(() -> fixtures.as(memberA, () -> service.recordActivity(applicant.getId(), date, hours,
                role))).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::field).containsExactly(field));
    }

    // --- access log --------------------------------------------------------------------------------------------

    @Test
    void everyListDetailExportAndErasureIsLogged() {
        Applicant applicant = applicantA(ApplicantStatus.NEW);

        List<Applicant> listed = fixtures.as(memberA, () -> service.applicants(all(), 0, 50));
        fixtures.as(memberA, () -> service.get(applicant.getId()));
        StringWriter csv = new StringWriter();
        int exported = fixtures.as(memberA, () -> service.export(null, Locale.JAPANESE, csv));
        fixtures.as(coordinator, () -> service.erase(applicant.getId()));

        List<ApplicantAccess> log = fixtures.as(coordinator, () -> service.accessLog(0, 200));
        List<ApplicantAccess> byMember = log.stream().filter(e -> e.getUsername().equals(memberA)).toList();
        assertThat(byMember).extracting(ApplicantAccess::getAction)
                .containsExactly(AccessAction.EXPORT, AccessAction.VIEW, AccessAction.LIST);
        assertThat(byMember).allMatch(e -> e.getOrganisationId().equals(orgA.getId()));
        assertThat(byMember.get(0).getRecordCount()).isEqualTo(exported).isEqualTo(1);
        assertThat(byMember.get(1).getApplicantId()).isEqualTo(applicant.getId());
        assertThat(byMember.get(2).getRecordCount()).isEqualTo(listed.size());
        assertThat(log).anyMatch(e -> e.getUsername().equals(coordinator) && e.getAction() == AccessAction.ERASE
                && applicant.getId().equals(e.getApplicantId()));
        assertThatThrownBy(() -> fixtures.as(memberA, () -> service.accessLog(0, 10)))
                .isInstanceOf(AccessDeniedException.class);
    }

    // --- export ------------------------------------------------------------------------------------------------

    @Test
    void exportHasBomJapaneseHeaderOwnApplicantsAndGuardsAgainstFormulas() {
        Applicant formula = volunteers.applicant(openingA, "=HYPERLINK(\"x\")", "a@example.jp",
                ApplicantStatus.NEW, now);
        volunteers.applicant(openingB, "他団体の応募者", null, ApplicantStatus.NEW, now);

        StringWriter out = new StringWriter();
        fixtures.as(memberA, () -> service.export(null, Locale.JAPANESE, out));
        String csv = out.toString();

        assertThat(csv).startsWith("\uFEFF応募番号,");
        assertThat(csv).contains("'=HYPERLINK(\"\"x\"\")").contains(String.valueOf(formula.getId()))
                .doesNotContain("他団体の応募者");
        assertThat(csv.lines()).hasSize(2);

        StringWriter english = new StringWriter();
        fixtures.as(memberA, () -> service.export(orgA.getId(), Locale.ENGLISH, english));
        assertThat(english.toString()).startsWith("\uFEFFOffer no.,");
    }

    // --- privacy -----------------------------------------------------------------------------------------------

    @Test
    void coordinatorErasesOnePersonAndKeepsTheStatistics() {
        Applicant applicant = applicantA(ApplicantStatus.ACTIVE);
        fixtures.as(memberA, () -> service.addNote(applicant.getId(), "山田さんに電話"));
        fixtures.as(memberA, () -> service.recordActivity(applicant.getId(),
                LocalDate.now(TOKYO), BigDecimal.ONE, "受付"));

        assertThatThrownBy(() -> fixtures.as(memberA, () -> service.erase(applicant.getId())))
                .isInstanceOf(AccessDeniedException.class);
        fixtures.as(coordinator, () -> service.erase(applicant.getId()));

        Applicant erased = applicantRepository.findById(applicant.getId()).orElseThrow();
        assertPersonalFieldsGone(erased);
        assertThat(erased.getStatus()).isEqualTo(ApplicantStatus.ACTIVE);
        assertThat(erased.getRecruitedAt()).isNotNull();
        assertThat(fixtures.as(memberA, () -> service.notes(applicant.getId()))).isEmpty();
        assertThat(fixtures.as(memberA, () -> service.activities(applicant.getId()))).hasSize(1);
        assertThatThrownBy(() -> fixtures.as(memberA, () -> service.addNote(applicant.getId(), "追記")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void retentionAnonymisesExactlyTheExpiredAndKeepsTheStatistics() {
        Instant longAgo = ZonedDateTime.now().minusMonths(13).toInstant();
        Applicant expired = volunteers.applicant(openingA, "期限切れの方", "old@example.jp", ApplicantStatus.ACTIVE,
                longAgo);
        noteRepository.saveAndFlush(new ApplicantNote(expired.getId(), "古いメモ", "staff", longAgo));
        activityRepository.saveAndFlush(new VolunteerActivity(expired.getId(), orgA.getId(),
                LocalDate.ofInstant(longAgo, TOKYO), new BigDecimal("2.00"), "受付",
                "staff", longAgo));
        Applicant recent = volunteers.applicant(openingA, "最近の方", "new@example.jp", ApplicantStatus.NEW,
                ZonedDateTime.now().minusMonths(11).toInstant());
        noteRepository.saveAndFlush(new ApplicantNote(recent.getId(), "最近のメモ", "staff", now));

        int count = SystemAccess.runAsSystem(service::anonymiseExpired);

        assertThat(count).isGreaterThanOrEqualTo(1);
        Applicant gone = applicantRepository.findById(expired.getId()).orElseThrow();
        assertPersonalFieldsGone(gone);
        assertThat(gone.getStatus()).isEqualTo(ApplicantStatus.ACTIVE);
        assertThat(gone.getAgeBand()).isEqualTo(expired.getAgeBand());
        assertThat(gone.getSupporterType()).isEqualTo(expired.getSupporterType());
        assertThat(gone.getRecruitedAt()).isCloseTo(expired.getRecruitedAt(), within(1, ChronoUnit.MILLIS));
        assertThat(gone.getOrganisationId()).isEqualTo(orgA.getId());
        assertThat(gone.getCreatedAt()).isCloseTo(expired.getCreatedAt(), within(1, ChronoUnit.MILLIS));
        assertThat(noteRepository.findByApplicantId(expired.getId(), OffsetPage.of(0, 10, Sort.unsorted())))
                .isEmpty();
        assertThat(activityRepository.findByApplicantId(expired.getId(), OffsetPage.of(0, 10, Sort.unsorted())))
                .hasSize(1);

        Applicant kept = applicantRepository.findById(recent.getId()).orElseThrow();
        assertThat(kept.isAnonymised()).isFalse();
        assertThat(kept.getName()).isEqualTo("最近の方");
        assertThat(kept.getEmail()).isEqualTo("new@example.jp");
        assertThat(noteRepository.findByApplicantId(recent.getId(), OffsetPage.of(0, 10, Sort.unsorted())))
                .hasSize(1);
        assertThat(SystemAccess.runAsSystem(service::anonymiseExpired)).isZero();
    }

    @Test
    void nightlyJobRunsTheRetentionAsTheSystemWithoutALogin() {
        Applicant expired = volunteers.applicant(openingA, "期限切れの方", "job@example.jp", ApplicantStatus.NEW,
                ZonedDateTime.now().minusMonths(12).minusDays(1).toInstant());

        retentionJob.anonymiseExpired();

        assertPersonalFieldsGone(applicantRepository.findById(expired.getId()).orElseThrow());
    }

    @Test
    void retentionIsNotForMembers() {
        assertThatThrownBy(() -> fixtures.as(memberA, () -> service.anonymiseExpired()))
                .isInstanceOf(AccessDeniedException.class);
    }

    private static void assertPersonalFieldsGone(Applicant applicant) {
        assertThat(applicant.isAnonymised()).isTrue();
        assertThat(applicant.getName()).isNull();
        assertThat(applicant.getEmail()).isNull();
        assertThat(applicant.getPhone()).isNull();
        assertThat(applicant.getContactKey()).isNull();
        assertThat(applicant.getAvailability()).isNull();
        assertThat(applicant.getMessage()).isNull();
        assertThat(applicant.getGuardianName()).isNull();
    }
}
