package vn.layso.simulate.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Prediction error over many days, pooled, by the number of people ahead, next to the floor
 * 1/sqrt(k+1): the relative spread of an Erlang(k+1) wait, which no predictor beats in an M/M/s
 * queue. Relative error = |p50 - actual| / max(actual, 1 minute), as the server's accuracy counts it.
 * Of the shown (calibrated) prediction, or with {@code raw} of the raw model's.
 */
public final class PredictionAccuracy {

  /** Tickets with {@code from}..{@code to} ahead (to = -1: no end). */
  public record Row(int from, int to, int count, double medianRelative, double medianAbsoluteMinutes,
                    double withinP90, double floor) {
  }

  private PredictionAccuracy() {
  }

  public static List<Row> byAhead(List<DayMetrics> days) {
    return byAhead(days, false);
  }

  public static List<Row> byAhead(List<DayMetrics> days, boolean raw) {
    List<Row> rows = new ArrayList<>();
    int[] from = DayMetrics.AHEAD_FROM;
    for (int g = 0; g < from.length; g++) {
      int lo = from[g];
      int hi = g + 1 < from.length ? from[g + 1] - 1 : -1;
      List<double[]> in = new ArrayList<>();
      for (DayMetrics d : days) {
        for (double[] p : d.predictions()) {
          if (p[3] >= lo && (hi < 0 || p[3] <= hi)) {
            in.add(p);
          }
        }
      }
      if (!in.isEmpty()) {
        rows.add(row(lo, hi, in, raw));
      }
    }
    return rows;
  }

  public static Row overall(List<DayMetrics> days) {
    return overall(days, false);
  }

  public static Row overall(List<DayMetrics> days, boolean raw) {
    return waitedAtLeast(days, 0, raw);
  }

  /** Over the tickets whose actual wait was at least {@code minutes}. */
  public static Row waitedAtLeast(List<DayMetrics> days, double minutes) {
    return waitedAtLeast(days, minutes, false);
  }

  public static Row waitedAtLeast(List<DayMetrics> days, double minutes, boolean raw) {
    List<double[]> all = new ArrayList<>();
    days.forEach(d -> Arrays.stream(d.predictions()).filter(p -> p[0] >= minutes).forEach(all::add));
    return row(0, -1, all, raw);
  }

  private static Row row(int lo, int hi, List<double[]> in, boolean raw) {
    if (in.isEmpty()) {
      return new Row(lo, hi, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    int c = raw ? 4 : 1;
    double[] rel = in.stream().mapToDouble(p -> Math.abs(p[c] - p[0]) / Math.max(1, p[0])).sorted().toArray();
    double[] abs = in.stream().mapToDouble(p -> Math.abs(p[c] - p[0])).sorted().toArray();
    double within = in.stream().filter(p -> p[0] <= p[c + 1]).count() / (double) Math.max(1, in.size());
    double floor = in.stream().mapToDouble(p -> 1 / Math.sqrt(p[3] + 1)).average().orElse(Double.NaN);
    return new Row(lo, hi, in.size(), Spread.interpolated(rel, 0.5), Spread.interpolated(abs, 0.5), within, floor);
  }
}
