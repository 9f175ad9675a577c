package jp.kosodatehub.notifications;

import java.util.Locale;

/**
 * What the office decided about a submission, published by the moderating service inside its transaction and
 * mailed by {@link Notifier} once that transaction has committed. Carries only what the mail says and whom to
 * ask for addresses, so the notifier needs no access to the submission itself.
 *
 * @param submitterAccountId the account that submitted it, if known; otherwise its organisation's members hear
 * @param reason the office's reason for a send-back, {@code null} when published
 */
public record ModerationNotice(Subject subject, Long id, String title, Outcome outcome, String reason,
                               Long submitterAccountId, Long organisationId) {

    /** What was moderated; decides the wording and where the link points. */
    public enum Subject {
        EVENT, OPENING, STORY;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Outcome {
        PUBLISHED, SENT_BACK;

        String key() {
            return this == PUBLISHED ? "published" : "sent-back";
        }
    }

    public static ModerationNotice published(Subject subject, Long id, String title, Long submitterAccountId,
                                             Long organisationId) {
        return new ModerationNotice(subject, id, title, Outcome.PUBLISHED, null, submitterAccountId,
                organisationId);
    }

    public static ModerationNotice sentBack(Subject subject, Long id, String title, String reason,
                                            Long submitterAccountId, Long organisationId) {
        return new ModerationNotice(subject, id, title, Outcome.SENT_BACK, reason, submitterAccountId,
                organisationId);
    }
}
