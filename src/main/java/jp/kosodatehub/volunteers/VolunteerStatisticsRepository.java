package jp.kosodatehub.volunteers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * The network's totals, counted by the database: only small rows per organisation or supporter type come back,
 * never applicants. Apart from the applicant repository so that the pipeline's queries and these do not collide.
 */
interface VolunteerStatisticsRepository extends Repository<Applicant, Long> {

    @Query("""
            select count(a) from Applicant a
            where a.status in :statuses and a.recruitedAt >= :from and a.recruitedAt < :to""")
    long countRecruited(@Param("statuses") Collection<ApplicantStatus> statuses, @Param("from") Instant from,
                        @Param("to") Instant to);

    @Query("""
            select sum(v.hours) from VolunteerActivity v
            where v.activityDate >= :from and v.activityDate <= :to""")
    BigDecimal sumHours(@Param("from") LocalDate from, @Param("to") LocalDate to);

    @Query("""
            select o.id as organisationId, o.name as name, count(a) as total
            from Applicant a join Organisation o on o.id = a.organisationId
            where a.status in :statuses and a.recruitedAt >= :from and a.recruitedAt < :to
            group by o.id, o.name""")
    List<OrganisationCount> recruitedByOrganisation(@Param("statuses") Collection<ApplicantStatus> statuses,
                                                    @Param("from") Instant from, @Param("to") Instant to);

    @Query("""
            select o.id as organisationId, o.name as name, sum(v.hours) as hours
            from VolunteerActivity v join Organisation o on o.id = v.organisationId
            where v.activityDate >= :from and v.activityDate <= :to
            group by o.id, o.name""")
    List<OrganisationHours> hoursByOrganisation(@Param("from") LocalDate from, @Param("to") LocalDate to);

    @Query("""
            select a.supporterType as supporterType, count(a) as total from Applicant a
            where a.status in :statuses and a.recruitedAt >= :from and a.recruitedAt < :to
            group by a.supporterType""")
    List<TypeCount> recruitedBySupporterType(@Param("statuses") Collection<ApplicantStatus> statuses,
                                             @Param("from") Instant from, @Param("to") Instant to);

    @Query("""
            select a.supporterType as supporterType, sum(v.hours) as hours
            from VolunteerActivity v join Applicant a on a.id = v.applicantId
            where v.activityDate >= :from and v.activityDate <= :to
            group by a.supporterType""")
    List<TypeHours> hoursBySupporterType(@Param("from") LocalDate from, @Param("to") LocalDate to);

    @Query("""
            select min(a.recruitedAt) as earliest, max(a.recruitedAt) as latest from Applicant a
            where a.status in :statuses and a.recruitedAt is not null""")
    InstantRange recruitedRange(@Param("statuses") Collection<ApplicantStatus> statuses);

    @Query("select min(v.activityDate) as earliest, max(v.activityDate) as latest from VolunteerActivity v")
    DateRange activityRange();

    interface OrganisationCount {
        Long getOrganisationId();

        String getName();

        long getTotal();
    }

    interface OrganisationHours {
        Long getOrganisationId();

        String getName();

        BigDecimal getHours();
    }

    interface TypeCount {
        SupporterType getSupporterType();

        long getTotal();
    }

    interface TypeHours {
        SupporterType getSupporterType();

        BigDecimal getHours();
    }

    interface InstantRange {
        Instant getEarliest();

        Instant getLatest();
    }

    interface DateRange {
        LocalDate getEarliest();

        LocalDate getLatest();
    }
}
