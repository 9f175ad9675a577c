package jp.kosodatehub.volunteers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A note the organisation keeps on an applicant. Notes may name the person, so they go with anonymisation. */
@Entity
@Table(name = "volunteer_note")
public class ApplicantNote {

    public static final int TEXT_MAX = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "applicant_id", nullable = false)
    private Long applicantId;

    @Column(nullable = false, length = TEXT_MAX)
    private String text;

    @Column(nullable = false, length = 80)
    private String author;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ApplicantNote() {
    }

    public ApplicantNote(Long applicantId, String text, String author, Instant createdAt) {
        this.applicantId = applicantId;
        this.text = text;
        this.author = author;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getApplicantId() {
        return applicantId;
    }

    public String getText() {
        return text;
    }

    public String getAuthor() {
        return author;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
