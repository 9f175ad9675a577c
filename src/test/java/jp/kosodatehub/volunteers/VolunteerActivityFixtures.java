package jp.kosodatehub.volunteers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** Activity written straight to the database, for tests outside this package that need hours to count. */
@Component
public class VolunteerActivityFixtures {

    private final VolunteerActivityRepository activities;
    private final Clock clock;

    VolunteerActivityFixtures(VolunteerActivityRepository activities, Clock clock) {
        this.activities = activities;
        this.clock = clock;
    }

    public VolunteerActivity activity(Applicant applicant, LocalDate date, String hours) {
        return activities.saveAndFlush(new VolunteerActivity(applicant.getId(), applicant.getOrganisationId(), date,
                new BigDecimal(hours), "受付", "test", clock.instant()));
    }
}
