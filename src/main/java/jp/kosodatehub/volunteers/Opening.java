package jp.kosodatehub.volunteers;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.reference.District;
import org.hibernate.annotations.BatchSize;

/** A volunteer opening (ボランティア募集) posted by a member organisation. Changed only through its service. */
@Entity
@Table(name = "volunteer_opening")
public class Opening extends ModeratedPost {

    public static final int ROLE_MAX = 80;
    public static final int DESCRIPTION_MAX = 2000;
    public static final int PLACE_MAX = 100;
    public static final int TRAINING_MAX = 200;
    public static final int CONTACT_PERSON_MAX = 80;
    public static final int PEOPLE_MAX = 999;

    @Column(nullable = false, length = ROLE_MAX)
    private String role;

    @Column(length = DESCRIPTION_MAX)
    private String description;

    @Column(length = PLACE_MAX)
    private String place;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "district_id")
    private District district;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private OpeningSchedule schedule = OpeningSchedule.ONGOING;

    @Column(name = "on_date")
    private LocalDate onDate;

    @Column(name = "start_time")
    private LocalTime startTime;

    @Column(name = "end_time")
    private LocalTime endTime;

    /** The event or series helpers are needed for; an id only, events know nothing of volunteers. */
    @Column(name = "event_id")
    private Long eventId;

    @Column(name = "people_needed", nullable = false)
    private int peopleNeeded = 1;

    @Column(name = "minimum_age")
    private Integer minimumAge;

    @Column(length = TRAINING_MAX)
    private String training;

    @Column(name = "contact_person", nullable = false, length = CONTACT_PERSON_MAX)
    private String contactPerson;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "volunteer_opening_suitable", joinColumns = @JoinColumn(name = "opening_id"))
    @Column(name = "supporter_type", nullable = false, length = 20)
    @Enumerated(EnumType.STRING)
    @BatchSize(size = 100)
    private Set<SupporterType> suitableFor = EnumSet.noneOf(SupporterType.class);

    protected Opening() {
    }

    public Opening(Organisation organisation, Instant now) {
        super(organisation, now);
    }

    /** Copies what the form edits; the service has checked it. */
    void apply(OpeningDraft draft, Instant now) {
        this.role = draft.getRole();
        this.description = draft.getDescription();
        this.place = draft.getPlace();
        this.district = draft.getDistrict();
        this.schedule = draft.getSchedule();
        this.onDate = draft.getSchedule() == OpeningSchedule.ONE_DATE ? draft.getOnDate() : null;
        this.startTime = draft.getSchedule() == OpeningSchedule.ONE_DATE ? draft.getStartTime() : null;
        this.endTime = draft.getSchedule() == OpeningSchedule.ONE_DATE ? draft.getEndTime() : null;
        this.eventId = draft.getSchedule() == OpeningSchedule.EVENT ? draft.getEventId() : null;
        this.peopleNeeded = draft.getPeopleNeeded() == null ? 1 : draft.getPeopleNeeded();
        this.minimumAge = draft.getMinimumAge();
        this.training = draft.getTraining();
        this.contactPerson = draft.getContactPerson();
        this.suitableFor = draft.getSuitableFor().isEmpty() ? EnumSet.noneOf(SupporterType.class)
                : EnumSet.copyOf(draft.getSuitableFor());
        touch(now);
    }

    /** Whether the public can see it: published, or closed (its page says so). */
    public boolean isPublic() {
        return getStatus() == PostStatus.PUBLISHED || getStatus() == PostStatus.CLOSED;
    }

    /** Whether it still takes offers of help. */
    public boolean isOpen() {
        return getStatus() == PostStatus.PUBLISHED;
    }

    public String getRole() {
        return role;
    }

    public String getDescription() {
        return description;
    }

    public String getPlace() {
        return place;
    }

    public District getDistrict() {
        return district;
    }

    public OpeningSchedule getSchedule() {
        return schedule;
    }

    public LocalDate getOnDate() {
        return onDate;
    }

    public LocalTime getStartTime() {
        return startTime;
    }

    public LocalTime getEndTime() {
        return endTime;
    }

    public Long getEventId() {
        return eventId;
    }

    public int getPeopleNeeded() {
        return peopleNeeded;
    }

    public Integer getMinimumAge() {
        return minimumAge;
    }

    public String getTraining() {
        return training;
    }

    public String getContactPerson() {
        return contactPerson;
    }

    public Set<SupporterType> getSuitableFor() {
        return suitableFor.isEmpty() ? EnumSet.noneOf(SupporterType.class) : EnumSet.copyOf(suitableFor);
    }

    @Override
    protected String wrongStateKey() {
        return "volunteer.opening.validation.wrong-state";
    }
}
