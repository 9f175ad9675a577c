package jp.kosodatehub.volunteers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One look at applicants' personal data: who, when, what, how many records. Written once, never changed. */
@Entity
@Table(name = "volunteer_access")
public class ApplicantAccess {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Instant at;

    @Column(name = "account_id")
    private Long accountId;

    @Column(nullable = false, length = 60)
    private String username;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AccessAction action;

    @Column(name = "organisation_id")
    private Long organisationId;

    @Column(name = "applicant_id")
    private Long applicantId;

    @Column(name = "record_count", nullable = false)
    private int recordCount;

    protected ApplicantAccess() {
    }

    public ApplicantAccess(Instant at, Long accountId, String username, AccessAction action, Long organisationId,
                           Long applicantId, int recordCount) {
        this.at = at;
        this.accountId = accountId;
        this.username = username;
        this.action = action;
        this.organisationId = organisationId;
        this.applicantId = applicantId;
        this.recordCount = recordCount;
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getUsername() {
        return username;
    }

    public AccessAction getAction() {
        return action;
    }

    public Long getOrganisationId() {
        return organisationId;
    }

    public Long getApplicantId() {
        return applicantId;
    }

    public int getRecordCount() {
        return recordCount;
    }
}
