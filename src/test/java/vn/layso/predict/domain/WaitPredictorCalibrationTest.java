package vn.layso.predict.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.layso.queue.domain.Estimate;

/**
 * The predictor in the queue it models: one field, FIFO, Poisson arrivals, exponential service at
 * s counters. Each citizen is predicted at arrival from the live state (people ahead, busy
 * counters) and measured at the start of service: the quantiles must be calibrated, and the
 * error by people ahead must sit at the floor 1/sqrt(k+1), not below it (that would be luck).
 */
class WaitPredictorCalibrationTest {

  private static final long MIN = 60_000;

  @Test
  void atEightyFivePercentLoadOnFourCountersThePredictionsAreCalibrated() {
    int counters = 4;
    double meanService = 10 * MIN;
    double meanGap = meanService / (counters * 0.85);
    Random random = new Random(42);
    WaitPredictor predictor = new WaitPredictor();
    double[] freeAt = new double[counters];
    ArrayDeque<Double> starts = new ArrayDeque<>();
    List<Outcome> outcomes = new ArrayList<>();
    double now = 0;
    for (int i = 0; i < 40_000; i++) {
      now += exp(random, meanGap);
      final double at = now;
      starts.removeIf(start -> start <= at);
      int ahead = starts.size();
      List<QueueState.Desk> desks = new ArrayList<>();
      int earliest = 0;
      for (int c = 0; c < counters; c++) {
        desks.add(new QueueState.Desk("c" + c, Map.of("a", 1), true, freeAt[c] > now));
        if (freeAt[c] < freeAt[earliest]) {
          earliest = c;
        }
      }
      Estimate e = predictor.predict(new QueueState(Map.of("a", new QueueState.Field(ahead, (long) meanService)),
          desks), "a", ahead);
      double start = Math.max(now, freeAt[earliest]);
      freeAt[earliest] = start + exp(random, meanService);
      starts.add(start);
      if (i >= 2_000) {
        outcomes.add(new Outcome(e, Math.round(start - now)));
      }
    }
    Accuracy a = Accuracy.of(outcomes);
    List<Outcome> waited = outcomes.stream().filter(o -> o.p50Millis() > 0).toList();
    long underMedian = waited.stream().filter(o -> o.actualMillis() <= o.p50Millis()).count();
    assertThat(underMedian / (double) waited.size()).as("share within the median").isCloseTo(0.5, within(0.02));
    // those an idle counter takes at once are predicted 0 and wait 0: within any quantile
    assertThat(Accuracy.of(waited).withinP90Share()).as("share within p90").isCloseTo(0.9, within(0.01));
    assertThat(a.withinP90Share()).isGreaterThan(0.9);
    Map<Integer, Accuracy.Row> rows = new HashMap<>();
    a.byAhead().forEach(r -> rows.put(r.aheadFrom(), r));
    // with 5-9 and 10-19 ahead the error is the floor's size, falling as k grows
    assertThat(rows.get(5).medianRelativeError()).isBetween(0.5 * rows.get(5).floor(), 1.2 * rows.get(5).floor());
    assertThat(rows.get(10).medianRelativeError()).isBetween(0.5 * rows.get(10).floor(), 1.2 * rows.get(10).floor());
    assertThat(rows.get(10).medianRelativeError()).isLessThan(rows.get(5).medianRelativeError());
    for (Accuracy.Row r : a.byAhead()) {
      System.out.printf("ahead %d-%s: n=%d, median |error| %.2f min, relative %.3f, within p90 %.3f, floor %.3f%n",
          r.aheadFrom(), r.aheadTo(), r.count(), r.medianAbsoluteErrorMinutes(), r.medianRelativeError(),
          r.withinP90Share(), r.floor());
    }
    System.out.printf("all: n=%d, median |error| %.2f min, relative %.3f, within p90 %.3f%n", a.count(),
        a.medianAbsoluteErrorMinutes(), a.medianRelativeError(), a.withinP90Share());
  }

  private static double exp(Random random, double mean) {
    return -Math.log(1 - random.nextDouble()) * mean;
  }
}
