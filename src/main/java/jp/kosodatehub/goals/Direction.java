package jp.kosodatehub.goals;

import java.util.Locale;

/** Which way an indicator should move from its baseline. */
public enum Direction {
    /** Higher is better: 子ども食堂の数 8 → 10. */
    INCREASE,
    /** Lower is better: 相談相手がいない保護者の割合 8.8% → 5.0%. */
    DECREASE,
    /** Hold the target level; see {@link GoalProgress#KEEP_TOLERANCE}. */
    KEEP,
    /** Reach the target at all, nothing in between counts: 未実施 → 実施. */
    ACHIEVE;

    public String translationKey() {
        return "goals.direction." + name().toLowerCase(Locale.ROOT);
    }
}
