package jp.kosodatehub.volunteers;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import jp.kosodatehub.TestFixtures;
import jp.kosodatehub.organisations.Organisation;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volunteer records written straight to the database, for tests that need them in a given state without going
 * through every step of the workflow first. Names are unique per call, as in {@link TestFixtures}.
 */
@Component
public class VolunteerFixtures {

    private final OpeningRepository openings;
    private final ApplicantRepository applicants;
    private final Clock clock;

    VolunteerFixtures(OpeningRepository openings, ApplicantRepository applicants, Clock clock) {
        this.openings = openings;
        this.applicants = applicants;
        this.clock = clock;
    }

    /** A valid opening form: ongoing, two helpers, for anyone. */
    public static OpeningDraft draft(String role) {
        OpeningDraft draft = new OpeningDraft();
        draft.setRole(role);
        draft.setDescription("受付と見守りのお手伝い");
        draft.setPlace("地区センター");
        draft.setSchedule(OpeningSchedule.ONGOING);
        draft.setPeopleNeeded(2);
        draft.setContactPerson("担当 山田");
        draft.setSuitableFor(EnumSet.of(SupporterType.ANYONE));
        return draft;
    }

    /** A published opening of the organisation, taking offers. */
    @Transactional
    public Opening publishedOpening(Organisation organisation, Set<SupporterType> suitableFor, Integer minimumAge) {
        OpeningDraft draft = draft(TestFixtures.unique("見守りボランティア"));
        draft.setSuitableFor(suitableFor);
        draft.setMinimumAge(minimumAge);
        Opening opening = new Opening(organisation, clock.instant());
        opening.apply(draft, clock.instant());
        opening.changeStatus(PostStatus.PUBLISHED, null, clock.instant());
        return openings.saveAndFlush(opening);
    }

    /** An adult applicant with an e-mail address, in the given state, whose offer arrived at {@code createdAt}. */
    @Transactional
    public Applicant applicant(Opening opening, String name, String email, ApplicantStatus status, Instant createdAt) {
        Applicant applicant = new Applicant(opening, name, email, null, email == null ? null : email.toLowerCase(),
                VolunteerAgeBand.AGE_18_22, SupporterType.UNIVERSITY, "土曜の午前", "よろしくお願いします",
                null, false, "2026-1", null, createdAt);
        if (status == ApplicantStatus.FINISHED) {
            applicant.moveTo(ApplicantStatus.ACTIVE, createdAt);
        }
        if (status != ApplicantStatus.NEW) {
            applicant.moveTo(status, createdAt);
        }
        return applicants.saveAndFlush(applicant);
    }
}
