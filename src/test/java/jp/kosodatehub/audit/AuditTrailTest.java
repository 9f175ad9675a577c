package jp.kosodatehub.audit;

import static jp.kosodatehub.TestFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.events.AgeBand;
import jp.kosodatehub.events.Event;
import jp.kosodatehub.events.EventDraft;
import jp.kosodatehub.events.EventService;
import jp.kosodatehub.goals.Direction;
import jp.kosodatehub.goals.GoalForms;
import jp.kosodatehub.goals.GoalService;
import jp.kosodatehub.goals.Indicator;
import jp.kosodatehub.goals.IndicatorForm;
import jp.kosodatehub.goals.IndicatorKind;
import jp.kosodatehub.goals.IndicatorResult;
import jp.kosodatehub.goals.UpdateFrequency;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.organisations.OrganisationService;
import jp.kosodatehub.reference.EventKind;
import jp.kosodatehub.security.Account;
import jp.kosodatehub.security.AccountService;
import jp.kosodatehub.security.SystemAccess;
import jp.kosodatehub.volunteers.Applicant;
import jp.kosodatehub.volunteers.ApplicantService;
import jp.kosodatehub.volunteers.ApplicantStatus;
import jp.kosodatehub.volunteers.Opening;
import jp.kosodatehub.volunteers.SupporterType;
import jp.kosodatehub.volunteers.VolunteerFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
class AuditTrailTest {

    @Autowired
    AuditService audit;

    @Autowired
    EventService events;

    @Autowired
    OrganisationService organisations;

    @Autowired
    AccountService accounts;

    @Autowired
    GoalService goals;

    @Autowired
    ApplicantService applicants;

    @Autowired
    VolunteerFixtures volunteers;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    TestFixtures fixtures;

    EventKind salon;
    Organisation ours;
    String member;
    String coordinator;

    @BeforeEach
    void setUp() {
        salon = fixtures.kind("サロン");
        ours = fixtures.organisation("audited", false);
        member = fixtures.member(ours);
        coordinator = fixtures.coordinator();
    }

    private List<AuditEntry> trail(String type, Long id) {
        return fixtures.as(coordinator, () -> audit.entries(
                new AuditFilter(type, id, null, null, null, null), 0, 50)).reversed();
    }

    private static FieldChange field(AuditEntry entry, String name) {
        return entry.getChanges().stream().filter(change -> change.field().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No change of " + name + " in " + entry.getChanges()));
    }

    @Test
    void eventEditRecordsBeforeAndAfterOfTheChangedFieldsWithTheEditor() {
        Event event = fixtures.as(member, () -> events.save(draft(salon, "ひよこサロン")));
        EventDraft edit = fixtures.as(member, () -> events.loadForEdit(event.getId()));
        edit.setTitle("ひよこサロン（会場変更）");
        edit.setAgeBands(EnumSet.of(AgeBand.AGE_1, AgeBand.AGE_2));
        fixtures.as(member, () -> events.save(edit));

        List<AuditEntry> entries = trail("Event", event.getId());
        assertThat(entries).extracting(AuditEntry::getAction).containsExactly(AuditAction.INSERT,
                AuditAction.UPDATE);
        AuditEntry insert = entries.get(0);
        assertThat(field(insert, "title").after()).isEqualTo("ひよこサロン");
        assertThat(field(insert, "ageBands").after()).isEqualTo("AGE_1");
        AuditEntry update = entries.get(1);
        assertThat(update.getUsername()).isEqualTo(member);
        assertThat(update.getAccountId()).isEqualTo(fixtures.account(member).getId());
        assertThat(field(update, "title")).isEqualTo(new FieldChange("title", "ひよこサロン", "ひよこサロン（会場変更）"));
        assertThat(field(update, "ageBands")).isEqualTo(new FieldChange("ageBands", "AGE_1", "AGE_1, AGE_2"));
        assertThat(update.getChanges()).extracting(FieldChange::field)
                .doesNotContain("venueName", "startsAt", "version", "updatedAt");
        assertThat(update.getEntityVersion()).isEqualTo(edit.getVersion() + 1);
    }

    @Test
    void publishingRecordsTheStatusChangeByTheOffice() {
        Event event = fixtures.as(member, () -> events.save(draft(salon, "おはなし会")));
        Event submitted = fixtures.as(member, () -> events.submit(event.getId(), event.getVersion()));
        fixtures.as(coordinator, () -> events.publish(event.getId(), submitted.getVersion()));

        AuditEntry last = trail("Event", event.getId()).getLast();
        assertThat(last.getUsername()).isEqualTo(coordinator);
        assertThat(field(last, "status")).isEqualTo(new FieldChange("status", "SUBMITTED", "PUBLISHED"));
    }

    @Test
    void organisationChangeIsRecordedAndSystemJobsShowAsSystem() {
        Organisation organisation = fixtures.organisation("renamed", false);
        organisation.setTrusted(true);
        SystemAccess.runAsSystem(() -> organisations.save(organisation));

        List<AuditEntry> entries = trail("Organisation", organisation.getId());
        assertThat(entries).extracting(AuditEntry::getAction).containsExactly(AuditAction.INSERT,
                AuditAction.UPDATE);
        assertThat(entries.get(1).getUsername()).isEqualTo("system");
        assertThat(field(entries.get(1), "trusted")).isEqualTo(new FieldChange("trusted", "false", "true"));
    }

    @Test
    void passwordChangeIsRecordedWithoutTheHash() {
        Account account = fixtures.account(member);
        fixtures.as(coordinator, () -> accounts.resetPassword(account.getId(), account.getVersion(),
                "another-horse-battery-staple"));

        List<AuditEntry> entries = trail("Account", account.getId());
        assertThat(field(entries.getFirst(), "passwordHash").after()).isEqualTo("***");
        assertThat(field(entries.getLast(), "passwordHash")).isEqualTo(new FieldChange("passwordHash", "***", "***"));
        assertThat(entries.getLast().getUsername()).isEqualTo(coordinator);
        assertThat(entries).allSatisfy(entry -> assertThat(entry.getChanges()).noneMatch(
                change -> String.valueOf(change.before()).startsWith("{")
                        || String.valueOf(change.after()).startsWith("{")));
    }

    @Test
    void failedLoginCountersStayOutOfTheTrail() {
        // What people type into the name field is sometimes their password: it must not be kept.
        for (int i = 0; i < 5; i++) {
            SystemAccess.runAsSystem(() -> accounts.recordFailedLogin("correct-horse-typed-as-name", "203.0.113.9"));
            SystemAccess.runAsSystem(() -> accounts.recordFailedLogin(member, "203.0.113.9"));
        }

        assertThat(fixtures.as(coordinator, () -> audit.entries(
                new AuditFilter("LoginLock", null, null, null, null, null), 0, 50))).isEmpty();
        assertThat(fixtures.as(coordinator, () -> audit.entries(
                new AuditFilter(null, null, null, null, null, null), 0, 200)))
                .allSatisfy(entry -> assertThat(entry.getChanges()).noneMatch(change ->
                        String.valueOf(change.after()).contains("correct-horse-typed-as-name")));
    }

    @Test
    void indicatorResultIsRecorded() {
        Indicator indicator = fixtures.as(coordinator, () -> {
            var plan = goals.savePlan(new GoalForms.PlanForm(null, 0, TestFixtures.unique("指針"), 2026, 2030));
            var pillar = goals.savePillar(new GoalForms.PillarForm(null, 0, plan.getId(), 1, "発信"));
            var initiative = goals.saveInitiative(new GoalForms.InitiativeForm(null, 0, pillar.getId(), 1, "集約"));
            return goals.saveIndicator(new IndicatorForm(null, 0, initiative.getId(), "サロン数", "か所",
                    IndicatorKind.COUNT, Direction.INCREASE, new BigDecimal("8"), LocalDate.of(2022, 3, 31),
                    new BigDecimal("10"), 2030, null, "こども家庭支援課", UpdateFrequency.YEARLY, List.of(), null));
        });
        IndicatorResult result = fixtures.as(coordinator, () -> goals.recordResult(new GoalForms.ResultForm(
                indicator.getId(), LocalDate.of(2026, 3, 31), null, new BigDecimal("9"), "年度末集計", null, null)));

        AuditEntry entry = trail("IndicatorResult", result.getId()).getFirst();
        assertThat(entry.getAction()).isEqualTo(AuditAction.INSERT);
        assertThat(entry.getUsername()).isEqualTo(coordinator);
        assertThat(field(entry, "value").after()).isEqualTo("9");
        assertThat(field(entry, "note").after()).isEqualTo("年度末集計");
    }

    @Test
    void applicantStatusIsRecordedButPersonalDataNeverIs() {
        Opening opening = volunteers.publishedOpening(ours, EnumSet.of(SupporterType.ANYONE), null);
        Applicant applicant = volunteers.applicant(opening, "山田花子", "hanako@example.jp", ApplicantStatus.NEW,
                Instant.now());
        fixtures.as(member, () -> applicants.moveTo(applicant.getId(), applicant.getVersion(),
                ApplicantStatus.CONTACTED));
        fixtures.as(member, () -> applicants.addNote(applicant.getId(), "電話で話しました 090-1234-5678"));
        fixtures.as(coordinator, () -> applicants.erase(applicant.getId()));

        List<AuditEntry> entries = trail("Applicant", applicant.getId());
        assertThat(entries).extracting(AuditEntry::getAction).startsWith(AuditAction.INSERT, AuditAction.UPDATE);
        assertThat(field(entries.getFirst(), "name").after()).isEqualTo("***");
        assertThat(field(entries.get(1), "status")).isEqualTo(new FieldChange("status", "NEW", "CONTACTED"));
        assertThat(entries.get(1).getUsername()).isEqualTo(member);
        AuditEntry erased = entries.getLast();
        assertThat(erased.getUsername()).isEqualTo(coordinator);
        assertThat(field(erased, "name")).isEqualTo(new FieldChange("name", "***", null));
        assertThat(field(erased, "email")).isEqualTo(new FieldChange("email", "***", null));

        List<AuditEntry> everything = fixtures.as(coordinator, () -> audit.entries(AuditFilter.all(), 0, 200));
        assertThat(everything).as("no personal values anywhere in the trail").noneMatch(entry -> entry.getChanges().stream().anyMatch(change ->
                String.valueOf(change.before()).contains("山田花子")
                        || String.valueOf(change.after()).contains("山田花子")
                        || String.valueOf(change.after()).contains("hanako")
                        || String.valueOf(change.after()).contains("090-1234")));
        long searched = fixtures.as(coordinator, () -> audit.count(
                new AuditFilter(null, null, null, null, null, "山田花子")));
        assertThat(searched).isZero();
    }

    @Test
    void rolledBackChangeLeavesNoEntry() {
        String name = TestFixtures.unique("取り消される団体");
        Long[] id = new Long[1];
        SystemAccess.runAsSystem(() -> transactions.execute(status -> {
            Organisation organisation = organisations.save(
                    new Organisation(name, jp.kosodatehub.organisations.OrganisationKind.SALON, null));
            id[0] = organisation.getId();
            status.setRollbackOnly();
            return null;
        }));

        assertThat(id[0]).isNotNull();
        assertThat(trail("Organisation", id[0])).isEmpty();
        assertThat(fixtures.as(coordinator, () -> audit.count(new AuditFilter(null, null, null, null, null, name))))
                .isZero();
    }

    @Test
    void filtersByWhoWhatAndWhen() {
        Event event = fixtures.as(member, () -> events.save(draft(salon, TestFixtures.unique("絞り込み"))));
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));

        assertThat(fixtures.as(coordinator, () -> audit.count(new AuditFilter("Event", event.getId(), member,
                today, today, null)))).isEqualTo(1);
        assertThat(fixtures.as(coordinator, () -> audit.count(new AuditFilter("Event", event.getId(), coordinator,
                null, null, null)))).isZero();
        assertThat(fixtures.as(coordinator, () -> audit.count(new AuditFilter("Event", event.getId(), null,
                today.plusDays(1), null, null)))).isZero();
        assertThat(fixtures.as(coordinator, () -> audit.count(new AuditFilter(null, null, null, null, null,
                event.getTitle())))).isEqualTo(1);
    }

    @Test
    void membersCannotReadTheTrail() {
        assertThatThrownBy(() -> fixtures.as(member, () -> audit.entries(AuditFilter.all(), 0, 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(member, () -> audit.count(AuditFilter.all())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void changesSinceListsFieldsWhoAndWhenButNoValues() {
        Event event = fixtures.as(member, () -> events.save(draft(salon, "ころころサロン")));
        EventDraft edit = fixtures.as(member, () -> events.loadForEdit(event.getId()));
        edit.setTitle("ころころサロン 秋");
        fixtures.as(coordinator, () -> events.save(edit));

        List<ConcurrentChange> changes = fixtures.as(member, () -> audit.changesSince("Event", event.getId(),
                event.getVersion()));
        assertThat(changes).hasSize(1);
        assertThat(changes.getFirst().username()).isEqualTo(coordinator);
        assertThat(changes.getFirst().fields()).contains("title");
        assertThat(fixtures.as(member, () -> audit.changesSince("Event", event.getId(), edit.getVersion() + 1)))
                .isEmpty();
    }
}
