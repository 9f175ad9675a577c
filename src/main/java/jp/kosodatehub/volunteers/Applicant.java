package jp.kosodatehub.volunteers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * Someone who offered help through an opening. The personal fields are emptied when the retention period ends or
 * on request; organisation, status, age band, supporter type and the dates stay, so the statistics stay true.
 */
@Entity
@Table(name = "volunteer_applicant")
public class Applicant {

    public static final int NAME_MAX = 60;
    public static final int EMAIL_MAX = 254;
    public static final int PHONE_MAX = 30;
    public static final int AVAILABILITY_MAX = 200;
    public static final int MESSAGE_MAX = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "opening_id", nullable = false)
    private Opening opening;

    /** Copied from the opening, so that every query can be limited to one organisation cheaply. */
    @Column(name = "organisation_id", nullable = false)
    private Long organisationId;

    @Column(length = NAME_MAX)
    private String name;

    @Column(length = EMAIL_MAX)
    private String email;

    @Column(length = PHONE_MAX)
    private String phone;

    /** The normalised e-mail address or phone number, to find offers from the same person. */
    @Column(name = "contact_key", length = EMAIL_MAX)
    private String contactKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "age_band", nullable = false, length = 20)
    private VolunteerAgeBand ageBand;

    @Enumerated(EnumType.STRING)
    @Column(name = "supporter_type", nullable = false, length = 20)
    private SupporterType supporterType;

    @Column(length = AVAILABILITY_MAX)
    private String availability;

    @Column(length = MESSAGE_MAX)
    private String message;

    @Column(name = "guardian_name", length = NAME_MAX)
    private String guardianName;

    @Column(name = "guardian_consent", nullable = false)
    private boolean guardianConsent;

    @Column(name = "consented_at", nullable = false)
    private Instant consentedAt;

    @Column(name = "notice_version", nullable = false, length = 20)
    private String noticeVersion;

    /** The earlier offer from the same contact to the same organisation, if any. */
    @Column(name = "duplicate_of_id")
    private Long duplicateOfId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ApplicantStatus status = ApplicantStatus.NEW;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "status_changed_at", nullable = false)
    private Instant statusChangedAt;

    /** The last time anything happened with this person; the retention period counts from here. */
    @Column(name = "last_activity_at", nullable = false)
    private Instant lastActivityAt;

    /** When they first became active: the fiscal year they count as recruited in. */
    @Column(name = "recruited_at")
    private Instant recruitedAt;

    @Column(name = "anonymised_at")
    private Instant anonymisedAt;

    @Version
    private long version;

    protected Applicant() {
    }

    public Applicant(Opening opening, String name, String email, String phone, String contactKey,
                     VolunteerAgeBand ageBand, SupporterType supporterType, String availability, String message,
                     String guardianName, boolean guardianConsent, String noticeVersion, Long duplicateOfId,
                     Instant now) {
        this.opening = opening;
        this.organisationId = opening.getOrganisation().getId();
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.contactKey = contactKey;
        this.ageBand = ageBand;
        this.supporterType = supporterType;
        this.availability = availability;
        this.message = message;
        this.guardianName = guardianName;
        this.guardianConsent = guardianConsent;
        this.noticeVersion = noticeVersion;
        this.duplicateOfId = duplicateOfId;
        this.consentedAt = now;
        this.createdAt = now;
        this.statusChangedAt = now;
        this.lastActivityAt = now;
    }

    void moveTo(ApplicantStatus to, Instant now) {
        this.status = to;
        this.statusChangedAt = now;
        this.lastActivityAt = now;
        if (to == ApplicantStatus.ACTIVE && recruitedAt == null) {
            this.recruitedAt = now;
        }
    }

    void touch(Instant now) {
        this.lastActivityAt = now;
    }

    /** Empties every field that identifies the person; what the statistics need stays. */
    void anonymise(Instant now) {
        this.name = null;
        this.email = null;
        this.phone = null;
        this.contactKey = null;
        this.availability = null;
        this.message = null;
        this.guardianName = null;
        this.anonymisedAt = now;
    }

    public boolean isAnonymised() {
        return anonymisedAt != null;
    }

    public Long getId() {
        return id;
    }

    public Opening getOpening() {
        return opening;
    }

    public Long getOrganisationId() {
        return organisationId;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public String getContactKey() {
        return contactKey;
    }

    public VolunteerAgeBand getAgeBand() {
        return ageBand;
    }

    public SupporterType getSupporterType() {
        return supporterType;
    }

    public String getAvailability() {
        return availability;
    }

    public String getMessage() {
        return message;
    }

    public String getGuardianName() {
        return guardianName;
    }

    public boolean isGuardianConsent() {
        return guardianConsent;
    }

    public Instant getConsentedAt() {
        return consentedAt;
    }

    public String getNoticeVersion() {
        return noticeVersion;
    }

    public Long getDuplicateOfId() {
        return duplicateOfId;
    }

    public boolean isDuplicate() {
        return duplicateOfId != null;
    }

    public ApplicantStatus getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getStatusChangedAt() {
        return statusChangedAt;
    }

    public Instant getLastActivityAt() {
        return lastActivityAt;
    }

    public Instant getRecruitedAt() {
        return recruitedAt;
    }

    public Instant getAnonymisedAt() {
        return anonymisedAt;
    }

    public long getVersion() {
        return version;
    }
}
