package jp.kosodatehub.events;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.reference.District;
import jp.kosodatehub.reference.EventKind;

/**
 * What the event form edits. Kept apart from {@link Event} so that a form can never set the state, the
 * organisation of someone else's event or any other field the service decides.
 */
public class EventDraft {

    private Long id;
    private long version;
    private Organisation organisation;
    private String title;
    private String description;
    private EventKind kind;
    private LocalDateTime startsAt;
    private LocalDateTime endsAt;
    private String venueName;
    private String venueAddress;
    private District district;
    private Set<AgeBand> ageBands = EnumSet.noneOf(AgeBand.class);
    private Set<TargetGroup> targetGroups = EnumSet.noneOf(TargetGroup.class);
    private Set<Facility> facilities = EnumSet.noneOf(Facility.class);
    private Set<Long> initiativeIds = new HashSet<>();
    private Recurrence recurrence;
    private boolean skipHolidays = true;
    private LocalDate skipFrom;
    private LocalDate skipTo;
    private boolean free = true;
    private Integer feeYen;
    private boolean bookingRequired;
    private String bookingHow;
    private LocalDate bookingDeadline;
    private Integer capacity;
    private String contact;

    public EventDraft() {
    }

    static EventDraft of(Event event) {
        EventDraft draft = new EventDraft();
        draft.id = event.getId();
        draft.version = event.getVersion();
        draft.organisation = event.getOrganisation();
        draft.title = event.getTitle();
        draft.description = event.getDescription();
        draft.kind = event.getKind();
        draft.startsAt = event.getStartsAt();
        draft.endsAt = event.getEndsAt();
        draft.venueName = event.getVenueName();
        draft.venueAddress = event.getVenueAddress();
        draft.district = event.getDistrict();
        draft.ageBands = event.getAgeBands();
        draft.targetGroups = event.getTargetGroups();
        draft.facilities = event.getFacilities();
        draft.initiativeIds = new HashSet<>(event.getInitiativeIds());
        draft.recurrence = event.getRecurrence();
        draft.skipHolidays = event.isSeries() ? event.isSkipHolidays() : true;
        draft.skipFrom = event.getSkipFrom();
        draft.skipTo = event.getSkipTo();
        draft.free = event.isFree();
        draft.feeYen = event.getFeeYen();
        draft.bookingRequired = event.isBookingRequired();
        draft.bookingHow = event.getBookingHow();
        draft.bookingDeadline = event.getBookingDeadline();
        draft.capacity = event.getCapacity();
        draft.contact = event.getContact();
        return draft;
    }

    /** A copy to start a new event from: same content, no identity. */
    EventDraft asNew() {
        EventDraft copy = of(this);
        copy.id = null;
        copy.version = 0;
        return copy;
    }

    private static EventDraft of(EventDraft source) {
        EventDraft copy = new EventDraft();
        copy.id = source.id;
        copy.version = source.version;
        copy.organisation = source.organisation;
        copy.title = source.title;
        copy.description = source.description;
        copy.kind = source.kind;
        copy.startsAt = source.startsAt;
        copy.endsAt = source.endsAt;
        copy.venueName = source.venueName;
        copy.venueAddress = source.venueAddress;
        copy.district = source.district;
        copy.ageBands = source.getAgeBands();
        copy.targetGroups = source.getTargetGroups();
        copy.facilities = source.getFacilities();
        copy.initiativeIds = source.getInitiativeIds();
        copy.recurrence = source.recurrence;
        copy.skipHolidays = source.skipHolidays;
        copy.skipFrom = source.skipFrom;
        copy.skipTo = source.skipTo;
        copy.free = source.free;
        copy.feeYen = source.feeYen;
        copy.bookingRequired = source.bookingRequired;
        copy.bookingHow = source.bookingHow;
        copy.bookingDeadline = source.bookingDeadline;
        copy.capacity = source.capacity;
        copy.contact = source.contact;
        return copy;
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public Organisation getOrganisation() {
        return organisation;
    }

    public void setOrganisation(Organisation organisation) {
        this.organisation = organisation;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public EventKind getKind() {
        return kind;
    }

    public void setKind(EventKind kind) {
        this.kind = kind;
    }

    public LocalDateTime getStartsAt() {
        return startsAt;
    }

    public void setStartsAt(LocalDateTime startsAt) {
        this.startsAt = startsAt;
    }

    public LocalDateTime getEndsAt() {
        return endsAt;
    }

    public void setEndsAt(LocalDateTime endsAt) {
        this.endsAt = endsAt;
    }

    public String getVenueName() {
        return venueName;
    }

    public void setVenueName(String venueName) {
        this.venueName = venueName;
    }

    public String getVenueAddress() {
        return venueAddress;
    }

    public void setVenueAddress(String venueAddress) {
        this.venueAddress = venueAddress;
    }

    public District getDistrict() {
        return district;
    }

    public void setDistrict(District district) {
        this.district = district;
    }

    public Set<AgeBand> getAgeBands() {
        return ageBands == null || ageBands.isEmpty() ? EnumSet.noneOf(AgeBand.class) : EnumSet.copyOf(ageBands);
    }

    public void setAgeBands(Set<AgeBand> ageBands) {
        this.ageBands = ageBands == null || ageBands.isEmpty() ? EnumSet.noneOf(AgeBand.class)
                : EnumSet.copyOf(ageBands);
    }

    public Set<TargetGroup> getTargetGroups() {
        return targetGroups == null || targetGroups.isEmpty() ? EnumSet.noneOf(TargetGroup.class)
                : EnumSet.copyOf(targetGroups);
    }

    public void setTargetGroups(Set<TargetGroup> targetGroups) {
        this.targetGroups = targetGroups == null || targetGroups.isEmpty() ? EnumSet.noneOf(TargetGroup.class)
                : EnumSet.copyOf(targetGroups);
    }

    public Set<Facility> getFacilities() {
        return facilities == null || facilities.isEmpty() ? EnumSet.noneOf(Facility.class)
                : EnumSet.copyOf(facilities);
    }

    public void setFacilities(Set<Facility> facilities) {
        this.facilities = facilities == null || facilities.isEmpty() ? EnumSet.noneOf(Facility.class)
                : EnumSet.copyOf(facilities);
    }

    /** The initiatives (取組) the event serves, by id; optional. */
    public Set<Long> getInitiativeIds() {
        return initiativeIds == null ? new HashSet<>() : new HashSet<>(initiativeIds);
    }

    public void setInitiativeIds(Set<Long> initiativeIds) {
        this.initiativeIds = initiativeIds == null ? new HashSet<>() : new HashSet<>(initiativeIds);
    }

    /** How the event repeats, or {@code null} for a single event. */
    public Recurrence getRecurrence() {
        return recurrence;
    }

    public void setRecurrence(Recurrence recurrence) {
        this.recurrence = recurrence;
    }

    public boolean isSkipHolidays() {
        return skipHolidays;
    }

    public void setSkipHolidays(boolean skipHolidays) {
        this.skipHolidays = skipHolidays;
    }

    public LocalDate getSkipFrom() {
        return skipFrom;
    }

    public void setSkipFrom(LocalDate skipFrom) {
        this.skipFrom = skipFrom;
    }

    public LocalDate getSkipTo() {
        return skipTo;
    }

    public void setSkipTo(LocalDate skipTo) {
        this.skipTo = skipTo;
    }

    public boolean isFree() {
        return free;
    }

    public void setFree(boolean free) {
        this.free = free;
    }

    public Integer getFeeYen() {
        return feeYen;
    }

    public void setFeeYen(Integer feeYen) {
        this.feeYen = feeYen;
    }

    public boolean isBookingRequired() {
        return bookingRequired;
    }

    public void setBookingRequired(boolean bookingRequired) {
        this.bookingRequired = bookingRequired;
    }

    public String getBookingHow() {
        return bookingHow;
    }

    public void setBookingHow(String bookingHow) {
        this.bookingHow = bookingHow;
    }

    public LocalDate getBookingDeadline() {
        return bookingDeadline;
    }

    public void setBookingDeadline(LocalDate bookingDeadline) {
        this.bookingDeadline = bookingDeadline;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public void setCapacity(Integer capacity) {
        this.capacity = capacity;
    }

    public String getContact() {
        return contact;
    }

    public void setContact(String contact) {
        this.contact = contact;
    }
}
