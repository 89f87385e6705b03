package vn.layso.predict.domain;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.layso.queue.domain.Estimate;

/**
 * An empirical correction of the {@link WaitPredictor}'s quantiles, learnt from the recent outcomes
 * of its RAW predictions (conformal-style, by people ahead and by field): the model is measured,
 * not trusted.
 *
 * <p>Outcomes are grouped by people ahead k ({@link #BUCKETS}: 0, 1-2, 3-5, 6-10, 11-20, 21+), and
 * within a group by field. In a group, over the outcomes whose raw median was above 0, the ratio
 * r = actual / raw median has a median m and a 90th percentile q. With n such outcomes the group's
 * correction is shrunk toward none, w = n / (n + {@value #PRIOR}): the median factor is
 * m' = w·m + (1 − w), the 90th-percentile factor q' = w·q + (1 − w)·(raw p90 / raw p50) (the
 * model's own spread). A field's cell in the group is shrunk the same way toward the group's
 * factors: with few outcomes of its own a field gets the group's correction, with many its own.
 * The fields need their own: when counters are shared, the call order (escalation past a target,
 * aging) serves some fields faster and others slower than the model's shares say, and the same bias
 * holds day after day. A raw estimate becomes p50 = raw p50 · m', p90 = max(p50, raw p50 · q'); the
 * raw values stay in the {@link Estimate}. A raw median of 0 (an idle counter takes the ticket at
 * once) stays as it is. With no outcomes ({@link #NONE}) every estimate is returned unchanged.
 *
 * <p>Learn from raw predictions only (never from calibrated ones, which would feed the correction
 * back into itself). Immutable and thread-safe; the server and the simulator use the same class.
 */
public final class Calibration {

  /** Lower bounds of the people-ahead groups: 0, 1-2, 3-5, 6-10, 11-20, 21 and more. */
  static final int[] BUCKETS = {0, 1, 3, 6, 11, 21};
  /** The model's own values (or the group's, for a field's cell) count as this many outcomes. */
  static final double PRIOR = 30;
  /** Only the most recent outcomes count. */
  public static final int MAX_OUTCOMES = 2000;

  /** No correction: every estimate unchanged. */
  public static final Calibration NONE = new Calibration(new Cell[BUCKETS.length], Map.of());

  /** One group's learnt ratios: how many, their median and 90th percentile. */
  private record Cell(int count, double medianRatio, double p90Ratio) {

    static final Cell EMPTY = new Cell(0, 0, 0);

    static Cell of(double[] ratios, int n) {
      double[] sorted = Arrays.copyOf(ratios, n);
      Arrays.sort(sorted);
      return new Cell(n, quantile(sorted, 0.5), quantile(sorted, 0.9));
    }

    double weight() {
      return count / (count + PRIOR);
    }
  }

  private final Cell[] groups;
  /** Per field, its cells by group. */
  private final Map<String, Cell[]> fields;

  private Calibration(Cell[] groups, Map<String, Cell[]> fields) {
    for (int b = 0; b < groups.length; b++) {
      groups[b] = groups[b] == null ? Cell.EMPTY : groups[b];
    }
    this.groups = groups;
    this.fields = fields;
  }

  /**
   * Learns from outcomes of raw predictions, oldest first: their {@code p50Millis}/{@code p90Millis}
   * must be the raw model's (use {@link Outcome#raw()} on recorded outcomes). Only the last
   * {@value #MAX_OUTCOMES} count; outcomes without a field teach their group only.
   */
  public static Calibration of(List<Outcome> rawOutcomes) {
    List<Outcome> recent = rawOutcomes.size() > MAX_OUTCOMES
        ? rawOutcomes.subList(rawOutcomes.size() - MAX_OUTCOMES, rawOutcomes.size()) : rawOutcomes;
    double[][] ratios = new double[BUCKETS.length][recent.size()];
    int[] n = new int[BUCKETS.length];
    Map<String, double[][]> fieldRatios = new HashMap<>();
    Map<String, int[]> fieldCounts = new HashMap<>();
    for (Outcome o : recent) {
      if (o.p50Millis() > 0) {
        int b = bucket(o.ahead());
        double r = o.actualMillis() / (double) o.p50Millis();
        ratios[b][n[b]++] = r;
        if (o.field() != null) {
          double[][] fr = fieldRatios.computeIfAbsent(o.field(), f -> new double[BUCKETS.length][recent.size()]);
          int[] fn = fieldCounts.computeIfAbsent(o.field(), f -> new int[BUCKETS.length]);
          fr[b][fn[b]++] = r;
        }
      }
    }
    Cell[] groups = new Cell[BUCKETS.length];
    for (int b = 0; b < BUCKETS.length; b++) {
      groups[b] = Cell.of(ratios[b], n[b]);
    }
    Map<String, Cell[]> fields = new HashMap<>();
    fieldRatios.forEach((field, fr) -> {
      Cell[] cells = new Cell[BUCKETS.length];
      for (int b = 0; b < BUCKETS.length; b++) {
        cells[b] = Cell.of(fr[b], fieldCounts.get(field)[b]);
      }
      fields.put(field, cells);
    });
    return new Calibration(groups, Map.copyOf(fields));
  }

  /** The calibrated estimate by people ahead alone (for a ticket whose field is not known). */
  public Estimate apply(Estimate raw) {
    return apply(raw, null);
  }

  /** The calibrated estimate of a ticket in {@code field}: shown quantiles corrected, the raw model's kept. */
  public Estimate apply(Estimate raw, String field) {
    long p50 = raw.rawP50Millis();
    long p90 = raw.rawP90Millis();
    if (p50 <= 0) {
      return new Estimate(p50, p90, raw.ahead(), p50, p90);
    }
    int b = bucket(raw.ahead());
    double[] factors = factors(b, field, p90 / (double) p50);
    long shownP50 = Math.max(0, Math.round(p50 * factors[0]));
    long shownP90 = Math.max(shownP50, Math.round(p50 * factors[1]));
    return new Estimate(shownP50, shownP90, raw.ahead(), p50, p90);
  }

  /** The median and 90th-percentile factors of group b for field (null: the group's), given the model's spread. */
  private double[] factors(int b, String field, double modelSpread) {
    Cell g = groups[b];
    double w = g.weight();
    double median = w * g.medianRatio() + (1 - w);
    double p90 = w * g.p90Ratio() + (1 - w) * modelSpread;
    Cell[] cells = field == null ? null : fields.get(field);
    if (cells != null) {
      Cell c = cells[b];
      double v = c.weight();
      median = v * c.medianRatio() + (1 - v) * median;
      p90 = v * c.p90Ratio() + (1 - v) * p90;
    }
    return new double[] {median, p90};
  }

  /** Outcomes (with a raw median above 0) the group of {@code ahead} learnt from. */
  public int samples(int ahead) {
    return groups[bucket(ahead)].count();
  }

  /** The median factor m' applied with {@code ahead} people ahead (1: no correction). */
  public double medianFactor(int ahead) {
    return medianFactor(ahead, null);
  }

  /** The median factor applied to a ticket of {@code field} with {@code ahead} people ahead. */
  public double medianFactor(int ahead, String field) {
    return factors(bucket(ahead), field, 1)[0];
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
      sb.append(b == 0 ? "" : ", ").append(BUCKETS[b]).append("+: n=").append(groups[b].count())
          .append(String.format(java.util.Locale.ROOT, " m=%.2f q=%.2f", groups[b].medianRatio(), groups[b].p90Ratio()));
    }
    return sb.append("; fields ").append(new java.util.TreeSet<>(fields.keySet())).append(']').toString();
  }
}
