package jp.kosodatehub.volunteers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Time a volunteer gave on one day. Holds no personal data, so it survives anonymisation for the statistics. */
@Entity
@Table(name = "volunteer_activity")
public class VolunteerActivity {

    public static final int ROLE_MAX = 80;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "applicant_id", nullable = false)
    private Long applicantId;

    @Column(name = "organisation_id", nullable = false)
    private Long organisationId;

    @Column(name = "activity_date", nullable = false)
    private LocalDate activityDate;

    @Column(nullable = false, precision = 5, scale = 2)
    private BigDecimal hours;

    @Column(length = ROLE_MAX)
    private String role;

    @Column(name = "recorded_by", nullable = false, length = 80)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected VolunteerActivity() {
    }

    public VolunteerActivity(Long applicantId, Long organisationId, LocalDate activityDate, BigDecimal hours,
                             String role, String recordedBy, Instant recordedAt) {
        this.applicantId = applicantId;
        this.organisationId = organisationId;
        this.activityDate = activityDate;
        this.hours = hours;
        this.role = role;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getApplicantId() {
        return applicantId;
    }

    public Long getOrganisationId() {
        return organisationId;
    }

    public LocalDate getActivityDate() {
        return activityDate;
    }

    public BigDecimal getHours() {
        return hours;
    }

    public String getRole() {
        return role;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
