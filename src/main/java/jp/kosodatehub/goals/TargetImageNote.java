package jp.kosodatehub.goals;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** A dated note on a target image, e.g. what the yearly review found. Notes are added, never edited. */
@Entity
@Table(name = "goal_target_image_note")
public class TargetImageNote {

    public static final int TEXT_MAX = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "target_image_id", nullable = false, updatable = false)
    private Long targetImageId;

    @Column(name = "note_date", nullable = false, updatable = false)
    private LocalDate date;

    @Column(nullable = false, updatable = false, length = TEXT_MAX)
    private String text;

    @Column(nullable = false, updatable = false, length = 80)
    private String author;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected TargetImageNote() {
    }

    TargetImageNote(Long targetImageId, LocalDate date, String text, String author, Instant createdAt) {
        this.targetImageId = targetImageId;
        this.date = date;
        this.text = text;
        this.author = author;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getTargetImageId() {
        return targetImageId;
    }

    public LocalDate getDate() {
        return date;
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

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof TargetImageNote other && id != null && Objects.equals(id, other.id));
    }

    @Override
    public int hashCode() {
        return TargetImageNote.class.hashCode();
    }
}
