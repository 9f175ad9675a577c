package jp.kosodatehub.volunteers;

/**
 * What became of an offer of help. The visitor is shown the same thank-you either way, so that a robot filling in
 * the hidden field learns nothing from the answer.
 */
public enum OfferOutcome {
    /** Stored as a new applicant of the opening's organisation. */
    ACCEPTED,
    /** Dropped without a trace because the hidden honeypot field was filled in. */
    IGNORED
}
