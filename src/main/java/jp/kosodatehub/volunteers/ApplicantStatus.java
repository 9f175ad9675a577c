package jp.kosodatehub.volunteers;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Where an applicant stands: 応募 → 連絡済 → 活動中 → 終了, or 辞退 / 見送り. */
public enum ApplicantStatus {
    NEW,
    CONTACTED,
    ACTIVE,
    FINISHED,
    DECLINED,
    NOT_A_FIT;

    /** Recruited volunteers, as the network counts them. */
    public static final Set<ApplicantStatus> RECRUITED = EnumSet.of(ACTIVE, FINISHED);

    /** The moves the pipeline allows; people come back, so finished and closed ones can be taken up again. */
    public Set<ApplicantStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(CONTACTED, ACTIVE, DECLINED, NOT_A_FIT);
            case CONTACTED -> EnumSet.of(ACTIVE, DECLINED, NOT_A_FIT);
            case ACTIVE -> EnumSet.of(FINISHED, DECLINED);
            case FINISHED -> EnumSet.of(ACTIVE);
            case DECLINED, NOT_A_FIT -> EnumSet.of(CONTACTED);
        };
    }

    public boolean canMoveTo(ApplicantStatus target) {
        return next().contains(target);
    }

    public String translationKey() {
        return "volunteer.status." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
