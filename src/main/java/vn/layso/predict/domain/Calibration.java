package vn.layso.predict.domain;

import java.util.Arrays;
import java.util.List;

/**
 * An empirical correction of the {@link WaitPredictor}'s quantiles, learnt from the recent outcomes
 * of its RAW predictions (conformal-style, by people ahead): the model is measured, not trusted.
 *
 * <p>Outcomes are grouped by people ahead k ({@link #BUCKETS}: 0, 1-2, 3-5, 6-10, 11-20, 21+). In a
 * group, over the outcomes whose raw median was above 0, the ratio r = actual / raw median has a
 * median m and a 90th percentile q. With n such outcomes the correction is shrunk toward none,
 * w = n / (n + {@value #PRIOR}): the median factor is m' = w·m + (1 − w), the 90th-percentile factor
 * q' = w·q + (1 − w)·(raw p90 / raw p50) (the model's own spread). A raw estimate becomes
 * p50 = raw p50 · m', p90 = max(p50, raw p50 · q'); the raw values stay in the {@link Estimate}. A
 * raw median of 0 (an idle counter takes the ticket at once) stays as it is. With no outcomes
 * ({@link #NONE}) every estimate is returned unchanged.
 *
 * <p>Learn from raw predictions only (never from calibrated ones, which would feed the correction
 * back into itself). Immutable and thread-safe; the server and the simulator use the same class.
 */
public final class Calibration {

  /** Lower bounds of the people-ahead groups: 0, 1-2, 3-5, 6-10, 11-20, 21 and more. */
  static final int[] BUCKETS = {0, 1, 3, 6, 11, 21};
  /** The model's own values count as this many outcomes. */
  static final double PRIOR = 30;
  /** Only the most recent outcomes count. */
  public static final int MAX_OUTCOMES = 2000;

  /** No correction: every estimate unchanged. */
  public static final Calibration NONE = new Calibration(new int[BUCKETS.length], new double[BUCKETS.length],
      new double[BUCKETS.length]);

  private final int[] count;
  private final double[] medianRatio;
  private final double[] p90Ratio;

  private Calibration(int[] count, double[] medianRatio, double[] p90Ratio) {
    this.count = count;
    this.medianRatio = medianRatio;
    this.p90Ratio = p90Ratio;
  }

  /**
   * Learns from outcomes of raw predictions, oldest first: their {@code p50Millis}/{@code p90Millis}
   * must be the raw model's (use {@link Outcome#raw()} on recorded outcomes). Only the last
   * {@value #MAX_OUTCOMES} count.
   */
  public static Calibration of(List<Outcome> rawOutcomes) {
    List<Outcome> recent = rawOutcomes.size() > MAX_OUTCOMES
        ? rawOutcomes.subList(rawOutcomes.size() - MAX_OUTCOMES, rawOutcomes.size()) : rawOutcomes;
    double[][] ratios = new double[BUCKETS.length][];
    int[] n = new int[BUCKETS.length];
    for (int b = 0; b < BUCKETS.length; b++) {
      ratios[b] = new double[recent.size()];
    }
    for (Outcome o : recent) {
      if (o.p50Millis() > 0) {
        int b = bucket(o.ahead());
        ratios[b][n[b]++] = o.actualMillis() / (double) o.p50Millis();
      }
    }
    double[] m = new double[BUCKETS.length];
    double[] q = new double[BUCKETS.length];
    for (int b = 0; b < BUCKETS.length; b++) {
      double[] sorted = Arrays.copyOf(ratios[b], n[b]);
      Arrays.sort(sorted);
      m[b] = quantile(sorted, 0.5);
      q[b] = quantile(sorted, 0.9);
    }
    return new Calibration(n, m, q);
  }

  /** The calibrated estimate: shown quantiles corrected, the raw model's kept. */
  public Estimate apply(Estimate raw) {
    long p50 = raw.rawP50Millis();
    long p90 = raw.rawP90Millis();
    if (p50 <= 0) {
      return new Estimate(p50, p90, raw.ahead(), p50, p90);
    }
    int b = bucket(raw.ahead());
    double w = weight(b);
    double medianFactor = w * medianRatio[b] + (1 - w);
    double p90Factor = w * p90Ratio[b] + (1 - w) * (p90 / (double) p50);
    long shownP50 = Math.max(0, Math.round(p50 * medianFactor));
    long shownP90 = Math.max(shownP50, Math.round(p50 * p90Factor));
    return new Estimate(shownP50, shownP90, raw.ahead(), p50, p90);
  }

  /** Outcomes (with a raw median above 0) the group of {@code ahead} learnt from. */
  public int samples(int ahead) {
    return count[bucket(ahead)];
  }

  /** The median factor m' applied with {@code ahead} people ahead (1: no correction). */
  public double medianFactor(int ahead) {
    int b = bucket(ahead);
    double w = weight(b);
    return w * medianRatio[b] + (1 - w);
  }

  private double weight(int b) {
    return count[b] / (count[b] + PRIOR);
  }

  static int bucket(int ahead) {
    int b = 0;
    while (b + 1 < BUCKETS.length && ahead >= BUCKETS[b + 1]) {
      b++;
    }
    return b;
  }

  /** Linear interpolation between order statistics; 0 for none. */
  static double quantile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    double pos = p * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Calibration[");
    for (int b = 0; b < BUCKETS.length; b++) {
      sb.append(b == 0 ? "" : ", ").append(BUCKETS[b]).append("+: n=").append(count[b])
          .append(String.format(java.util.Locale.ROOT, " m=%.2f q=%.2f", medianRatio[b], p90Ratio[b]));
    }
    return sb.append(']').toString();
  }
}
