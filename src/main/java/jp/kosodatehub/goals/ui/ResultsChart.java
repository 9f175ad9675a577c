package jp.kosodatehub.goals.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import jp.kosodatehub.base.ui.Formats;
import jp.kosodatehub.goals.FiscalYear;
import jp.kosodatehub.goals.Indicator;
import jp.kosodatehub.goals.IndicatorKind;

/**
 * An indicator's totals over time as an inline SVG drawn here, so the public page needs no charting component and
 * no licence: the totals as a line with points, the baseline as a dashed line, the target as a solid one, fiscal
 * years along the bottom and values up the side. Every text placed in the markup goes through {@link #escape}, so a
 * name or unit typed by the office can never become markup.
 */
final class ResultsChart {

    /** One figure, a date's total or a fiscal year's, as the chart plots it; {@code label} names it on hover. */
    record Point(LocalDate date, BigDecimal value, String label) {
    }

    static final int WIDTH = 640;
    static final int HEIGHT = 300;
    private static final int LEFT = 64;
    private static final int RIGHT = 24;
    private static final int TOP = 24;
    private static final int BOTTOM = 40;
    private static final int Y_TICKS = 4;
    private static final int MAX_YEAR_LABELS = 10;
    /** Baseline of a label set below its line, and the room it keeps from the axis line under it. */
    private static final int LABEL_BELOW = 16;
    private static final int LABEL_CLEARANCE = 4;

    private final Component view;
    private final Indicator indicator;
    private final List<Point> points;
    private final long firstDay;
    private final long lastDay;
    private final double top;

    ResultsChart(Component view, Indicator indicator, List<Point> points) {
        this.view = view;
        this.indicator = indicator;
        this.points = points;
        LocalDate start = indicator.getBaselineDate();
        LocalDate end = FiscalYear.lastDay(indicator.getTargetFiscalYear());
        for (Point point : points) {
            start = point.date().isBefore(start) ? point.date() : start;
            end = point.date().isAfter(end) ? point.date() : end;
        }
        // Whole fiscal years, so that the year ticks fall on the edges rather than just inside them.
        this.firstDay = FiscalYear.firstDay(FiscalYear.of(start)).toEpochDay();
        this.lastDay = Math.max(FiscalYear.lastDay(FiscalYear.of(end)).toEpochDay(), firstDay + 1);
        double max = Math.max(indicator.getBaselineValue().doubleValue(), indicator.getTargetValue().doubleValue());
        for (Point point : points) {
            max = Math.max(max, point.value().doubleValue());
        }
        this.top = indicator.getKind() == IndicatorKind.DONE ? 1 : niceTop(max);
    }

    /** The chart as a component; {@code summary} is its text alternative for screen readers. */
    Svg component(String summary) {
        Svg svg = new Svg(markup(summary));
        svg.addClassName("goal-chart-box");
        return svg;
    }

    String markup(String summary) {
        StringBuilder out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"goal-chart\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\" aria-label=\"")
                .append(escape(summary)).append("\">");
        out.append("<title>").append(escape(summary)).append("</title>");
        valueAxis(out);
        yearAxis(out);
        level(out, "chart-baseline", indicator.getBaselineValue(), view.getTranslation("goals.public.chart.baseline",
                GoalTexts.level(view, indicator, indicator.getBaselineValue())), true);
        level(out, "chart-target", indicator.getTargetValue(), view.getTranslation("goals.public.chart.target",
                GoalTexts.level(view, indicator, indicator.getTargetValue())), false);
        line(out);
        out.append("</svg>");
        return out.toString();
    }

    private void valueAxis(StringBuilder out) {
        out.append("<g class=\"chart-axis chart-axis-values\">");
        for (int i = 0; i <= Y_TICKS; i++) {
            double value = top * i / Y_TICKS;
            double y = y(value);
            if (indicator.getKind() == IndicatorKind.DONE && i != 0 && i != Y_TICKS) {
                continue;
            }
            out.append("<line class=\"chart-grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(num(y)).append("\" y2=\"").append(num(y)).append("\"/>");
            out.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(num(y + 4))
                    .append("\" text-anchor=\"end\">")
                    .append(escape(GoalTexts.number(view, indicator.getKind(),
                            BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP))))
                    .append("</text>");
        }
        if (indicator.getUnit() != null && indicator.getKind() != IndicatorKind.DONE) {
            out.append("<text class=\"chart-unit\" x=\"").append(LEFT - 6).append("\" y=\"").append(TOP - 10)
                    .append("\" text-anchor=\"end\">").append(escape(indicator.getUnit())).append("</text>");
        }
        out.append("</g>");
    }

    private void yearAxis(StringBuilder out) {
        int first = FiscalYear.of(LocalDate.ofEpochDay(firstDay));
        int last = FiscalYear.of(LocalDate.ofEpochDay(lastDay));
        int every = Math.max(1, (int) Math.ceil((last - first + 1) / (double) MAX_YEAR_LABELS));
        double bottom = HEIGHT - BOTTOM;
        out.append("<g class=\"chart-axis chart-axis-years\">");
        out.append("<line class=\"chart-axis-line\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                .append("\" y1=\"").append(num(bottom)).append("\" y2=\"").append(num(bottom)).append("\"/>");
        for (int year = first; year <= last; year++) {
            double from = x(FiscalYear.firstDay(year));
            double to = x(FiscalYear.lastDay(year));
            out.append("<line class=\"chart-tick\" x1=\"").append(num(from)).append("\" x2=\"").append(num(from))
                    .append("\" y1=\"").append(num(bottom)).append("\" y2=\"").append(num(bottom + 5)).append("\"/>");
            if ((year - first) % every == 0) {
                String label = GoalTexts.english(GoalTexts.locale()) ? FiscalYear.englishLabel(year)
                        : Integer.toString(year);
                out.append("<text x=\"").append(num((from + to) / 2)).append("\" y=\"").append(num(bottom + 18))
                        .append("\" text-anchor=\"middle\">").append(escape(label)).append("</text>");
            }
        }
        double end = x(LocalDate.ofEpochDay(lastDay));
        out.append("<line class=\"chart-tick\" x1=\"").append(num(end)).append("\" x2=\"").append(num(end))
                .append("\" y1=\"").append(num(bottom)).append("\" y2=\"").append(num(bottom + 5)).append("\"/>");
        out.append("<text class=\"chart-axis-title\" x=\"").append(WIDTH - RIGHT).append("\" y=\"")
                .append(num(bottom + 34)).append("\" text-anchor=\"end\">")
                .append(escape(view.getTranslation("goals.public.chart.years"))).append("</text>");
        out.append("</g>");
    }

    /**
     * A horizontal line across the chart at a level, labelled at its left end above or below the line; below only
     * where the label clears the year labels, so a baseline on the axis (現状 未実施, 0件) is labelled above it.
     */
    private void level(StringBuilder out, String className, BigDecimal value, String label, boolean preferBelow) {
        double y = y(value.doubleValue());
        boolean below = preferBelow && y + LABEL_BELOW <= HEIGHT - BOTTOM - LABEL_CLEARANCE;
        out.append("<g class=\"").append(className).append("\">");
        out.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                .append(num(y)).append("\" y2=\"").append(num(y)).append('"');
        if (preferBelow) {
            out.append(" stroke-dasharray=\"6 4\"");
        }
        out.append("/>");
        out.append("<text x=\"").append(LEFT + 6).append("\" y=\"").append(num(below ? y + LABEL_BELOW : y - 6))
                .append("\">").append(escape(label)).append("</text>");
        out.append("</g>");
    }

    private void line(StringBuilder out) {
        if (points.isEmpty()) {
            return;
        }
        out.append("<g class=\"chart-results\">");
        if (points.size() > 1) {
            out.append("<polyline class=\"chart-line\" fill=\"none\" points=\"");
            for (Point point : points) {
                out.append(num(x(point.date()))).append(',').append(num(y(point.value().doubleValue()))).append(' ');
            }
            out.append("\"/>");
        }
        for (Point point : points) {
            out.append("<circle class=\"chart-point\" r=\"5\" cx=\"").append(num(x(point.date()))).append("\" cy=\"")
                    .append(num(y(point.value().doubleValue()))).append("\"><title>")
                    .append(escape(point.label() != null ? point.label()
                            : view.getTranslation("goals.public.chart.point",
                                    Formats.dateWithYear(point.date(), GoalTexts.locale()),
                                    GoalTexts.value(view, indicator, point.value()))))
                    .append("</title></circle>");
        }
        out.append("</g>");
    }

    private double x(LocalDate date) {
        return LEFT + (WIDTH - LEFT - RIGHT) * (date.toEpochDay() - firstDay) / (double) (lastDay - firstDay);
    }

    private double y(double value) {
        return HEIGHT - BOTTOM - (HEIGHT - BOTTOM - TOP) * value / top;
    }

    /** A round upper end a little above the largest value, so ticks read 0, 5, 10, 15, 20 rather than 0, 4.4 …. */
    static double niceTop(double max) {
        if (max <= 0) {
            return 1;
        }
        double raw = max * 1.1 / Y_TICKS;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude;
        for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
            step = factor * magnitude;
            if (step >= raw) {
                break;
            }
        }
        return step * Y_TICKS;
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Text for markup: the five characters that could end a text or an attribute become entities. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
