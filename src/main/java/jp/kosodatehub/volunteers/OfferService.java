package jp.kosodatehub.volunteers;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import jp.kosodatehub.base.NotFoundException;
import jp.kosodatehub.base.validation.InvalidInputException;
import jp.kosodatehub.base.validation.Problems;
import jp.kosodatehub.base.validation.TextRules;
import jp.kosodatehub.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Offers of help from the public (no account). Checks the offer, keeps floods out with a per-address limit and a
 * honeypot, marks repeated offers from the same person, and stores the offer as a new applicant.
 */
@Service
public class OfferService {

    /** The version of the privacy notice shown with the form; stored with each consent. */
    public static final String NOTICE_VERSION = "2026-1";
    /** Field name of problems that concern the whole offer rather than one field. */
    public static final String WHOLE_OFFER = "offer";

    private static final Logger log = LoggerFactory.getLogger(OfferService.class);

    private final OpeningService openings;
    private final ApplicantRepository applicants;
    private final OfferRateLimiter limiter;
    private final Clock clock;

    OfferService(OpeningService openings, ApplicantRepository applicants, OfferRateLimiter limiter, Clock clock) {
        this.openings = openings;
        this.applicants = applicants;
        this.limiter = limiter;
        this.clock = clock;
    }

    /**
     * Takes an offer of help for a public opening; anyone may call it.
     *
     * @param clientAddress the sender's network address, for the rate limit only; it is not stored
     * @throws NotFoundException when the opening does not exist or is not public
     * @throws InvalidInputException when the opening no longer takes offers, the offer breaks a rule, or the address
     *                               has sent too many offers
     */
    @Transactional
    public OfferOutcome offer(Long openingId, HelpOffer offer, String clientAddress) {
        Opening opening = openings.findPublic(openingId)
                .orElseThrow(() -> new NotFoundException("Opening " + openingId));
        if (!opening.isOpen()) {
            new Problems().add("opening", "volunteer.offer.closed").throwIfAny();
        }
        if (!TextRules.isBlank(offer.getWebsite())) {
            // Counts against the limit too, so a robot cannot try endlessly; what it typed is not worth keeping.
            limiter.tryAcquire(clientAddress);
            log.info("Offer of help for opening {} ignored: the hidden field was filled in", openingId);
            return OfferOutcome.IGNORED;
        }
        validate(offer, opening);
        // Only offers that pass the rules count: someone correcting mistakes must not be locked out.
        if (!limiter.tryAcquire(clientAddress)) {
            new Problems().add(WHOLE_OFFER, "volunteer.offer.too-many").throwIfAny();
        }
        store(opening, offer, clock.instant());
        return OfferOutcome.ACCEPTED;
    }

    /**
     * Records an offer that arrived earlier, with the time it arrived: for the large data set generator only, which
     * fills a database with years of use. The office's rights and the same checks as {@link #offer}; no rate limit,
     * as there is no sender and no network address. Views never call it (ArchitectureTest).
     *
     * @throws IllegalArgumentException when {@code receivedAt} is missing or in the future
     */
    @Transactional
    @RolesAllowed(Roles.COORDINATOR)
    public Applicant recordPastOffer(Long openingId, HelpOffer offer, Instant receivedAt) {
        if (receivedAt == null || receivedAt.isAfter(clock.instant())) {
            throw new IllegalArgumentException("An offer received in the past needs a past time: " + receivedAt);
        }
        Opening opening = openings.findPublic(openingId)
                .orElseThrow(() -> new NotFoundException("Opening " + openingId));
        if (!opening.isOpen()) {
            new Problems().add("opening", "volunteer.offer.closed").throwIfAny();
        }
        validate(offer, opening);
        return store(opening, offer, receivedAt);
    }

    private Applicant store(Opening opening, HelpOffer offer, Instant receivedAt) {
        String email = OfferRules.normaliseContact(offer.getEmail());
        String phone = OfferRules.normaliseContact(offer.getPhone());
        String contactKey = OfferRules.contactKey(email, phone);
        Long organisationId = opening.getOrganisation().getId();
        Long duplicateOf = applicants
                .findFirstByOrganisationIdAndContactKeyAndAnonymisedAtIsNullOrderByCreatedAtAscIdAsc(
                        organisationId, contactKey)
                .map(Applicant::getId).orElse(null);
        boolean minor = offer.getAgeBand().isMinor();
        return applicants.save(new Applicant(opening, TextRules.normalise(offer.getName()), email, phone,
                contactKey, offer.getAgeBand(), offer.getSupporterType(), TextRules.normalise(offer.getAvailability()),
                TextRules.normalise(offer.getMessage()), minor ? TextRules.normalise(offer.getGuardianName()) : null,
                minor && offer.isGuardianConsent(), NOTICE_VERSION, duplicateOf, receivedAt));
    }

    private static void validate(HelpOffer offer, Opening opening) {
        Problems problems = new Problems()
                .text("name", offer.getName(), true, Applicant.NAME_MAX, false)
                .text("availability", offer.getAvailability(), false, Applicant.AVAILABILITY_MAX, false)
                .text("message", offer.getMessage(), false, Applicant.MESSAGE_MAX, true);
        if (OfferRules.hasContact(offer.getEmail(), offer.getPhone())) {
            addIfAny(problems, "email", OfferRules.checkEmail(offer.getEmail()));
            addIfAny(problems, "phone", OfferRules.checkPhone(offer.getPhone()));
        } else {
            problems.add("email", "volunteer.offer.contact-required");
            problems.add("phone", "volunteer.offer.contact-required");
        }
        VolunteerAgeBand band = offer.getAgeBand();
        problems.require(band != null, "ageBand", "validation.required");
        if (band != null && !band.canBeAtLeast(opening.getMinimumAge())) {
            problems.add("ageBand", "volunteer.offer.below-minimum-age");
        }
        problems.require(offer.getSupporterType() != null, "supporterType", "validation.required");
        if (band != null && band.isMinor()) {
            problems.text("guardianName", offer.getGuardianName(), true, Applicant.NAME_MAX, false);
            problems.require(offer.isGuardianConsent(), "guardianConsent", "volunteer.offer.guardian-consent-required");
        }
        problems.require(offer.isPrivacyConsent(), "privacyConsent", "volunteer.offer.privacy-consent-required");
        problems.throwIfAny();
    }

    private static void addIfAny(Problems problems, String field, String key) {
        if (key != null) {
            problems.add(field, key);
        }
    }
}
