package jp.kosodatehub.volunteers;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ApplicantRepository extends JpaRepository<Applicant, Long>, JpaSpecificationExecutor<Applicant> {

    /** The earliest offer from the same person to the organisation whose personal data is still kept. */
    java.util.Optional<Applicant> findFirstByOrganisationIdAndContactKeyAndAnonymisedAtIsNullOrderByCreatedAtAscIdAsc(
            Long organisationId, String contactKey);
}
