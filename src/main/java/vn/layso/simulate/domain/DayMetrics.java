package vn.layso.simulate.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.layso.predict.domain.Accuracy;
import vn.layso.predict.domain.Outcome;
import vn.layso.queue.domain.CallReason;

/**
 * The measures of one simulated day, by name (minutes for waits), plus the per-hour waits and the
 * predictions the charts draw ({@code predictions}: one row per predicted walk-in, actual wait,
 * predicted (calibrated) p50, p90 in minutes, people ahead, the raw model's p50, p90 in minutes). Waits are those of tickets served (a no-show's holder left).
 * <ul>
 *   <li>{@code meanWait}, {@code p90Wait}, {@code maxWait}; {@code priorityMean}, {@code priorityP90};</li>
 *   <li>{@code punctuality}: share of appointments called within {@link #PUNCTUAL_MINUTES} of slot
 *       start (of the later of slot start and check-in);</li>
 *   <li>{@code utilisation}: counters' busy time over available time, averaged over counters;</li>
 *   <li>{@code fairness}: the worst field's p90 over the overall p90 (target at most 1.5);
 *       {@code neglected}: tickets that waited over twice their target while a counter that may
 *       serve them idled (target 0); {@code p90:<field>} each field's p90;</li>
 *   <li>{@code predMdAE}: median absolute error of the predicted median wait (minutes);
 *       {@code predRel}: median of |predicted - actual| / max(actual, 1 minute) over predicted
 *       walk-ins (target under 0.2; the same definition as vn.layso.predict's accuracy; most
 *       tickets of a quiet day wait 0 and are predicted 0); {@code predRelWaited}: the same over
 *       those who waited at least {@link #WAITED_MINUTES} minutes;
 *       {@code predInP90}: share of actual waits at most the predicted p90;</li>
 *   <li>{@code overtime}: minutes the last counter served after the last session ended;</li>
 *   <li>{@code why:<RULE>}: share of calls the server's policy made by each rule (CallReason).</li>
 * </ul>
 */
public record DayMetrics(Map<String, Double> values, double[][] waitSum, int[][] waitCount, double[] counterUtilisation,
                         double[][] predictions) {

  public static final int PUNCTUAL_MINUTES = 10;
  /** {@code predRelWaited} counts only tickets that waited at least this long. */
  public static final int WAITED_MINUTES = 5;
  private static final long MINUTE = 60_000L;
  /** Half-hour buckets of issue time. */
  public static final int BUCKETS = 48;
  /** People-ahead groups for the prediction error: 0, 1, 2, 3, 4, 5-9, 10-19, 20-39, 40+. */
  public static final int[] AHEAD_FROM = {0, 1, 2, 3, 4, 5, 10, 20, 40};

  public static DayMetrics of(DayResult day) {
    Scenario sc = day.scenario();
    int fields = sc.fields().size();
    Map<String, Double> v = new LinkedHashMap<>();
    List<Double> waits = new ArrayList<>();
    List<Double> priority = new ArrayList<>();
    List<List<Double>> byField = new ArrayList<>();
    for (int f = 0; f < fields; f++) {
      byField.add(new ArrayList<>());
    }
    double[][] waitSum = new double[fields][BUCKETS];
    int[][] waitCount = new int[fields][BUCKETS];
    int appointments = 0;
    int punctual = 0;
    int neglected = 0;
    List<double[]> pairs = new ArrayList<>();
    for (SimTicket t : day.tickets()) {
      if (t.neglected()) {
        neglected++;
      }
      if (t.outcome() != SimTicket.Outcome.SERVED) {
        continue;
      }
      double wait = t.waitMillis() / 60_000.0;
      waits.add(wait);
      byField.get(t.field()).add(wait);
      int bucket = (int) Math.min(BUCKETS - 1, t.trace().issuedMillis() / 1_800_000);
      waitSum[t.field()][bucket] += wait;
      waitCount[t.field()][bucket]++;
      if (t.trace().priority()) {
        priority.add(wait);
      }
      if (t.trace().appointment()) {
        appointments++;
        if (wait <= PUNCTUAL_MINUTES) {
          punctual++;
        }
      }
      if (t.predicted()) {
        pairs.add(new double[] {wait, t.predictedP50() / 60_000.0, t.predictedP90() / 60_000.0, t.predictedAhead(),
            t.rawP50() / 60_000.0, t.rawP90() / 60_000.0});
      }
    }
    v.put("tickets", (double) day.tickets().size());
    v.put("served", (double) waits.size());
    v.put("noShows", (double) day.count(SimTicket.Outcome.NO_SHOW));
    v.put("unserved", (double) day.count(SimTicket.Outcome.UNSERVED));
    double[] all = sorted(waits);
    v.put("meanWait", mean(all));
    v.put("p90Wait", quantile(all, 0.9));
    v.put("maxWait", all.length == 0 ? 0 : all[all.length - 1]);
    double[] pr = sorted(priority);
    v.put("priorityMean", mean(pr));
    v.put("priorityP90", quantile(pr, 0.9));
    v.put("punctuality", appointments == 0 ? Double.NaN : (double) punctual / appointments);
    double util = 0;
    double[] perCounter = new double[sc.counters().size()];
    for (int c = 0; c < perCounter.length; c++) {
      perCounter[c] = day.utilisation(c);
      util += perCounter[c];
    }
    v.put("utilisation", util / sc.counters().size());
    double worst = 0;
    double[] fieldP90 = new double[fields];
    for (int f = 0; f < fields; f++) {
      fieldP90[f] = quantile(sorted(byField.get(f)), 0.9);
      worst = Math.max(worst, fieldP90[f]);
    }
    double overallP90 = v.get("p90Wait");
    v.put("fairness", overallP90 > 0 ? worst / overallP90 : 1);
    v.put("neglected", (double) neglected);
    predictionErrors(v, pairs, false, "");
    predictionErrors(v, pairs, true, "Raw");
    v.put("overtime", Math.max(0, day.lastEventMillis() / 60_000.0 - sc.lastMinute()));
    for (int f = 0; f < fields; f++) {
      v.put("p90:" + sc.fields().get(f).code(), fieldP90[f]);
    }
    long called = day.tickets().stream().filter(t -> t.reason() != null).count();
    for (CallReason.Rule rule : CallReason.Rule.values()) {
      long n = day.tickets().stream().filter(t -> t.reason() == rule).count();
      v.put("why:" + rule.name(), called == 0 ? Double.NaN : (double) n / called);
    }
    return new DayMetrics(v, waitSum, waitCount, perCounter, pairs.toArray(new double[0][]));
  }

  static int aheadGroup(int ahead) {
    int g = 0;
    while (g + 1 < AHEAD_FROM.length && ahead >= AHEAD_FROM[g + 1]) {
      g++;
    }
    return g;
  }

  public double get(String name) {
    Double value = values.get(name);
    return value == null ? Double.NaN : value;
  }

  /**
   * The prediction measures of the day, by the server's own definitions ({@link Accuracy}): of the
   * shown (calibrated) prediction, or with {@code raw} of the raw model's; also over the tickets that
   * waited at least {@link #WAITED_MINUTES}. NaN when nothing was predicted.
   */
  private static void predictionErrors(Map<String, Double> v, List<double[]> rows, boolean raw, String suffix) {
    List<Outcome> all = outcomes(rows).stream().map(o -> raw ? o.raw() : o).toList();
    Accuracy a = Accuracy.of(all);
    Accuracy waited = Accuracy.of(all.stream().filter(o -> o.actualMillis() >= WAITED_MINUTES * MINUTE).toList());
    v.put("predMdAE" + suffix, all.isEmpty() ? Double.NaN : a.medianAbsoluteErrorMinutes());
    v.put("predRel" + suffix, all.isEmpty() ? Double.NaN : a.medianRelativeError());
    v.put("predRelWaited" + suffix, waited.count() == 0 ? Double.NaN : waited.medianRelativeError());
    v.put("predInP90" + suffix, all.isEmpty() ? Double.NaN : a.withinP90Share());
  }

  /**
   * The rows of {@link #predictions()} (minutes: actual, p50, p90, ahead, raw p50, raw p90) as the
   * server records its called tickets' predictions.
   */
  public static List<Outcome> outcomes(Iterable<double[]> rows) {
    List<Outcome> out = new ArrayList<>();
    for (double[] p : rows) {
      out.add(new Outcome((int) p[3], ms(p[1]), ms(p[2]), ms(p[4]), ms(p[5]), ms(p[0])));
    }
    return out;
  }

  private static long ms(double minutes) {
    return Math.round(minutes * MINUTE);
  }

  static double[] sorted(List<Double> values) {
    double[] a = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(a);
    return a;
  }

  static double mean(double[] a) {
    return a.length == 0 ? Double.NaN : Arrays.stream(a).sum() / a.length;
  }

  /** Nearest-rank quantile of sorted values; NaN when empty. */
  public static double quantile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
