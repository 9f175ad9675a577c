package jp.kosodatehub.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step in an event's life: who moved it from which state to which, when, and why. Never changed. */
@Entity
@Table(name = "event_status_change")
public class EventStatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "event_id", nullable = false)
    private Long eventId;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(nullable = false, length = 80)
    private String actor;

    /** The actor's account, to find whom to notify; empty for start-up jobs and for history older than that. */
    @Column(name = "actor_account_id")
    private Long actorAccountId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 20)
    private EventStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 20)
    private EventStatus toStatus;

    @Column(length = EventLimits.REASON_MAX)
    private String reason;

    protected EventStatusChange() {
    }

    EventStatusChange(Long eventId, Instant changedAt, String actor, Long actorAccountId, EventStatus fromStatus,
                      EventStatus toStatus, String reason) {
        this.eventId = eventId;
        this.changedAt = changedAt;
        this.actor = actor;
        this.actorAccountId = actorAccountId;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.reason = reason;
    }

    public Long getId() {
        return id;
    }

    public Long getEventId() {
        return eventId;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getActor() {
        return actor;
    }

    public Long getActorAccountId() {
        return actorAccountId;
    }

    public EventStatus getFromStatus() {
        return fromStatus;
    }

    public EventStatus getToStatus() {
        return toStatus;
    }

    public String getReason() {
        return reason;
    }
}
