package jp.kosodatehub.goals.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import jp.kosodatehub.base.ui.Badge;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.goals.Aggregation;
import jp.kosodatehub.goals.FiscalYear;
import jp.kosodatehub.goals.GoalProgress.Figure;
import jp.kosodatehub.goals.GoalProgress.Period;
import jp.kosodatehub.goals.GoalProgress.Progress;
import jp.kosodatehub.goals.Indicator;
import jp.kosodatehub.goals.IndicatorKind;
import jp.kosodatehub.goals.Judgement;
import jp.kosodatehub.goals.Plan;
import jp.kosodatehub.goals.TargetImageStatus;

/** How the public goals pages word values, years and progress, the same on the plan page and an indicator's. */
final class GoalTexts {

    private GoalTexts() {
    }

    /** The visitor's language; views are still detached when they build themselves in beforeEnter. */
    static Locale locale() {
        UI ui = UI.getCurrent();
        return ui == null ? Locale.JAPANESE : ui.getLocale();
    }

    static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    /** 令和12年度（2030年度）, or FY2030 (令和12年度): readers know one naming or the other. */
    static String year(Component view, int fiscalYear) {
        return english(locale())
                ? view.getTranslation("goals.public.both", FiscalYear.englishLabel(fiscalYear),
                        FiscalYear.eraLabel(fiscalYear))
                : FiscalYear.fullLabel(fiscalYear);
    }

    /** 令和8年度〜令和12年度（2026〜2030年度）, or FY2026–FY2030 (令和8年度–令和12年度). */
    static String period(Component view, Plan plan) {
        int first = plan.getFirstFiscalYear();
        int last = plan.getLastFiscalYear();
        String era = view.getTranslation("goals.public.range", FiscalYear.eraLabel(first), FiscalYear.eraLabel(last));
        if (english(locale())) {
            return view.getTranslation("goals.public.both", view.getTranslation("goals.public.range",
                    FiscalYear.englishLabel(first), FiscalYear.englishLabel(last)), era);
        }
        return view.getTranslation("goals.public.both", era, view.getTranslation("goals.public.range",
                Integer.toString(first), FiscalYear.westernLabel(last)));
    }

    /**
     * A plain number without trailing zeros (12, 8.75), a percentage with at least one decimal as surveys report
     * them (8.8, 5.0), or 実施／未実施 for a done/not-done indicator. Never a grouping comma: the column is narrow
     * and the stored value is what the office typed.
     */
    static String number(Component view, IndicatorKind kind, BigDecimal value) {
        if (value == null) {
            return "";
        }
        if (kind == IndicatorKind.DONE) {
            return view.getTranslation(value.signum() == 0 ? "goals.public.not-done" : "goals.public.done");
        }
        BigDecimal plain = value.stripTrailingZeros();
        if (kind == IndicatorKind.PERCENT && plain.scale() < 1) {
            plain = plain.setScale(1);
        }
        return plain.toPlainString();
    }

    /** A value with the indicator's unit: 8か所, 45.2%. */
    static String value(Component view, Indicator indicator, BigDecimal value) {
        String number = number(view, indicator.getKind(), value);
        String unit = indicator.getUnit();
        return unit == null || unit.isBlank() || indicator.getKind() == IndicatorKind.DONE ? number
                : view.getTranslation("goals.public.value-unit", number, unit);
    }

    /** A baseline or target: 年間200件 for a yearly total, which the plain 200件 would leave open. */
    static String level(Component view, Indicator indicator, BigDecimal value) {
        String text = value(view, indicator, value);
        return indicator.getAggregation() == Aggregation.FISCAL_YEAR_TOTAL
                ? view.getTranslation("goals.public.per-year", text) : text;
    }

    /**
     * The current figure with its period, the same words on every page: 令和8年度累計 62件（4〜11月）, or for the
     * latest value 6件（2026年11月30日時点）; 未報告 without data.
     */
    static String figure(Component view, Indicator indicator, Progress progress) {
        return progress.value() == null ? view.getTranslation("goals.public.none")
                : figure(view, indicator, new Figure(progress.date(), progress.value(), progress.period()));
    }

    static String figure(Component view, Indicator indicator, Figure figure) {
        String value = value(view, indicator, figure.value());
        Period period = figure.period();
        if (period == null) {
            return view.getTranslation("goals.public.value-on", value, Formats.dateWithYear(figure.date(), locale()));
        }
        String year = english(locale()) ? FiscalYear.englishLabel(period.fiscalYear())
                : FiscalYear.eraLabel(period.fiscalYear());
        return view.getTranslation(period.aggregation() == Aggregation.FISCAL_YEAR_AVERAGE
                ? "goals.public.figure.average" : "goals.public.figure.total", year, value, months(view, period));
    }

    /** 4〜11月 or Apr–Nov; one month alone when the year has just begun. */
    private static String months(Component view, Period period) {
        YearMonth from = period.from();
        YearMonth to = period.to();
        String key = from.equals(to) ? "goals.public.figure.month" : "goals.public.figure.months";
        return english(locale())
                ? view.getTranslation(key, from.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH),
                        to.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                : view.getTranslation(key, Integer.toString(from.getMonthValue()),
                        Integer.toString(to.getMonthValue()));
    }

    static Badge judgement(Component view, Judgement judgement) {
        Badge.Tone tone = switch (judgement) {
            case ACHIEVED -> Badge.Tone.SUCCESS;
            case ON_TRACK -> Badge.Tone.INFO;
            case BEHIND -> Badge.Tone.WARNING;
            case NO_DATA -> Badge.Tone.NEUTRAL;
        };
        Badge badge = new Badge(view.getTranslation(judgement.translationKey()), tone);
        badge.addClassName("goal-judgement");
        return badge;
    }

    static Badge imageStatus(Component view, TargetImageStatus status) {
        Badge.Tone tone = switch (status) {
            case ACHIEVED -> Badge.Tone.SUCCESS;
            case IN_PROGRESS -> Badge.Tone.INFO;
            case NOT_STARTED -> Badge.Tone.NEUTRAL;
        };
        return new Badge(view.getTranslation(status.translationKey()), tone);
    }

    /**
     * The bar with its percentage in words beside it, the judgement and, when the figures are overdue, a stale
     * badge. The bar's own value is announced as text, so screen readers say "進捗 45%" rather than "0.45".
     */
    static Div progress(Component view, Progress progress) {
        ProgressBar bar = new ProgressBar(0, 1, progress.fraction());
        String percent = progress.judgement() == Judgement.NO_DATA ? view.getTranslation("goals.public.no-progress")
                : view.getTranslation("goals.public.progress", Integer.toString(progress.percent()));
        bar.getElement().setAttribute("aria-valuetext", percent);
        bar.getElement().setAttribute("aria-label", percent);
        bar.addClassName("goal-progress-bar");
        Span text = new Span(percent);
        text.addClassName("goal-progress-text");
        text.getElement().setAttribute("aria-hidden", "true");
        Div badges = new Div(judgement(view, progress.judgement()));
        badges.addClassName("goal-badges");
        if (progress.stale()) {
            Badge stale = new Badge(view.getTranslation("goals.stale"), Badge.Tone.ERROR);
            stale.addClassName("goal-stale");
            badges.add(stale);
        }
        Div box = new Div(bar, text, badges);
        box.addClassName("goal-progress");
        return box;
    }
}
