package jp.kosodatehub.volunteers;

import java.time.Clock;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** For the offer-of-help tests: openings in other states than published, and what was stored for an opening. */
@Component
public class OfferFixtures {

    private final OpeningRepository openings;
    private final ApplicantRepository applicants;
    private final Clock clock;

    OfferFixtures(OpeningRepository openings, ApplicantRepository applicants, Clock clock) {
        this.openings = openings;
        this.applicants = applicants;
        this.clock = clock;
    }

    /** Moves an opening straight to another state, as if its organisation or the office had. */
    @Transactional
    public Opening inState(Opening opening, PostStatus status) {
        Opening current = openings.findById(opening.getId()).orElseThrow();
        current.changeStatus(status, null, clock.instant());
        return openings.saveAndFlush(current);
    }

    /** The applicants who offered help for the opening, first offer first. */
    @Transactional(readOnly = true)
    public List<Applicant> applicantsOf(Opening opening) {
        Specification<Applicant> ofOpening = (root, query, cb) -> cb.equal(root.get("opening").get("id"),
                opening.getId());
        return applicants.findAll(ofOpening, Sort.by("id"));
    }
}
