package jp.kosodatehub.events;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import jp.kosodatehub.base.OffsetPage;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.reference.District;
import jp.kosodatehub.reference.EventKind;
import org.hibernate.annotations.BatchSize;

/**
 * An event posted by a member organisation. Times are local wall-clock times in Japan. Fields are changed only
 * through {@link EventService}, which checks the rules and who may change what.
 */
@Entity
@Table(name = "event")
public class Event {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "organisation_id", nullable = false)
    private Organisation organisation;

    @Column(nullable = false, length = EventLimits.TITLE_MAX)
    private String title;

    @Column(length = EventLimits.DESCRIPTION_MAX)
    private String description;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "kind_id", nullable = false)
    private EventKind kind;

    @Column(name = "starts_at", nullable = false)
    private LocalDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    private LocalDateTime endsAt;

    @Column(name = "venue_name", nullable = false, length = EventLimits.VENUE_NAME_MAX)
    private String venueName;

    @Column(name = "venue_address", length = EventLimits.VENUE_ADDRESS_MAX)
    private String venueAddress;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "district_id")
    private District district;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "event_age_band", joinColumns = @JoinColumn(name = "event_id"))
    @Column(name = "age_band", nullable = false, length = 30)
    @Enumerated(EnumType.STRING)
    @BatchSize(size = OffsetPage.MAX_LIMIT)
    private Set<AgeBand> ageBands = EnumSet.noneOf(AgeBand.class);

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "event_target_group", joinColumns = @JoinColumn(name = "event_id"))
    @Column(name = "target_group", nullable = false, length = 30)
    @Enumerated(EnumType.STRING)
    @BatchSize(size = OffsetPage.MAX_LIMIT)
    private Set<TargetGroup> targetGroups = EnumSet.noneOf(TargetGroup.class);

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "event_facility", joinColumns = @JoinColumn(name = "event_id"))
    @Column(name = "facility", nullable = false, length = 30)
    @Enumerated(EnumType.STRING)
    @BatchSize(size = OffsetPage.MAX_LIMIT)
    private Set<Facility> facilities = EnumSet.noneOf(Facility.class);

    /**
     * Ids of the initiatives (取組) the event serves; ids only, so that events never depend on the goals. Lazy:
     * only the editor and the goals' counts need them, never a feed page.
     */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "event_initiative", joinColumns = @JoinColumn(name = "event_id"))
    @Column(name = "initiative_id", nullable = false)
    @BatchSize(size = OffsetPage.MAX_LIMIT)
    private Set<Long> initiativeIds = new HashSet<>();

    /** RFC 5545 RRULE of a series; {@code null} for a single event. */
    @Column(name = "recurrence_rule", length = 200)
    private String recurrenceRule;

    @Column(name = "skip_holidays", nullable = false)
    private boolean skipHolidays;

    @Column(name = "skip_from")
    private LocalDate skipFrom;

    @Column(name = "skip_to")
    private LocalDate skipTo;

    @Column(name = "fee_yen")
    private Integer feeYen;

    @Column(name = "booking_required", nullable = false)
    private boolean bookingRequired;

    @Column(name = "booking_how", length = EventLimits.BOOKING_HOW_MAX)
    private String bookingHow;

    @Column(name = "booking_deadline")
    private LocalDate bookingDeadline;

    @Column
    private Integer capacity;

    @Column(length = EventLimits.CONTACT_MAX)
    private String contact;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private EventStatus status = EventStatus.DRAFT;

    @Column(name = "status_reason", length = EventLimits.REASON_MAX)
    private String statusReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Version
    private long version;

    protected Event() {
    }

    Event(Organisation organisation, Instant createdAt) {
        this.organisation = organisation;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** Copies the editable fields from a validated draft. */
    void apply(EventDraft draft, Instant now) {
        title = draft.getTitle();
        description = draft.getDescription();
        kind = draft.getKind();
        startsAt = draft.getStartsAt();
        endsAt = draft.getEndsAt();
        venueName = draft.getVenueName();
        venueAddress = draft.getVenueAddress();
        district = draft.getDistrict();
        ageBands = draft.getAgeBands().isEmpty() ? EnumSet.noneOf(AgeBand.class) : EnumSet.copyOf(draft.getAgeBands());
        targetGroups = draft.getTargetGroups().isEmpty() ? EnumSet.noneOf(TargetGroup.class)
                : EnumSet.copyOf(draft.getTargetGroups());
        facilities = draft.getFacilities().isEmpty() ? EnumSet.noneOf(Facility.class)
                : EnumSet.copyOf(draft.getFacilities());
        initiativeIds.clear();
        initiativeIds.addAll(draft.getInitiativeIds());
        recurrenceRule = draft.getRecurrence() == null ? null : draft.getRecurrence().toRule();
        skipHolidays = draft.getRecurrence() != null && draft.isSkipHolidays();
        skipFrom = draft.getRecurrence() == null ? null : draft.getSkipFrom();
        skipTo = draft.getRecurrence() == null ? null : draft.getSkipTo();
        feeYen = draft.isFree() ? null : draft.getFeeYen();
        bookingRequired = draft.isBookingRequired();
        bookingHow = draft.isBookingRequired() ? draft.getBookingHow() : null;
        bookingDeadline = draft.isBookingRequired() ? draft.getBookingDeadline() : null;
        capacity = draft.getCapacity();
        contact = draft.getContact();
        updatedAt = now;
    }

    void changeStatus(EventStatus to, String reason, Instant now) {
        status = to;
        statusReason = reason;
        updatedAt = now;
        if (to == EventStatus.SUBMITTED) {
            submittedAt = now;
        }
    }

    public boolean isFree() {
        return feeYen == null || feeYen == 0;
    }

    public boolean isCancelled() {
        return status == EventStatus.CANCELLED;
    }

    public Long getId() {
        return id;
    }

    public Organisation getOrganisation() {
        return organisation;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public EventKind getKind() {
        return kind;
    }

    public LocalDateTime getStartsAt() {
        return startsAt;
    }

    public LocalDateTime getEndsAt() {
        return endsAt;
    }

    public String getVenueName() {
        return venueName;
    }

    public String getVenueAddress() {
        return venueAddress;
    }

    public District getDistrict() {
        return district;
    }

    public Set<AgeBand> getAgeBands() {
        return ageBands.isEmpty() ? EnumSet.noneOf(AgeBand.class) : EnumSet.copyOf(ageBands);
    }

    public Set<TargetGroup> getTargetGroups() {
        return targetGroups.isEmpty() ? EnumSet.noneOf(TargetGroup.class) : EnumSet.copyOf(targetGroups);
    }

    public Set<Facility> getFacilities() {
        return facilities.isEmpty() ? EnumSet.noneOf(Facility.class) : EnumSet.copyOf(facilities);
    }

    public Set<Long> getInitiativeIds() {
        return Set.copyOf(initiativeIds);
    }

    public String getRecurrenceRule() {
        return recurrenceRule;
    }

    public boolean isSeries() {
        return recurrenceRule != null;
    }

    public Recurrence getRecurrence() {
        return recurrenceRule == null ? null : Recurrence.parse(recurrenceRule);
    }

    public boolean isSkipHolidays() {
        return skipHolidays;
    }

    public LocalDate getSkipFrom() {
        return skipFrom;
    }

    public LocalDate getSkipTo() {
        return skipTo;
    }

    /** Marks a change to one of the event's dates, so that feeds and caches see the event as changed. */
    void touch(Instant now) {
        updatedAt = now;
    }

    public Integer getFeeYen() {
        return feeYen;
    }

    public boolean isBookingRequired() {
        return bookingRequired;
    }

    public String getBookingHow() {
        return bookingHow;
    }

    public LocalDate getBookingDeadline() {
        return bookingDeadline;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public String getContact() {
        return contact;
    }

    public EventStatus getStatus() {
        return status;
    }

    public String getStatusReason() {
        return statusReason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Event other && id != null && Objects.equals(id, other.id));
    }

    @Override
    public int hashCode() {
        return Event.class.hashCode();
    }

    @Override
    public String toString() {
        return "Event[" + id + ", " + status + "]";
    }
}
