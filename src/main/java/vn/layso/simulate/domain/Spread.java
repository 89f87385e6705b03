package vn.layso.simulate.domain;

import java.util.Arrays;

/** One measure over many seeded days: median, 10th and 90th percentiles, mean (NaN days dropped). */
public record Spread(double median, double p10, double p90, double mean, int days) {

  public static Spread of(double[] values) {
    double[] a = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
    if (a.length == 0) {
      return new Spread(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
    }
    return new Spread(interpolated(a, 0.5), interpolated(a, 0.1), interpolated(a, 0.9),
        Arrays.stream(a).average().orElse(Double.NaN), a.length);
  }

  /** Linear interpolation between order statistics (type 7). */
  static double interpolated(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] == sorted[hi] ? sorted[lo] : sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
