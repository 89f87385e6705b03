package vn.layso.predict.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How good the predictions of a set of called tickets were: how many, the median absolute error
 * (minutes) and the median error relative to the actual wait, the share of actual waits within the
 * predicted 90th percentile, and the same by people ahead next to the floor 1/√(k+1): the relative
 * spread of the wait of a ticket with k ahead in an M/M/s queue, which no predictor beats.
 */
public record Accuracy(int count, double medianAbsoluteErrorMinutes, double medianRelativeError,
                       double withinP90Share, List<Row> byAhead) {

  static final long MINUTE = 60_000L;
  /** Lower bounds of the people-ahead rows: 0, 1, 2, 3, 4, 5-9, 10-19, 20-39, 40 and more. */
  static final int[] ROWS = {0, 1, 2, 3, 4, 5, 10, 20, 40};

  public Accuracy {
    byAhead = List.copyOf(byAhead);
  }

  /**
   * One row of the table: tickets with {@code aheadFrom}..{@code aheadTo} ahead ({@code aheadTo}
   * null: no upper end), and {@code floor}, the mean of 1/√(k+1) over them.
   */
  public record Row(int aheadFrom, Integer aheadTo, int count, double medianAbsoluteErrorMinutes,
                    double medianRelativeError, double withinP90Share, double floor) {
  }

  /** The summary of {@code outcomes} (any order); all zeros and no rows when there are none. */
  public static Accuracy of(List<Outcome> outcomes) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < ROWS.length; i++) {
      int from = ROWS[i];
      Integer to = i + 1 < ROWS.length ? ROWS[i + 1] - 1 : null;
      List<Outcome> in = outcomes.stream().filter(o -> o.ahead() >= from && (to == null || o.ahead() <= to)).toList();
      if (!in.isEmpty()) {
        double floor = in.stream().mapToDouble(o -> 1 / Math.sqrt(o.ahead() + 1.0)).average().orElse(0);
        rows.add(new Row(from, to, in.size(), absoluteMinutes(in), relative(in), withinShare(in), round(floor)));
      }
    }
    return new Accuracy(outcomes.size(), absoluteMinutes(outcomes), relative(outcomes), withinShare(outcomes), rows);
  }

  /** The summary of the raw model's predictions of the same tickets (before calibration). */
  public static Accuracy ofRaw(List<Outcome> outcomes) {
    return of(outcomes.stream().map(Outcome::raw).toList());
  }

  private static double absoluteMinutes(List<Outcome> in) {
    return round(median(in.stream().mapToDouble(o -> o.absoluteErrorMillis() / (double) MINUTE).toArray()));
  }

  private static double relative(List<Outcome> in) {
    return round(median(in.stream().mapToDouble(Outcome::relativeError).toArray()));
  }

  private static double withinShare(List<Outcome> in) {
    return in.isEmpty() ? 0 : round(in.stream().filter(Outcome::withinP90).count() / (double) in.size());
  }

  /** The median (the mean of the two middle values for an even count); 0 for none. */
  static double median(double[] values) {
    if (values.length == 0) {
      return 0;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
