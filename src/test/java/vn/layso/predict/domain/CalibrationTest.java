package vn.layso.predict.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.layso.queue.domain.Estimate;

class CalibrationTest {

  private static final long MIN = 60_000;

  @Test
  void withoutOutcomesEveryEstimateIsUnchanged() {
    Estimate raw = new Estimate(10 * MIN, 18 * MIN, 7);
    assertThat(Calibration.NONE.apply(raw)).isEqualTo(raw);
    assertThat(Calibration.of(List.of()).apply(raw)).isEqualTo(raw);
    assertThat(Calibration.NONE.medianFactor(7)).isEqualTo(1.0);
  }

  @Test
  void manyOutcomesConvergeToTheTrueRatio() {
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      outcomes.add(new Outcome(8, 10 * MIN, 16 * MIN, 20 * MIN)); // always twice the median
    }
    Calibration c = Calibration.of(outcomes);
    Estimate e = c.apply(new Estimate(10 * MIN, 16 * MIN, 9));
    assertThat(e.p50Millis() / (double) (10 * MIN)).isCloseTo(2.0, within(0.05));
    assertThat(e.rawP50Millis()).isEqualTo(10 * MIN);
    assertThat(e.rawP90Millis()).isEqualTo(16 * MIN);
    // another group learnt nothing
    assertThat(c.apply(new Estimate(10 * MIN, 16 * MIN, 2))).isEqualTo(new Estimate(10 * MIN, 16 * MIN, 2));
  }

  @Test
  void eachFieldLearnsItsOwnBiasShrunkTowardItsGroups() {
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      // shared counters serve "land" slower than the model says, "civil" faster
      outcomes.add(new Outcome(8, 10 * MIN, 16 * MIN, 15 * MIN, "land"));
      outcomes.add(new Outcome(8, 10 * MIN, 16 * MIN, 5 * MIN, "civil"));
    }
    for (int i = 0; i < 10; i++) {
      outcomes.add(new Outcome(8, 10 * MIN, 16 * MIN, 40 * MIN, "rare"));
    }
    Calibration c = Calibration.of(outcomes);
    // the group of 6-10 ahead, all fields: median ratio 0.5 or 1.5 (as many of each, plus 10 at 4): 1.5
    double w = 610 / 640.0;
    double group = w * 1.5 + (1 - w);
    assertThat(c.medianFactor(8)).isCloseTo(group, within(1e-9));
    double v = 300 / 330.0;
    assertThat(c.medianFactor(8, "land")).isCloseTo(v * 1.5 + (1 - v) * group, within(1e-9));
    assertThat(c.medianFactor(8, "civil")).isCloseTo(v * 0.5 + (1 - v) * group, within(1e-9));
    // ten outcomes of its own: a field is mostly its group's (w = 10 / 40)
    assertThat(c.medianFactor(8, "rare")).isCloseTo(0.25 * 4 + 0.75 * group, within(1e-9));
    // a field never seen, or none named: the group's
    assertThat(c.medianFactor(8, "new")).isEqualTo(group);
    assertThat(c.apply(new Estimate(10 * MIN, 16 * MIN, 8), "civil").p50Millis())
        .isEqualTo(Math.round(10 * MIN * (v * 0.5 + (1 - v) * group)));
    // a group without outcomes corrects nothing, whatever the field
    assertThat(c.apply(new Estimate(10 * MIN, 16 * MIN, 0), "land")).isEqualTo(new Estimate(10 * MIN, 16 * MIN, 0));
  }

  @Test
  void fewOutcomesAreShrunkTowardNoCorrection() {
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      outcomes.add(new Outcome(4, 10 * MIN, 16 * MIN, 30 * MIN)); // three times
    }
    Calibration c = Calibration.of(outcomes);
    // w = 10 / 40: m' = 0.25 * 3 + 0.75 = 1.5
    assertThat(c.medianFactor(4)).isCloseTo(1.5, within(1e-9));
    Estimate e = c.apply(new Estimate(10 * MIN, 16 * MIN, 4));
    assertThat(e.p50Millis()).isEqualTo(15 * MIN);
    // q' = 0.25 * 3 + 0.75 * 1.6 = 1.95
    assertThat(e.p90Millis()).isEqualTo(Math.round(19.5 * MIN));
    assertThat(c.samples(5)).isEqualTo(10);
  }

  @Test
  void onlyTheMostRecentOutcomesCount() {
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      outcomes.add(new Outcome(8, 10 * MIN, 16 * MIN, 40 * MIN)); // old: four times
    }
    for (int i = 0; i < Calibration.MAX_OUTCOMES; i++) {
      outcomes.add(new Outcome(8, 10 * MIN, 16 * MIN, 10 * MIN)); // recent: exact
    }
    assertThat(Calibration.of(outcomes).medianFactor(8)).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void theCalibratedP90CoversNinePercentOfLognormalErrors() {
    Random random = new Random(8);
    List<Outcome> learn = new ArrayList<>();
    double sigma = 0.5;
    double bias = 1.4;
    for (int i = 0; i < 2000; i++) {
      long p50 = (5 + random.nextInt(40)) * MIN;
      learn.add(new Outcome(12, p50, Math.round(p50 * 1.3), actual(p50, bias, sigma, random)));
    }
    Calibration c = Calibration.of(learn);
    int within = 0;
    int trials = 20_000;
    List<Double> relative = new ArrayList<>();
    for (int i = 0; i < trials; i++) {
      long p50 = (5 + random.nextInt(40)) * MIN;
      Estimate e = c.apply(new Estimate(p50, Math.round(p50 * 1.3), 12));
      long actual = actual(p50, bias, sigma, random);
      if (actual <= e.p90Millis()) {
        within++;
      }
      relative.add(Math.abs(e.p50Millis() - actual) / (double) actual);
    }
    // the raw p90 (1.3x) would cover about 30 %: the calibrated one about 90 % (shrunk 2000/2030)
    assertThat(within / (double) trials).isCloseTo(0.9, within(0.02));
    // and the median is unbiased: half of the actual waits below it
    long below = 0;
    Random again = new Random(9);
    for (int i = 0; i < trials; i++) {
      long p50 = (5 + again.nextInt(40)) * MIN;
      if (actual(p50, bias, sigma, again) <= c.apply(new Estimate(p50, Math.round(p50 * 1.3), 12)).p50Millis()) {
        below++;
      }
    }
    assertThat(below / (double) trials).isCloseTo(0.5, within(0.02));
  }

  @Test
  void neverNegativeP90NeverBelowP50AndIdleStaysZero() {
    Random random = new Random(3);
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      int ahead = random.nextInt(30);
      long p50 = random.nextInt(3) == 0 ? 0 : random.nextInt(30) * MIN;
      long p90 = p50 + random.nextInt(20) * MIN;
      long actual = random.nextInt(4) == 0 ? 0 : random.nextInt(60) * MIN;
      outcomes.add(new Outcome(ahead, p50, p90, actual));
    }
    Calibration c = Calibration.of(outcomes);
    for (int i = 0; i < 3000; i++) {
      long p50 = random.nextInt(30) * MIN;
      Estimate e = c.apply(new Estimate(p50, p50 + random.nextInt(20) * MIN, random.nextInt(40)));
      assertThat(e.p50Millis()).isNotNegative();
      assertThat(e.p90Millis()).isGreaterThanOrEqualTo(e.p50Millis());
    }
    assertThat(c.apply(new Estimate(0, 0, 0))).isEqualTo(new Estimate(0, 0, 0));
  }

  @Test
  void learnsFromTheRawValuesOfRecordedOutcomes() {
    Outcome shownAndRaw = new Outcome(8, 20 * MIN, 30 * MIN, 10 * MIN, 16 * MIN, 20 * MIN);
    assertThat(shownAndRaw.raw()).isEqualTo(new Outcome(8, 10 * MIN, 16 * MIN, 20 * MIN));
    assertThat(Accuracy.ofRaw(List.of(shownAndRaw)).medianRelativeError()).isEqualTo(0.5);
    assertThat(Accuracy.of(List.of(shownAndRaw)).medianRelativeError()).isEqualTo(0.0);
  }

  private static long actual(long p50, double bias, double sigma, Random random) {
    return Math.max(1, Math.round(p50 * bias * Math.exp(sigma * random.nextGaussian())));
  }
}
