package jp.kosodatehub.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * One date of an event, as parents see it in the feed. Derived data: rebuilt from the event, its rule and its
 * changed dates whenever they change, so it is never edited on its own.
 */
@Entity
@Table(name = "event_occurrence")
public class EventOccurrence {

    private static final DateTimeFormatter KEY = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "event_occurrence_seq")
    @SequenceGenerator(name = "event_occurrence_seq", sequenceName = "event_occurrence_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "event_id", nullable = false)
    private Event event;

    @Column(name = "original_start", nullable = false)
    private LocalDateTime originalStart;

    @Column(name = "starts_at", nullable = false)
    private LocalDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    private LocalDateTime endsAt;

    @Column(nullable = false)
    private boolean cancelled;

    @Column(length = EventLimits.REASON_MAX)
    private String reason;

    @Column(name = "start_minute", nullable = false)
    private int startMinute;

    @Column(name = "weekend_or_holiday", nullable = false)
    private boolean weekendOrHoliday;

    /**
     * A copy of "the event is public" (published or cancelled), so the feed pages through one index. Written when
     * the date is stored and then only by {@link EventOccurrenceRepository#markPublic} on a status change: never
     * by an ordinary update, which could write back a copy read before the change.
     */
    @Column(name = "event_public", nullable = false, updatable = false)
    private boolean eventPublic;

    @Version
    private long version;

    protected EventOccurrence() {
    }

    EventOccurrence(Event event, OccurrencePlan.Entry entry) {
        this.event = event;
        this.originalStart = entry.originalStart();
        this.eventPublic = EventStatus.PUBLIC.contains(event.getStatus());
        update(entry);
    }

    void update(OccurrencePlan.Entry entry) {
        startsAt = entry.start();
        endsAt = entry.end();
        cancelled = entry.cancelled();
        reason = entry.reason();
        startMinute = startsAt.getHour() * 60 + startsAt.getMinute();
        weekendOrHoliday = JapaneseHolidays.isWeekendOrHoliday(startsAt.toLocalDate());
    }

    /** An id that stays the same as long as the date exists, whatever is rebuilt: event id and original start. */
    public String publicId() {
        return publicId(event.getId(), originalStart);
    }

    public static String publicId(Long eventId, LocalDateTime originalStart) {
        return eventId + "-" + KEY.format(originalStart);
    }

    /** Cancelled on its own, or because the whole event was cancelled. */
    public boolean isEffectivelyCancelled() {
        return cancelled || event.isCancelled();
    }

    public boolean isMoved() {
        return !originalStart.equals(startsAt);
    }

    public Long getId() {
        return id;
    }

    public Event getEvent() {
        return event;
    }

    public LocalDateTime getOriginalStart() {
        return originalStart;
    }

    public LocalDateTime getStartsAt() {
        return startsAt;
    }

    public LocalDateTime getEndsAt() {
        return endsAt;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public String getReason() {
        return reason;
    }

    public boolean isWeekendOrHoliday() {
        return weekendOrHoliday;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof EventOccurrence other && id != null && Objects.equals(id, other.id));
    }

    @Override
    public int hashCode() {
        return EventOccurrence.class.hashCode();
    }
}
