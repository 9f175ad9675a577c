package jp.kosodatehub.volunteers;

/**
 * What a visitor types into the offer-of-help form. A plain mutable bean for the form's Binder; the service checks
 * all of it again, as anything may arrive here.
 */
public class HelpOffer {

    private String name;
    private String email;
    private String phone;
    private VolunteerAgeBand ageBand;
    private SupporterType supporterType;
    private String availability;
    private String message;
    private String guardianName;
    private boolean guardianConsent;
    private boolean privacyConsent;
    /** The honeypot: hidden from people, so only a robot fills it in. */
    private String website;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public VolunteerAgeBand getAgeBand() {
        return ageBand;
    }

    public void setAgeBand(VolunteerAgeBand ageBand) {
        this.ageBand = ageBand;
    }

    public SupporterType getSupporterType() {
        return supporterType;
    }

    public void setSupporterType(SupporterType supporterType) {
        this.supporterType = supporterType;
    }

    public String getAvailability() {
        return availability;
    }

    public void setAvailability(String availability) {
        this.availability = availability;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getGuardianName() {
        return guardianName;
    }

    public void setGuardianName(String guardianName) {
        this.guardianName = guardianName;
    }

    public boolean isGuardianConsent() {
        return guardianConsent;
    }

    public void setGuardianConsent(boolean guardianConsent) {
        this.guardianConsent = guardianConsent;
    }

    public boolean isPrivacyConsent() {
        return privacyConsent;
    }

    public void setPrivacyConsent(boolean privacyConsent) {
        this.privacyConsent = privacyConsent;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }
}
