package jp.kosodatehub.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDateTime;

/** One date of a series cancelled (雨天中止) or moved by its organisation, with who, when and why. */
@Entity
@Table(name = "occurrence_change")
public class OccurrenceChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "event_id", nullable = false)
    private Long eventId;

    @Column(name = "original_start", nullable = false)
    private LocalDateTime originalStart;

    @Column(nullable = false)
    private boolean cancelled;

    @Column(name = "new_start")
    private LocalDateTime newStart;

    @Column(name = "new_end")
    private LocalDateTime newEnd;

    @Column(nullable = false, length = EventLimits.REASON_MAX)
    private String reason;

    @Column(name = "changed_by", nullable = false, length = 80)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Version
    private long version;

    protected OccurrenceChange() {
    }

    OccurrenceChange(Long eventId, LocalDateTime originalStart) {
        this.eventId = eventId;
        this.originalStart = originalStart;
    }

    void set(boolean cancelled, LocalDateTime newStart, LocalDateTime newEnd, String reason, String changedBy,
             Instant changedAt) {
        this.cancelled = cancelled;
        this.newStart = cancelled ? null : newStart;
        this.newEnd = cancelled ? null : newEnd;
        this.reason = reason;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    OccurrencePlan.Change toPlanChange() {
        return new OccurrencePlan.Change(cancelled, newStart, newEnd, reason);
    }

    public Long getEventId() {
        return eventId;
    }

    public LocalDateTime getOriginalStart() {
        return originalStart;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public LocalDateTime getNewStart() {
        return newStart;
    }

    public LocalDateTime getNewEnd() {
        return newEnd;
    }

    public String getReason() {
        return reason;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public long getVersion() {
        return version;
    }
}
