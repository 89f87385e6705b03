package vn.layso.predict.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.layso.predict.domain.QueueState.Desk;
import vn.layso.predict.domain.QueueState.Field;
import vn.layso.queue.domain.Estimate;

class WaitPredictorTest {

  private static final long MIN = 60_000;
  private final WaitPredictor predictor = new WaitPredictor();

  /** One field "a" (10 min mean, {@code waiting} waiting) and {@code desks}. */
  private static QueueState oneField(int waiting, Desk... desks) {
    return new QueueState(Map.of("a", new Field(waiting, 10 * MIN)), List.of(desks));
  }

  private static Desk busy(String id) {
    return new Desk(id, Map.of("a", 1), true, true);
  }

  private static Desk idle(String id) {
    return new Desk(id, Map.of("a", 1), true, false);
  }

  private static Desk paused(String id) {
    return new Desk(id, Map.of("a", 1), false, false);
  }

  @Test
  void oneBusyCounterFirstInLineWaitsOneExponentialServiceTime() {
    Estimate e = predictor.predict(oneField(1, busy("1")), "a", 0);
    // Exp(10 min): median 10 ln 2, p90 10 ln 10
    assertThat(e.p50Millis()).isCloseTo(Math.round(10 * MIN * Math.log(2)), within(200L));
    assertThat(e.p90Millis()).isCloseTo(Math.round(10 * MIN * Math.log(10)), within(200L));
    assertThat(e.ahead()).isZero();
    assertThat(e.p50Minutes()).isEqualTo(7);
    assertThat(e.p90Minutes()).isEqualTo(24);
  }

  @Test
  void theMeanGrowsWithThoseAheadAndTheRelativeSpreadShrinksAsOneOverRootKPlusOne() {
    double previousSpread = Double.MAX_VALUE;
    for (int k : new int[] {0, 3, 8, 24, 99, 399}) {
      Estimate e = predictor.predict(oneField(k + 1, busy("1"), busy("2")), "a", k);
      // two counters at 10 min: about (k+1) x 5 minutes
      assertThat(e.p50Millis() / (double) ((k + 1) * 5 * MIN)).as("k=%d", k).isBetween(0.69, 1.0);
      double spread = (e.p90Millis() - e.p50Millis()) / (double) e.p50Millis();
      assertThat(spread).as("k=%d", k).isLessThan(previousSpread);
      previousSpread = spread;
      if (k >= 8) {
        // Gamma(n): p90 ~ median + 1.28 sd (a little more while skewed), sd/mean = 1/sqrt(n)
        assertThat(spread * Math.sqrt(k + 1)).as("k=%d", k).isBetween(1.2, 1.55);
      }
    }
  }

  @Test
  void moreOpenCountersMeanAShorterWait() {
    long one = predictor.predict(oneField(10, busy("1")), "a", 9).p50Millis();
    long two = predictor.predict(oneField(10, busy("1"), busy("2")), "a", 9).p50Millis();
    long three = predictor.predict(oneField(10, busy("1"), busy("2"), busy("3")), "a", 9).p50Millis();
    assertThat(two).isLessThan(one);
    assertThat(three).isLessThan(two);
    assertThat(one / (double) two).isCloseTo(2.0, within(0.01));
  }

  @Test
  void pausedCountersGiveNothing() {
    Estimate without = predictor.predict(oneField(5, busy("1")), "a", 4);
    Estimate withPaused = predictor.predict(oneField(5, busy("1"), paused("2"), paused("3")), "a", 4);
    assertThat(withPaused).isEqualTo(without);
    Estimate open = predictor.predict(oneField(5, busy("1"), busy("2")), "a", 4);
    assertThat(open.p50Millis()).isLessThan(withPaused.p50Millis());
  }

  @Test
  void idleCountersTakeTheFirstTicketsAtOnce() {
    QueueState state = oneField(2, idle("1"), idle("2"), busy("3"));
    assertThat(predictor.predict(state, "a", 0)).isEqualTo(new Estimate(0, 0, 0));
    assertThat(predictor.predict(state, "a", 1)).isEqualTo(new Estimate(0, 0, 1));
    // the third needs one completion among three counters: Exp(10/3 min)
    Estimate third = predictor.predict(state, "a", 2);
    assertThat(third.p50Millis()).isCloseTo(Math.round(10 * MIN / 3.0 * Math.log(2)), within(200L));
  }

  @Test
  void eachCountersOwnSpeedCounts() {
    Desk fast = new Desk("1", Map.of("a", 1), true, true, Map.of("a", 5 * MIN));
    Desk slow = new Desk("1", Map.of("a", 1), true, true, Map.of("a", 20 * MIN));
    long atFieldMean = predictor.predict(oneField(3, busy("1")), "a", 2).p50Millis();
    long withFast = predictor.predict(oneField(3, fast), "a", 2).p50Millis();
    long withSlow = predictor.predict(oneField(3, slow), "a", 2).p50Millis();
    assertThat(withFast).isCloseTo(atFieldMean / 2, within(200L));
    assertThat(withSlow).isCloseTo(atFieldMean * 2, within(200L));
  }

  @Test
  void aSharedCounterGivesTheFieldItsShareByWeightTimesLoad() {
    Desk shared = new Desk("2", Map.of("a", 1, "b", 1), true, true);
    QueueState quietB = new QueueState(Map.of("a", new Field(4, 10 * MIN), "b", new Field(0, 10 * MIN)),
        List.of(busy("1"), shared));
    QueueState crowdedB = new QueueState(Map.of("a", new Field(4, 10 * MIN), "b", new Field(12, 10 * MIN)),
        List.of(busy("1"), shared));
    // quiet b: counter 2 works for a only, two counters
    assertThat(WaitPredictor.share(quietB, shared, "a", 4)).isEqualTo(1.0);
    assertThat(WaitPredictor.share(crowdedB, shared, "a", 4)).isEqualTo(0.25);
    long quiet = predictor.predict(quietB, "a", 3).p50Millis();
    long crowded = predictor.predict(crowdedB, "a", 3).p50Millis();
    assertThat(crowded / (double) quiet).isCloseTo(2 / 1.25, within(0.01));

    Desk leaning = new Desk("2", Map.of("a", 3, "b", 1), true, true);
    assertThat(WaitPredictor.share(crowdedB, leaning, "a", 4)).isEqualTo(0.5);
  }

  @Test
  void anAppointmentBeforeItsSlotCountsItsWaitFromTheSlotStart() {
    QueueState state = oneField(6, busy("1"), busy("2"));
    Estimate now = predictor.predict(state, "a", 5);
    Estimate slotIn10 = predictor.predict(state, "a", 5, 10 * MIN);
    assertThat(slotIn10.p50Millis()).isEqualTo(now.p50Millis() - 10 * MIN);
    assertThat(slotIn10.p90Millis()).isEqualTo(now.p90Millis() - 10 * MIN);
    assertThat(predictor.predict(state, "a", 5, 10 * 60 * MIN)).isEqualTo(new Estimate(0, 0, 5));
  }

  @Test
  void aFieldOnABreakIsPredictedAsIfItsCountersCameBackAndOneNobodyServesAtItsOwnMean() {
    Estimate onBreak = predictor.predict(oneField(3, paused("1"), paused("2")), "a", 2);
    Estimate back = predictor.predict(oneField(3, busy("1"), busy("2")), "a", 2);
    assertThat(onBreak).isEqualTo(back);
    // an idle but paused counter is no help during the break either
    Estimate nobody = predictor.predict(new QueueState(Map.of("a", new Field(0, 10 * MIN)), List.of()), "a", 0);
    assertThat(nobody.p50Millis()).isCloseTo(Math.round(10 * MIN * Math.log(2)), within(200L));
  }

  @Test
  void newcomersStandBehindEveryoneWaiting() {
    QueueState state = new QueueState(Map.of("a", new Field(4, 10 * MIN), "b", new Field(0, 5 * MIN)),
        List.of(busy("1"), new Desk("2", Map.of("b", 1), true, false)));
    Map<String, Estimate> waits = predictor.newcomers(state);
    assertThat(waits.get("a")).isEqualTo(predictor.predict(state, "a", 4));
    assertThat(waits.get("b")).isEqualTo(new Estimate(0, 0, 0));
  }

  @Test
  void badQuestionsAreRefused() {
    assertThatThrownBy(() -> predictor.predict(oneField(0, busy("1")), "nope", 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> predictor.predict(oneField(0, busy("1")), "a", -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void inAnMmsQueueTheMedianIsCalibratedAndNinetyPercentAreWithinP90() {
    // simulated exponential services at 3 busy counters: the predicted quantiles hold
    Random random = new Random(7);
    QueueState state = oneField(10, busy("1"), busy("2"), busy("3"));
    Estimate e = predictor.predict(state, "a", 9);
    int runs = 20_000;
    int underMedian = 0;
    int underP90 = 0;
    for (int i = 0; i < runs; i++) {
      // time to 10 completions at total rate 3 / 10 min
      double t = 0;
      for (int j = 0; j < 10; j++) {
        t += -Math.log(1 - random.nextDouble()) * 10 * MIN / 3.0;
      }
      underMedian += t <= e.p50Millis() ? 1 : 0;
      underP90 += t <= e.p90Millis() ? 1 : 0;
    }
    assertThat(underMedian / (double) runs).isCloseTo(0.5, within(0.015));
    assertThat(underP90 / (double) runs).isCloseTo(0.9, within(0.01));
  }

  @Test
  void aPredictionTakesMicroseconds() {
    List<Desk> desks = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      desks.add(new Desk("c" + i, Map.of("a", 1, "b", 2), true, i % 3 != 0));
    }
    QueueState state = new QueueState(Map.of("a", new Field(80, 10 * MIN), "b", new Field(40, 7 * MIN)), desks);
    for (int i = 0; i < 30_000; i++) {
      predictor.predict(state, "a", i % 80);
    }
    long start = System.nanoTime();
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      predictor.predict(state, i % 2 == 0 ? "a" : "b", i % 80);
    }
    double microsEach = (System.nanoTime() - start) / 1000.0 / n;
    assertThat(microsEach).as("µs per prediction").isLessThan(100);
  }

  @Test
  void longQueuesUseTheWilsonHilfertyQuantilesWithinATenThousandthOfTheExactOnes() {
    for (double n : new double[] {WaitPredictor.WILSON_HILFERTY_FROM, 47.5, 100, 1_000, 20_000}) {
      var exact = new org.apache.commons.math3.distribution.GammaDistribution(null, n, 1.0, 1e-12);
      double p50 = exact.inverseCumulativeProbability(0.5);
      double p90 = exact.inverseCumulativeProbability(0.9);
      assertThat(WaitPredictor.wilsonHilferty(n, 0)).as("median, n = %s", n).isCloseTo(p50, within(p50 * 1e-4));
      assertThat(WaitPredictor.wilsonHilferty(n, 1.2815515655446004)).as("p90, n = %s", n)
          .isCloseTo(p90, within(p90 * 1e-4));
    }
    // and the predictor switches to it without a step: 29 and 30 ahead on one counter at 1 min
    QueueState state = new QueueState(Map.of("a", new Field(40, MIN)),
        List.of(new Desk("1", Map.of("a", 1), true, true, Map.of("a", MIN))));
    Estimate below = predictor.predict(state, "a", 28);
    Estimate above = predictor.predict(state, "a", 29);
    assertThat(above.p50Millis() - below.p50Millis()).isBetween(59_000L, 61_000L);
    // the p90 grows by about 1 + 1.28 / (2 √30) minutes a place
    assertThat(above.p90Millis() - below.p90Millis()).isBetween(62_000L, 72_000L);
  }
}
