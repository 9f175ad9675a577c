package jp.kosodatehub.volunteers;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;
import jp.kosodatehub.organisations.Organisation;
import jp.kosodatehub.reference.District;

/** What the opening form edits; the state and the owner are the service's to decide. */
public class OpeningDraft {

    private Long id;
    private long version;
    private Organisation organisation;
    private String role;
    private String description;
    private String place;
    private District district;
    private OpeningSchedule schedule = OpeningSchedule.ONGOING;
    private LocalDate onDate;
    private LocalTime startTime;
    private LocalTime endTime;
    private Long eventId;
    private Integer peopleNeeded = 1;
    private Integer minimumAge;
    private String training;
    private String contactPerson;
    private Set<SupporterType> suitableFor = EnumSet.noneOf(SupporterType.class);

    public OpeningDraft() {
    }

    static OpeningDraft of(Opening opening) {
        OpeningDraft draft = new OpeningDraft();
        draft.id = opening.getId();
        draft.version = opening.getVersion();
        draft.organisation = opening.getOrganisation();
        draft.role = opening.getRole();
        draft.description = opening.getDescription();
        draft.place = opening.getPlace();
        draft.district = opening.getDistrict();
        draft.schedule = opening.getSchedule();
        draft.onDate = opening.getOnDate();
        draft.startTime = opening.getStartTime();
        draft.endTime = opening.getEndTime();
        draft.eventId = opening.getEventId();
        draft.peopleNeeded = opening.getPeopleNeeded();
        draft.minimumAge = opening.getMinimumAge();
        draft.training = opening.getTraining();
        draft.contactPerson = opening.getContactPerson();
        draft.suitableFor = opening.getSuitableFor();
        return draft;
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

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place;
    }

    public District getDistrict() {
        return district;
    }

    public void setDistrict(District district) {
        this.district = district;
    }

    public OpeningSchedule getSchedule() {
        return schedule;
    }

    public void setSchedule(OpeningSchedule schedule) {
        this.schedule = schedule;
    }

    public LocalDate getOnDate() {
        return onDate;
    }

    public void setOnDate(LocalDate onDate) {
        this.onDate = onDate;
    }

    public LocalTime getStartTime() {
        return startTime;
    }

    public void setStartTime(LocalTime startTime) {
        this.startTime = startTime;
    }

    public LocalTime getEndTime() {
        return endTime;
    }

    public void setEndTime(LocalTime endTime) {
        this.endTime = endTime;
    }

    public Long getEventId() {
        return eventId;
    }

    public void setEventId(Long eventId) {
        this.eventId = eventId;
    }

    public Integer getPeopleNeeded() {
        return peopleNeeded;
    }

    public void setPeopleNeeded(Integer peopleNeeded) {
        this.peopleNeeded = peopleNeeded;
    }

    public Integer getMinimumAge() {
        return minimumAge;
    }

    public void setMinimumAge(Integer minimumAge) {
        this.minimumAge = minimumAge;
    }

    public String getTraining() {
        return training;
    }

    public void setTraining(String training) {
        this.training = training;
    }

    public String getContactPerson() {
        return contactPerson;
    }

    public void setContactPerson(String contactPerson) {
        this.contactPerson = contactPerson;
    }

    public Set<SupporterType> getSuitableFor() {
        return suitableFor;
    }

    public void setSuitableFor(Set<SupporterType> suitableFor) {
        this.suitableFor = suitableFor == null || suitableFor.isEmpty() ? EnumSet.noneOf(SupporterType.class)
                : EnumSet.copyOf(suitableFor);
    }
}
