package vn.layso.simulate.domain;

import java.util.ArrayList;
import java.util.List;
import vn.layso.predict.domain.Accuracy;
import vn.layso.predict.domain.Outcome;

/**
 * Prediction error over many days, pooled, by the number of people ahead next to the floor
 * 1/sqrt(k+1), by the server's own definitions ({@link Accuracy}, what GET .../predictions
 * answers): of the shown (calibrated) prediction, or with {@code raw} of the raw model's.
 */
public final class PredictionAccuracy {

  private static final long MINUTE = 60_000L;

  private PredictionAccuracy() {
  }

  public static List<Accuracy.Row> byAhead(List<DayMetrics> days) {
    return byAhead(days, false);
  }

  public static List<Accuracy.Row> byAhead(List<DayMetrics> days, boolean raw) {
    return Accuracy.of(pooled(days, raw, 0)).byAhead();
  }

  public static Accuracy.Row overall(List<DayMetrics> days) {
    return overall(days, false);
  }

  public static Accuracy.Row overall(List<DayMetrics> days, boolean raw) {
    return waitedAtLeast(days, 0, raw);
  }

  /** Over the tickets whose actual wait was at least {@code minutes}. */
  public static Accuracy.Row waitedAtLeast(List<DayMetrics> days, double minutes) {
    return waitedAtLeast(days, minutes, false);
  }

  public static Accuracy.Row waitedAtLeast(List<DayMetrics> days, double minutes, boolean raw) {
    List<Outcome> in = pooled(days, raw, minutes);
    Accuracy a = Accuracy.of(in);
    double floor = in.stream().mapToDouble(o -> 1 / Math.sqrt(o.ahead() + 1.0)).average().orElse(Double.NaN);
    return new Accuracy.Row(0, null, a.count(), a.medianAbsoluteErrorMinutes(), a.medianRelativeError(),
        a.withinP90Share(), floor);
  }

  private static List<Outcome> pooled(List<DayMetrics> days, boolean raw, double minutes) {
    List<Outcome> out = new ArrayList<>();
    for (DayMetrics d : days) {
      for (Outcome o : DayMetrics.outcomes(List.of(d.predictions()))) {
        if (o.actualMillis() >= minutes * MINUTE) {
          out.add(raw ? o.raw() : o);
        }
      }
    }
    return out;
  }
}
