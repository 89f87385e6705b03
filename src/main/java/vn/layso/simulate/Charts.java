package vn.layso.simulate;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import vn.layso.predict.domain.Accuracy;
import vn.layso.simulate.domain.DayMetrics;
import vn.layso.simulate.domain.Experiment.Outcome;
import vn.layso.simulate.domain.Experiment.Run;
import vn.layso.simulate.domain.PolicySpec;
import vn.layso.simulate.domain.PredictionAccuracy;
import vn.layso.simulate.domain.Scenario;

/**
 * A scenario's charts (xchart, headless): wait over the day per field, counter utilisation,
 * predicted vs actual wait, prediction error by people ahead next to its floor, and the spread of
 * the mean wait over the seeded days. Files {@code <scenario>-<chart>.png|svg} in the output folder.
 */
final class Charts {

  private static final int WIDTH = 960;
  private static final int HEIGHT = 540;
  private static final int MAX_POINTS = 4000;
  /** People-ahead groups with fewer predictions are left off the error chart (noise). */
  private static final int MIN_GROUP = 30;

  private Charts() {
  }

  static void write(Outcome outcome, Path folder, String format) throws IOException {
    Run ours = ours(outcome);
    String name = outcome.scenario().name();
    save(waitByHour(outcome, ours), folder.resolve(name + "-wait-by-hour"), format);
    save(utilisation(outcome, ours), folder.resolve(name + "-utilisation"), format);
    save(predictedVsActual(outcome, ours), folder.resolve(name + "-prediction"), format);
    save(predictionError(outcome, ours), folder.resolve(name + "-prediction-error"), format);
    save(spread(outcome), folder.resolve(name + "-spread"), format);
  }

  /** The policy the charts feature: the LAYSO run with the lowest median mean wait. */
  static Run ours(Outcome outcome) {
    return outcome.runs().stream().filter(r -> r.policy().kind() == PolicySpec.Kind.LAYSO)
        .min((a, b) -> Double.compare(a.spread("meanWait").median(), b.spread("meanWait").median()))
        .orElse(outcome.runs().get(0));
  }

  private static XYChart waitByHour(Outcome outcome, Run ours) {
    Scenario sc = outcome.scenario();
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title(sc.name() + ": mean wait by time of issue, " + ours.policy().label() + " per field")
        .xAxisTitle("time of issue (hour, half-hour buckets)").yAxisTitle("mean wait (min)").build();
    style(chart);
    for (int f = 0; f < sc.fields().size(); f++) {
      addSeries(chart, sc.fields().get(f).name(), ours, f, false);
    }
    for (Run other : outcome.runs()) {
      String label = other.policy().label();
      if (label.equals("DEDICATED") || label.equals("FIFO_POOLED")) {
        addSeries(chart, "all fields, " + label, other, -1, true);
      }
    }
    return chart;
  }

  private static void addSeries(XYChart chart, String name, Run run, int field, boolean dashed) {
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (int b = 0; b < DayMetrics.BUCKETS; b++) {
      double sum = 0;
      int count = 0;
      for (DayMetrics d : run.days()) {
        for (int f = 0; f < d.waitSum().length; f++) {
          if (field < 0 || f == field) {
            sum += d.waitSum()[f][b];
            count += d.waitCount()[f][b];
          }
        }
      }
      if (count > 0) {
        x.add(b / 2.0 + 0.25);
        y.add(sum / count);
      }
    }
    if (!x.isEmpty()) {
      XYSeries s = chart.addSeries(name, x, y);
      s.setMarker(SeriesMarkers.NONE);
      if (dashed) {
        s.setLineStyle(SeriesLines.DASH_DASH);
      }
    }
  }

  private static CategoryChart utilisation(Outcome outcome, Run ours) {
    Scenario sc = outcome.scenario();
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
        .title(sc.name() + ": counter utilisation (busy / available), mean over days")
        .xAxisTitle("counter (main field)").yAxisTitle("utilisation (%)").build();
    style(chart);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    chart.getStyler().setXAxisLabelRotation(sc.counters().size() > 12 ? 90 : 0);
    List<String> names = new ArrayList<>();
    for (int c = 0; c < sc.counters().size(); c++) {
      names.add(sc.counters().get(c).id() + " " + sc.counters().get(c).main());
    }
    for (Run run : outcome.runs()) {
      String label = run.policy().label();
      if (run == ours || label.equals("DEDICATED") || label.equals("FIFO_POOLED")) {
        List<Double> y = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
          int counter = c;
          y.add(100 * run.days().stream().mapToDouble(d -> d.counterUtilisation()[counter]).average().orElse(0));
        }
        chart.addSeries(label, names, y);
      }
    }
    return chart;
  }

  private static XYChart predictedVsActual(Outcome outcome, Run ours) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title(outcome.scenario().name() + ": predicted (calibrated) median wait at issue vs actual wait, " + ours.policy().label())
        .xAxisTitle("actual wait (min)").yAxisTitle("predicted median (min)").build();
    style(chart);
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(3);
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    double max = 1;
    int total = ours.days().stream().mapToInt(d -> d.predictions().length).sum();
    int step = Math.max(1, total / MAX_POINTS);
    int i = 0;
    for (DayMetrics d : ours.days()) {
      for (double[] p : d.predictions()) {
        if (i++ % step == 0) {
          x.add(p[0]);
          y.add(p[1]);
          max = Math.max(max, Math.max(p[0], p[1]));
        }
      }
    }
    if (!x.isEmpty()) {
      chart.addSeries("tickets (" + x.size() + " of " + total + ")", x, y);
    }
    XYSeries diagonal = chart.addSeries("predicted = actual", new double[] {0, max}, new double[] {0, max});
    diagonal.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    diagonal.setMarker(SeriesMarkers.NONE);
    return chart;
  }

  private static XYChart predictionError(Outcome outcome, Run ours) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title(outcome.scenario().name() + ": median relative error of the predicted wait by people ahead")
        .xAxisTitle("people ahead k (group start)").yAxisTitle("|p50 - actual| / max(actual, 1 min)").build();
    style(chart);
    List<Accuracy.Row> rows = PredictionAccuracy.byAhead(ours.days());
    List<Accuracy.Row> raw = PredictionAccuracy.byAhead(ours.days(), true);
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    List<Double> yRaw = new ArrayList<>();
    List<Double> floor = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Accuracy.Row r = rows.get(i);
      if (r.count() < MIN_GROUP) {
        continue;
      }
      x.add((double) r.aheadFrom());
      y.add(r.medianRelativeError());
      yRaw.add(raw.get(i).medianRelativeError());
      floor.add(r.floor());
    }
    if (!x.isEmpty()) {
      chart.addSeries(ours.policy().label() + ", raw model", x, yRaw);
      chart.addSeries(ours.policy().label() + ", calibrated", x, y);
      XYSeries f = chart.addSeries("floor 1/sqrt(k+1)", x, floor);
      f.setLineStyle(SeriesLines.DASH_DASH);
      XYSeries target = chart.addSeries("target 20 %", List.of(x.get(0), x.get(x.size() - 1)), List.of(0.2, 0.2));
      target.setMarker(SeriesMarkers.NONE);
      target.setLineStyle(SeriesLines.DOT_DOT);
    }
    return chart;
  }

  private static BoxChart spread(Outcome outcome) {
    BoxChart chart = new BoxChartBuilder().width(WIDTH).height(HEIGHT)
        .title(outcome.scenario().name() + ": mean wait per day over " + outcome.runs().get(0).days().size()
            + " seeded days").xAxisTitle("policy").yAxisTitle("mean wait of the day (min)").build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setXAxisLabelRotation(30);
    for (Run run : outcome.runs()) {
      chart.addSeries(run.policy().label(), run.days().stream().mapToDouble(d -> d.get("meanWait")).toArray());
    }
    return chart;
  }

  private static void style(Chart<?, ?> chart) {
    Styler s = chart.getStyler();
    s.setLegendPosition(Styler.LegendPosition.InsideNW);
    s.setChartBackgroundColor(Color.WHITE);
    s.setLegendBackgroundColor(new Color(255, 255, 255, 210));
  }

  private static void save(Chart<?, ?> chart, Path base, String format) throws IOException {
    if (format.equals("png") || format.equals("both")) {
      BitmapEncoder.saveBitmap(chart, base.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
    if (format.equals("svg") || format.equals("both")) {
      VectorGraphicsEncoder.saveVectorGraphic(chart, base.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    }
  }
}
