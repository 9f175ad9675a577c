package jp.kosodatehub.volunteers;

import java.math.BigDecimal;
import java.text.Collator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import jp.kosodatehub.goals.FiscalYear;
import jp.kosodatehub.volunteers.VolunteerTotals.OrganisationRow;
import jp.kosodatehub.volunteers.VolunteerTotals.SupporterTypeRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many volunteers the network recruited and how many hours they gave, per fiscal year. Public: the figures are
 * the network's account of its goals and say nothing about any person. A volunteer counts in the fiscal year they
 * first became active, if they are active or finished now; anonymised ones still count, because what is counted
 * survives anonymisation. Days and years are Japanese ones, whatever zone the server runs in.
 */
@Service
public class VolunteerStatistics {

    private final VolunteerStatisticsRepository statistics;
    private final Clock clock;

    VolunteerStatistics(VolunteerStatisticsRepository statistics, Clock clock) {
        this.statistics = statistics;
        this.clock = clock;
    }

    /** Volunteers recruited from the start of {@code from} to the end of {@code to}, both days included. */
    @Transactional(readOnly = true)
    public long recruited(LocalDate from, LocalDate to) {
        return statistics.countRecruited(ApplicantStatus.RECRUITED, start(from), start(to.plusDays(1)));
    }

    /** Activity hours on the days from {@code from} to {@code to}, both included. */
    @Transactional(readOnly = true)
    public BigDecimal hours(LocalDate from, LocalDate to) {
        return orZero(statistics.sumHours(from, to));
    }

    @Transactional(readOnly = true)
    public VolunteerTotals totals(int fiscalYear) {
        LocalDate firstDay = FiscalYear.firstDay(fiscalYear);
        LocalDate lastDay = FiscalYear.lastDay(fiscalYear);
        Instant from = start(firstDay);
        Instant to = start(lastDay.plusDays(1));

        Map<Long, OrganisationRow> byOrganisation = new HashMap<>();
        for (var row : statistics.recruitedByOrganisation(ApplicantStatus.RECRUITED, from, to)) {
            byOrganisation.put(row.getOrganisationId(),
                    new OrganisationRow(row.getOrganisationId(), row.getName(), row.getTotal(), BigDecimal.ZERO));
        }
        for (var row : statistics.hoursByOrganisation(firstDay, lastDay)) {
            OrganisationRow known = byOrganisation.get(row.getOrganisationId());
            byOrganisation.put(row.getOrganisationId(), new OrganisationRow(row.getOrganisationId(), row.getName(),
                    known == null ? 0 : known.recruited(), orZero(row.getHours())));
        }
        Collator collator = Collator.getInstance(Locale.JAPANESE);
        List<OrganisationRow> organisations = byOrganisation.values().stream()
                .sorted(Comparator.comparing(OrganisationRow::name, collator)
                        .thenComparing(OrganisationRow::organisationId))
                .toList();

        Map<SupporterType, Long> recruitedByType = new EnumMap<>(SupporterType.class);
        statistics.recruitedBySupporterType(ApplicantStatus.RECRUITED, from, to)
                .forEach(row -> recruitedByType.put(row.getSupporterType(), row.getTotal()));
        Map<SupporterType, BigDecimal> hoursByType = new EnumMap<>(SupporterType.class);
        statistics.hoursBySupporterType(firstDay, lastDay)
                .forEach(row -> hoursByType.put(row.getSupporterType(), orZero(row.getHours())));
        List<SupporterTypeRow> types = new ArrayList<>();
        for (SupporterType type : SupporterType.values()) {
            types.add(new SupporterTypeRow(type, recruitedByType.getOrDefault(type, 0L),
                    hoursByType.getOrDefault(type, BigDecimal.ZERO)));
        }

        long recruited = organisations.stream().mapToLong(OrganisationRow::recruited).sum();
        BigDecimal hours = organisations.stream().map(OrganisationRow::hours).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        return new VolunteerTotals(fiscalYear, recruited, hours, organisations, types);
    }

    /** The fiscal years from the first with recruits or hours to this one (or a later one with data), newest first. */
    @Transactional(readOnly = true)
    public List<Integer> fiscalYears() {
        int current = FiscalYear.of(LocalDate.now(clock));
        int first = current;
        int last = current;
        var recruitedRange = statistics.recruitedRange(ApplicantStatus.RECRUITED);
        if (recruitedRange != null && recruitedRange.getEarliest() != null) {
            first = Math.min(first, FiscalYear.of(day(recruitedRange.getEarliest())));
            last = Math.max(last, FiscalYear.of(day(recruitedRange.getLatest())));
        }
        var activityRange = statistics.activityRange();
        if (activityRange != null && activityRange.getEarliest() != null) {
            first = Math.min(first, FiscalYear.of(activityRange.getEarliest()));
            last = Math.max(last, FiscalYear.of(activityRange.getLatest()));
        }
        List<Integer> years = new ArrayList<>();
        for (int year = last; year >= first; year--) {
            years.add(year);
        }
        return years;
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(clock.getZone()).toInstant();
    }

    private LocalDate day(Instant instant) {
        return LocalDate.ofInstant(Objects.requireNonNull(instant), clock.getZone());
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
