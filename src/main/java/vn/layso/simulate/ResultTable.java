package vn.layso.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.layso.predict.domain.Accuracy;
import vn.layso.simulate.domain.DayMetrics;
import vn.layso.simulate.domain.Experiment;
import vn.layso.simulate.domain.Experiment.Outcome;
import vn.layso.simulate.domain.Experiment.Run;
import vn.layso.simulate.domain.FieldSpec;
import vn.layso.simulate.domain.PredictionAccuracy;
import vn.layso.simulate.domain.Spread;

/** The results of a scenario as a Markdown table: each cell the median over seeds and its p10-p90. */
final class ResultTable {

  private record Column(String title, String metric, double scale, String format) {
  }

  private static final List<Column> COLUMNS = List.of(
      new Column("mean wait (min)", "meanWait", 1, "%.1f"),
      new Column("p90 wait", "p90Wait", 1, "%.1f"),
      new Column("max wait", "maxWait", 1, "%.0f"),
      new Column("priority mean", "priorityMean", 1, "%.1f"),
      new Column("appt. on time", "punctuality", 100, "%.0f%%"),
      new Column("utilisation", "utilisation", 100, "%.0f%%"),
      new Column("worst field p90 / p90", "fairness", 1, "%.2f"),
      new Column("neglected", "neglected", 1, "%.0f"),
      new Column("pred. rel. error, raw", "predRelRaw", 100, "%.0f%%"),
      new Column("pred. rel. error, calibrated", "predRel", 100, "%.0f%%"),
      new Column("pred. error, waited ≥ 5 min, raw", "predRelWaitedRaw", 100, "%.0f%%"),
      new Column("pred. error, waited ≥ 5 min, calibrated", "predRelWaited", 100, "%.0f%%"),
      new Column("actual ≤ p90, raw", "predInP90Raw", 100, "%.0f%%"),
      new Column("actual ≤ p90, calibrated", "predInP90", 100, "%.0f%%"),
      new Column("overtime (min)", "overtime", 1, "%.0f"));

  private ResultTable() {
  }

  static String markdown(Outcome outcome) {
    StringBuilder sb = new StringBuilder();
    sb.append("| policy |");
    COLUMNS.forEach(c -> sb.append(' ').append(c.title()).append(" |"));
    sb.append(" ms/day |\n|---|");
    COLUMNS.forEach(c -> sb.append("---:|"));
    sb.append("---:|\n");
    for (Run run : outcome.runs()) {
      sb.append("| ").append(run.policy().label()).append(" |");
      for (Column c : COLUMNS) {
        sb.append(' ').append(cell(run.spread(c.metric()), c)).append(" |");
      }
      sb.append(String.format(Locale.ROOT, " %.1f |%n", run.millisPerDay()));
    }
    return sb.toString();
  }

  static String fields(Outcome outcome) {
    StringBuilder sb = new StringBuilder("| p90 wait by field (min) |");
    List<String> codes = new ArrayList<>();
    for (FieldSpec f : outcome.scenario().fields()) {
      sb.append(' ').append(f.name()).append(" |");
      codes.add(f.code());
    }
    sb.append("\n|---|").append("---:|".repeat(codes.size())).append('\n');
    for (Run run : outcome.runs()) {
      sb.append("| ").append(run.policy().label()).append(" |");
      for (String code : codes) {
        sb.append(String.format(Locale.ROOT, " %.1f |", run.spread("p90:" + code).median()));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  static String bounds(Outcome outcome) {
    Spread dedicated = outcome.bound(false);
    Spread pooled = outcome.bound(true);
    Spread load = Spread.of(outcome.bounds().stream().mapToDouble(b -> b.load()).toArray());
    return String.format(Locale.ROOT,
        "Analytic bounds (Erlang C, day-average rates, median over %d days): dedicated M/M/c per field %s min, "
            + "fully pooled M/M/%d %s min; offered load %.0f%%.",
        dedicated.days(), minutes(dedicated), outcome.scenario().counters().size(), minutes(pooled), load.median() * 100);
  }

  static String ratios(Outcome outcome, String ours) {
    Run mine = outcome.run(ours);
    StringBuilder sb = new StringBuilder();
    for (String other : List.of("FIFO_POOLED", "DEDICATED")) {
      Run base;
      try {
        base = outcome.run(other);
      } catch (RuntimeException e) {
        continue;
      }
      double[] mean = ratio(mine, base, "meanWait");
      double[] p90 = ratio(mine, base, "p90Wait");
      sb.append(String.format(Locale.ROOT,
          "%s vs %s, same days: mean wait ratio %.2f (p10-p90 %.2f-%.2f), p90 wait ratio %.2f (%.2f-%.2f)%n",
          ours, other, mean[0], mean[1], mean[2], p90[0], p90[1], p90[2]));
    }
    return sb.toString();
  }

  /** Day-by-day ratio of a metric (common random numbers): median, p10, p90. */
  static double[] ratio(Run a, Run b, String metric) {
    double[] r = new double[a.days().size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = a.days().get(i).get(metric) / b.days().get(i).get(metric);
    }
    Spread s = Spread.of(r);
    return new double[] {s.median(), s.p10(), s.p90()};
  }

  private static String minutes(Spread s) {
    return Double.isInfinite(s.median()) ? "∞ (a queue is overloaded)"
        : String.format(Locale.ROOT, "%.1f (p10-p90 %.1f-%.1f)", s.median(), s.p10(), s.p90());
  }

  private static String cell(Spread s, Column c) {
    if (Double.isNaN(s.median())) {
      return "–";
    }
    String m = String.format(Locale.ROOT, c.format(), s.median() * c.scale());
    if (s.days() < 2) {
      return m;
    }
    return m + " (" + String.format(Locale.ROOT, c.format(), s.p10() * c.scale()).replace("%", "") + "–"
        + String.format(Locale.ROOT, c.format(), s.p90() * c.scale()).replace("%", "") + ")";
  }

  /**
   * The prediction error of one policy's days by people ahead, next to the floor: the raw model's
   * and the calibrated (shown) prediction's side by side.
   */
  static String prediction(Experiment.Run run) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "Prediction error, %s (walk-ins, all days pooled), raw model → calibrated:%n%n", run.policy().label()));
    sb.append("| people ahead | tickets | floor 1/√(k+1) | median relative error, raw | calibrated "
        + "| median abs. error (min), raw | calibrated | actual ≤ predicted p90, raw | calibrated |\n"
        + "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    List<Accuracy.Row> rows = new ArrayList<>(PredictionAccuracy.byAhead(run.days()));
    List<Accuracy.Row> raw = new ArrayList<>(PredictionAccuracy.byAhead(run.days(), true));
    int groups = rows.size();
    rows.add(PredictionAccuracy.overall(run.days()));
    raw.add(PredictionAccuracy.overall(run.days(), true));
    rows.add(PredictionAccuracy.waitedAtLeast(run.days(), DayMetrics.WAITED_MINUTES));
    raw.add(PredictionAccuracy.waitedAtLeast(run.days(), DayMetrics.WAITED_MINUTES, true));
    for (int i = 0; i < rows.size(); i++) {
      Accuracy.Row r = rows.get(i);
      Accuracy.Row m = raw.get(i);
      if (r.count() == 0) {
        continue;
      }
      String k = i == groups ? "all" : i > groups ? "all who waited ≥ " + DayMetrics.WAITED_MINUTES + " min"
          : r.aheadTo() == null ? r.aheadFrom() + "+" : r.aheadFrom() == r.aheadTo() ? "" + r.aheadFrom()
          : r.aheadFrom() + "–" + r.aheadTo();
      sb.append(String.format(Locale.ROOT, "| %s | %d | %.0f%% | %.0f%% | %.0f%% | %.1f | %.1f | %.0f%% | %.0f%% |%n",
          k, r.count(), r.floor() * 100, m.medianRelativeError() * 100, r.medianRelativeError() * 100,
          m.medianAbsoluteErrorMinutes(), r.medianAbsoluteErrorMinutes(), m.withinP90Share() * 100, r.withinP90Share() * 100));
    }
    return sb.toString();
  }
}
