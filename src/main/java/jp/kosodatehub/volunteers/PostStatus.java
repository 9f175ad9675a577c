package jp.kosodatehub.volunteers;

import java.util.Locale;

/**
 * Moderation state of what an organisation posts for volunteers (openings and stories), with the same rules as
 * events: drafts are submitted, the office publishes or sends back, trusted organisations publish directly.
 */
public enum PostStatus {
    DRAFT,
    SUBMITTED,
    SENT_BACK,
    PUBLISHED,
    /** An opening that has found its people: no longer offered, its page still answers. */
    CLOSED,
    WITHDRAWN;

    public String translationKey() {
        return "volunteer.post-status." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
