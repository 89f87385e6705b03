package vn.layso.simulate.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * What the wait predictor reads at an instant, as the server keeps it: each field's and each
 * counter-and-field's exponentially weighted mean service time (alpha {@link #EWMA_ALPHA}, the first
 * sample as start, no-shows excluded; the field's configured mean until then), and the open counters
 * that may serve a field with the share of their time it gets (weight x queue over the same for all
 * their primary fields; backup counters count only when no primary counter is open).
 */
final class ForecastInputs {

  static final double EWMA_ALPHA = 0.1;

  private final Scenario scenario;
  private final Dispatch dispatch;
  private final double[] fieldMean;
  private final double[][] counterMean;

  ForecastInputs(Scenario scenario, Dispatch dispatch) {
    this.scenario = scenario;
    this.dispatch = dispatch;
    fieldMean = new double[scenario.fields().size()];
    counterMean = new double[scenario.counters().size()][scenario.fields().size()];
  }

  /** A completed service of {@code millis} (call to completion) at counter c in field f. */
  void learn(int c, int f, long millis) {
    fieldMean[f] = ewma(fieldMean[f], millis);
    counterMean[c][f] = ewma(counterMean[c][f], millis);
  }

  private static double ewma(double mean, long sample) {
    return mean == 0 ? sample : mean + EWMA_ALPHA * (sample - mean);
  }

  /** The counters that may serve field f now ({@code open}: not paused; {@code current}: serving). */
  List<WaitForecast.Server> servers(int f, boolean[] open, int[] current, Queues queues) {
    int counters = open.length;
    boolean anyPrimary = false;
    for (int c = 0; c < counters && !anyPrimary; c++) {
      anyPrimary = open[c] && dispatch.weight(c, f) > 0;
    }
    List<WaitForecast.Server> servers = new ArrayList<>();
    for (int c = 0; c < counters; c++) {
      if (!open[c] || !dispatch.mayServe(c, f) || anyPrimary && dispatch.weight(c, f) == 0) {
        continue;
      }
      double share = dispatch.weight(c, f) > 0 ? share(c, f, queues) : 1;
      double mean = counterMean[c][f] > 0 ? counterMean[c][f]
          : fieldMean[f] > 0 ? fieldMean[f] : scenario.fields().get(f).service().meanMinutes() * 60_000;
      servers.add(new WaitForecast.Server(share, mean, current[c] >= 0));
    }
    return servers;
  }

  /** The counter's time going to field f: its weight times the field's queue (the new ticket included). */
  private double share(int c, int f, Queues queues) {
    double mine = 0;
    double all = 0;
    for (int g = 0; g < queues.fields(); g++) {
      int w = dispatch.weight(c, g);
      if (w > 0) {
        double load = w * (queues.waiting(g) + (g == f ? 1 : 0));
        all += load;
        if (g == f) {
          mine = load;
        }
      }
    }
    return all > 0 ? mine / all : 0;
  }
}
