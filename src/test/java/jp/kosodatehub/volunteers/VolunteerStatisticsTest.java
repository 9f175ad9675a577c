package jp.kosodatehub.volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.goals.FiscalYear;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.volunteers.VolunteerTotals.OrganisationRow;
import jp.kosodatehub.volunteers.VolunteerTotals.SupporterTypeRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Totals against a fixture whose counts are known, in organisations of its own. Other tests add volunteers to the
 * same database, so network-wide figures are compared as the difference the fixture makes.
 */
@SpringBootTest
class VolunteerStatisticsTest {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    @Autowired
    VolunteerStatistics statistics;

    @Autowired
    VolunteerFixtures volunteers;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    ApplicantRepository applicants;

    @Autowired
    VolunteerActivityRepository activities;

    Organisation salon;
    Organisation cafeteria;
    Organisation quiet;
    VolunteerTotals before2025;
    VolunteerTotals before2026;

    /**
     * FY2025: salon 2 recruited (one at 23:30 on 31 March), 2.5 h; cafeteria 1 (finished), 2 h.
     * FY2026: salon 3 recruited (one finished, one anonymised, one at midnight on 1 April), 4.25 h; cafeteria 1
     * (a parent), 4 h. New, contacted, declined and once-active-then-declined applicants never count; the quiet
     * organisation has nothing that counts.
     */
    @BeforeEach
    void setUp() {
        before2025 = statistics.totals(2025);
        before2026 = statistics.totals(2026);
        salon = fixtures.organisation("ひまわりサロン", false);
        cafeteria = fixtures.organisation("かなざわ子ども食堂", false);
        quiet = fixtures.organisation("のうけんだいひろば", false);
        Opening salonOpening = volunteers.publishedOpening(salon, Set.of(SupporterType.ANYONE), null);
        Opening cafeteriaOpening = volunteers.publishedOpening(cafeteria, Set.of(SupporterType.ANYONE), null);
        Opening quietOpening = volunteers.publishedOpening(quiet, Set.of(SupporterType.ANYONE), null);

        Applicant june2025 = applicant(salonOpening, ApplicantStatus.ACTIVE, at(2025, 6, 10, 10, 0));
        applicant(salonOpening, ApplicantStatus.ACTIVE, at(2026, 3, 31, 23, 30));
        applicant(salonOpening, ApplicantStatus.FINISHED, at(2026, 5, 10, 10, 0));
        applicant(salonOpening, ApplicantStatus.ACTIVE, at(2026, 4, 1, 0, 0));
        Applicant anonymised = applicant(salonOpening, ApplicantStatus.ACTIVE, at(2026, 7, 1, 9, 0));
        Applicant stored = applicants.findById(anonymised.getId()).orElseThrow();
        stored.anonymise(Instant.now());
        applicants.saveAndFlush(stored);
        applicant(salonOpening, ApplicantStatus.NEW, at(2026, 5, 10, 10, 0));
        applicant(salonOpening, ApplicantStatus.CONTACTED, at(2026, 5, 10, 10, 0));
        applicant(salonOpening, ApplicantStatus.DECLINED, at(2026, 5, 10, 10, 0));
        Applicant gaveUp = new Applicant(salonOpening, "途中で辞退", null, "045-000-0000", "0450000000",
                VolunteerAgeBand.AGE_18_22, SupporterType.UNIVERSITY, null, null, null, false, "2026-1", null,
                at(2026, 5, 10, 10, 0));
        gaveUp.moveTo(ApplicantStatus.ACTIVE, at(2026, 5, 11, 10, 0));
        gaveUp.moveTo(ApplicantStatus.DECLINED, at(2026, 5, 20, 10, 0));
        applicants.saveAndFlush(gaveUp);

        Applicant parent = typed(cafeteriaOpening, SupporterType.PARENT, ApplicantStatus.ACTIVE,
                at(2026, 6, 1, 10, 0));
        Applicant retired = typed(cafeteriaOpening, SupporterType.RETIRED, ApplicantStatus.FINISHED,
                at(2025, 10, 1, 10, 0));
        Applicant waiting = applicant(quietOpening, ApplicantStatus.NEW, at(2026, 5, 10, 10, 0));

        activity(june2025, LocalDate.of(2025, 12, 1), "2.5");
        activity(june2025, LocalDate.of(2026, 4, 1), "3");
        activity(anonymised, LocalDate.of(2026, 8, 1), "1.25");
        activity(parent, LocalDate.of(2026, 6, 15), "4");
        activity(retired, LocalDate.of(2026, 3, 31), "2");
        assertThat(waiting.getRecruitedAt()).isNull();
    }

    private Applicant applicant(Opening opening, ApplicantStatus status, Instant at) {
        return volunteers.applicant(opening, TestFixtures.unique("応募者"), null, status, at);
    }

    private Applicant typed(Opening opening, SupporterType type, ApplicantStatus status, Instant at) {
        Applicant applicant = new Applicant(opening, TestFixtures.unique("応募者"), null, "045-000-0000",
                "0450000000", VolunteerAgeBand.AGE_18_22, type, null, null, null, false, "2026-1", null, at);
        applicant.moveTo(ApplicantStatus.ACTIVE, at);
        if (status != ApplicantStatus.ACTIVE) {
            applicant.moveTo(status, at);
        }
        return applicants.saveAndFlush(applicant);
    }

    private void activity(Applicant applicant, LocalDate date, String hours) {
        activities.saveAndFlush(new VolunteerActivity(applicant.getId(), applicant.getOrganisationId(), date,
                new BigDecimal(hours), "受付", "test", Instant.now()));
    }

    private static Instant at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(JAPAN).toInstant();
    }

    private List<OrganisationRow> mine(VolunteerTotals totals) {
        Set<Long> ids = Set.of(salon.getId(), cafeteria.getId(), quiet.getId());
        return totals.organisations().stream().filter(row -> ids.contains(row.organisationId())).toList();
    }

    private static Map<SupporterType, SupporterTypeRow> byType(VolunteerTotals totals) {
        return totals.supporterTypes().stream()
                .collect(Collectors.toMap(SupporterTypeRow::supporterType, Function.identity()));
    }

    @Test
    void eachOrganisationCountsItsRecruitsAndHoursOfTheFiscalYear() {
        VolunteerTotals totals = statistics.totals(2026);

        assertThat(totals.fiscalYear()).isEqualTo(2026);
        assertThat(mine(totals)).extracting(OrganisationRow::organisationId, OrganisationRow::name,
                        OrganisationRow::recruited)
                .containsExactly(tuple(cafeteria.getId(), cafeteria.getName(), 1L),
                        tuple(salon.getId(), salon.getName(), 3L));
        assertThat(mine(totals)).extracting(OrganisationRow::hours).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("4"), new BigDecimal("4.25"));
    }

    @Test
    void theEarlierYearHasItsOwnFiguresIncludingHalfAnHourBeforeAprilInJapan() {
        VolunteerTotals totals = statistics.totals(2025);

        assertThat(mine(totals)).extracting(OrganisationRow::name, OrganisationRow::recruited)
                .containsExactly(tuple(cafeteria.getName(), 1L),
                        tuple(salon.getName(), 2L));
        assertThat(mine(totals)).extracting(OrganisationRow::hours).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("2"), new BigDecimal("2.5"));
    }

    @Test
    void networkFiguresGrowByExactlyWhatCounts() {
        VolunteerTotals after2025 = statistics.totals(2025);
        VolunteerTotals after2026 = statistics.totals(2026);

        assertThat(after2025.recruited() - before2025.recruited()).isEqualTo(3);
        assertThat(after2025.hours().subtract(before2025.hours())).isEqualByComparingTo("4.5");
        assertThat(after2026.recruited() - before2026.recruited()).isEqualTo(4);
        assertThat(after2026.hours().subtract(before2026.hours())).isEqualByComparingTo("8.25");
        assertThat(statistics.recruited(LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31)))
                .isEqualTo(after2026.recruited());
        assertThat(statistics.hours(LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31)))
                .isEqualByComparingTo(after2026.hours());
    }

    @Test
    void everySupporterTypeIsListedAndGrowsByItsOwnVolunteers() {
        Map<SupporterType, SupporterTypeRow> before = byType(before2026);
        Map<SupporterType, SupporterTypeRow> after = byType(statistics.totals(2026));

        assertThat(statistics.totals(2026).supporterTypes()).extracting(SupporterTypeRow::supporterType)
                .containsExactly(SupporterType.values());
        assertThat(after.get(SupporterType.UNIVERSITY).recruited() - before.get(SupporterType.UNIVERSITY).recruited())
                .isEqualTo(3);
        assertThat(after.get(SupporterType.UNIVERSITY).hours().subtract(before.get(SupporterType.UNIVERSITY).hours()))
                .isEqualByComparingTo("4.25");
        assertThat(after.get(SupporterType.PARENT).recruited() - before.get(SupporterType.PARENT).recruited())
                .isEqualTo(1);
        assertThat(after.get(SupporterType.PARENT).hours().subtract(before.get(SupporterType.PARENT).hours()))
                .isEqualByComparingTo("4");
        assertThat(after.get(SupporterType.RETIRED).recruited() - before.get(SupporterType.RETIRED).recruited())
                .isZero();
    }

    @Test
    void theLastHalfHourOfMarchBelongsToTheEarlierYear() {
        LocalDate lastDay = LocalDate.of(2026, 3, 31);
        long marchBefore = statistics.recruited(lastDay, lastDay);
        Applicant late = applicant(volunteers.publishedOpening(salon, Set.of(SupporterType.ANYONE), null),
                ApplicantStatus.ACTIVE, at(2026, 3, 31, 23, 59));

        assertThat(statistics.recruited(lastDay, lastDay)).isEqualTo(marchBefore + 1);
        assertThat(late.getRecruitedAt()).isEqualTo(Instant.parse("2026-03-31T14:59:00Z"));
        assertThat(statistics.totals(2025).organisations()).filteredOn(row -> row.organisationId()
                .equals(salon.getId())).singleElement().satisfies(row -> assertThat(row.recruited()).isEqualTo(3));
    }

    @Test
    void yearsOfferedReachFromTheFirstRecordToThisYear() {
        int current = FiscalYear.of(LocalDate.now(JAPAN));

        List<Integer> years = statistics.fiscalYears();

        assertThat(years).contains(current, 2025).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(years).doesNotHaveDuplicates();
    }
}
