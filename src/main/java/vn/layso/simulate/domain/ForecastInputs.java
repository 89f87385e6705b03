package vn.layso.simulate.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.layso.predict.domain.QueueState;
import vn.layso.predict.domain.ServiceTimes;

/**
 * The office's state as the server's predictor reads it (vn.layso.predict.PredictionService):
 * each field's waiting count and mean service time, each counter's primary fields and weights,
 * whether it is open (not on a break) and busy (serving, or not opened yet this session), and its
 * own mean per field. Service times are kept as the server keeps them: an exponentially weighted
 * mean per counter and field with its count of completions (alpha {@link #EWMA_ALPHA}, the first
 * sample as start, no-shows excluded); a field's mean is its counters' pooled by their completions
 * ({@link ServiceTimes.Pool}), blended with the configured mean by {@link ServiceTimes}.
 */
final class ForecastInputs {

  static final double EWMA_ALPHA = 0.1;

  private final Scenario scenario;
  private final List<Map<String, Integer>> weights = new ArrayList<>();
  private final double[][] counterMean;
  private final long[][] counterCount;

  ForecastInputs(Scenario scenario, Dispatch dispatch) {
    this.scenario = scenario;
    int fields = scenario.fields().size();
    for (int c = 0; c < scenario.counters().size(); c++) {
      Map<String, Integer> w = new LinkedHashMap<>();
      for (int f = 0; f < fields; f++) {
        if (dispatch.weight(c, f) > 0) {
          w.put(scenario.fields().get(f).code(), dispatch.weight(c, f));
        }
      }
      weights.add(Map.copyOf(w));
    }
    counterMean = new double[scenario.counters().size()][fields];
    counterCount = new long[scenario.counters().size()][fields];
  }

  /** A completed service of {@code millis} (call to completion) at counter c in field f. */
  void learn(int c, int f, long millis) {
    counterMean[c][f] = ewma(counterMean[c][f], millis);
    counterCount[c][f]++;
  }

  private static double ewma(double mean, long sample) {
    return mean == 0 ? sample : mean + EWMA_ALPHA * (sample - mean);
  }

  /**
   * @param onBreak  the counter is paused
   * @param busy     the counter is serving, or has not opened yet (not counted on to take a ticket)
   */
  QueueState state(Queues queues, boolean[] onBreak, boolean[] busy) {
    Map<String, QueueState.Field> fields = new HashMap<>();
    long[] means = new long[scenario.fields().size()];
    for (int f = 0; f < means.length; f++) {
      FieldSpec spec = scenario.fields().get(f);
      ServiceTimes.Pool pool = new ServiceTimes.Pool();
      for (int c = 0; c < counterMean.length; c++) {
        pool.add(counterCount[c][f] > 0 ? counterMean[c][f] : null, counterCount[c][f]);
      }
      means[f] = ServiceTimes.fieldMean(pool.mean(), pool.count(), Math.round(spec.service().meanMinutes() * 60_000));
      fields.put(spec.code(), new QueueState.Field(queues.waiting(f), means[f]));
    }
    List<QueueState.Desk> desks = new ArrayList<>(weights.size());
    for (int c = 0; c < weights.size(); c++) {
      Map<String, Long> own = new HashMap<>();
      for (String code : weights.get(c).keySet()) {
        int f = scenario.fieldIndex(code);
        own.put(code, ServiceTimes.counterMean(counterMean[c][f] > 0 ? counterMean[c][f] : null, means[f]));
      }
      desks.add(new QueueState.Desk(scenario.counters().get(c).id(), weights.get(c), !onBreak[c], busy[c], own));
    }
    return new QueueState(fields, desks);
  }
}
