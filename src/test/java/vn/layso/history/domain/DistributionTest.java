package vn.layso.history.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DistributionTest {

  @Test
  void bucketsAreOneMinuteToAnHourThenFiveMinutesToFourHoursThenOpen() {
    assertThat(Distribution.BUCKETS).isEqualTo(97);
    assertThat(Distribution.bucketOf(0)).isZero();
    assertThat(Distribution.bucketOf(59)).isZero();
    assertThat(Distribution.bucketOf(60)).isEqualTo(1);
    assertThat(Distribution.bucketOf(3599)).isEqualTo(59);
    assertThat(Distribution.bucketOf(3600)).isEqualTo(60);
    assertThat(Distribution.bucketOf(3899)).isEqualTo(60);
    assertThat(Distribution.bucketOf(3900)).isEqualTo(61);
    assertThat(Distribution.bucketOf(14_399)).isEqualTo(95);
    assertThat(Distribution.bucketOf(14_400)).isEqualTo(96);
    assertThat(Distribution.bucketOf(10 * 86_400)).isEqualTo(96);
    assertThat(Distribution.lowerBound(59)).isEqualTo(3540);
    assertThat(Distribution.lowerBound(60)).isEqualTo(3600);
    assertThat(Distribution.lowerBound(61)).isEqualTo(3900);
    assertThat(Distribution.lowerBound(96)).isEqualTo(14_400);
    for (int i = 0; i < Distribution.BUCKETS; i++) {
      assertThat(Distribution.bucketOf(Distribution.lowerBound(i))).as("bucket %d", i).isEqualTo(i);
    }
  }

  @Test
  void countSumMinAndMaxAreExact() {
    Distribution d = new Distribution();
    d.add(300);
    d.add(45);
    d.add(7200);
    d.add(-5);
    assertThat(d.count()).isEqualTo(4);
    assertThat(d.sum()).isEqualTo(7545);
    assertThat(d.min()).isZero();
    assertThat(d.max()).isEqualTo(7200);
    assertThat(d.bucketCount(0)).isEqualTo(2);
    assertThat(d.bucketCount(5)).isEqualTo(1);
    assertThat(d.bucketCount(Distribution.bucketOf(7200))).isEqualTo(1);
  }

  @Test
  void anEmptyDistributionHasNoPercentiles() {
    Distribution d = new Distribution();
    assertThat(d.percentile(0.5)).isEmpty();
    assertThat(d.min()).isZero();
    assertThatThrownBy(() -> d.percentile(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> d.percentile(1.5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void oneRepeatedValueGivesThatValueAtEveryPercentile() {
    Distribution d = new Distribution();
    for (int i = 0; i < 10; i++) {
      d.add(125);
    }
    assertThat(d.percentile(0.01).getAsDouble()).isEqualTo(125.0);
    assertThat(d.percentile(0.5).getAsDouble()).isEqualTo(125.0);
    assertThat(d.percentile(1).getAsDouble()).isEqualTo(125.0);
  }

  @Test
  void uniformWaitsGiveTheirPercentilesWithinABucket() {
    Distribution d = new Distribution();
    for (int s = 1; s <= 3600; s++) {
      d.add(s);
    }
    assertThat(d.percentile(0.5).getAsDouble()).isCloseTo(1800, within(60.0));
    assertThat(d.percentile(0.9).getAsDouble()).isCloseTo(3240, within(60.0));
    assertThat(d.percentile(1).getAsDouble()).isEqualTo(3600.0);
  }

  @Test
  void longWaitsInTheOpenBucketAreInterpolatedUpToTheLongest() {
    Distribution d = new Distribution();
    d.add(5 * 3600);
    d.add(7 * 3600);
    assertThat(d.percentile(1).getAsDouble()).isEqualTo(7 * 3600.0);
    assertThat(d.percentile(0.5).getAsDouble()).isBetween(5 * 3600.0, 7 * 3600.0);
  }

  @Test
  void estimatesStayWithinOneBucketOfTheExactPercentile() {
    Random random = new Random(42);
    long[] values = new long[5000];
    Distribution d = new Distribution();
    for (int i = 0; i < values.length; i++) {
      // skewed like real waits: most short, a long tail past four hours
      values[i] = (long) Math.exp(random.nextGaussian() * 1.1 + 6.8);
      d.add(values[i]);
    }
    Arrays.sort(values);
    for (double q : new double[] {0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99}) {
      long exact = values[(int) Math.ceil(q * values.length) - 1];
      double width = exact < 3600 ? 60 : exact < 14_400 ? 300 : Math.max(1, values[values.length - 1] - 14_400);
      assertThat(d.percentile(q).getAsDouble()).as("p%s", q * 100).isCloseTo(exact, within(width));
    }
  }
}
