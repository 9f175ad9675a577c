package jp.kosodatehub.goals;

import java.util.Locale;

/** How far a target image (到達イメージ) has come, as the network judges it at its yearly review. */
public enum TargetImageStatus {
    NOT_STARTED, IN_PROGRESS, ACHIEVED;

    public String translationKey() {
        return "goals.image-status." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
