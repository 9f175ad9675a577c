package jp.kosodatehub.bench;

import java.util.Arrays;
import java.util.Locale;

/** Median and 95th percentile of a series of measurements, in the unit they were taken in. */
record Stats(int count, double median, double p95, double min, double max) {

    static Stats of(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Stats(sorted.length, percentile(sorted, 50), percentile(sorted, 95), sorted[0],
                sorted[sorted.length - 1]);
    }

    /** Nearest-rank percentile: the value below which the given share of the measurements lie. */
    private static double percentile(double[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    String millis() {
        return String.format(Locale.ROOT, "median %.1f ms, p95 %.1f ms (n=%d, min %.1f, max %.1f)", median, p95,
                count, min, max);
    }
}
