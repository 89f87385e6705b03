package vn.layso.predict.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceTimesTest {

  @Test
  void withoutLiveDataTheConfiguredAverageIsTheMean() {
    assertThat(ServiceTimes.fieldMean(null, 0, 600_000)).isEqualTo(600_000);
    assertThat(ServiceTimes.fieldMean(300_000.0, 0, 600_000)).isEqualTo(600_000);
  }

  @Test
  void liveSamplesOutweighTheConfiguredAverageAsTheyAccumulate() {
    // one sample of 5 min against 10 configured (3 samples' worth)
    assertThat(ServiceTimes.fieldMean(300_000.0, 1, 600_000)).isEqualTo(525_000);
    assertThat(ServiceTimes.fieldMean(300_000.0, 97, 600_000)).isEqualTo(309_000);
  }

  @Test
  void aCountersOwnMeanIsUsedWithinAFactorThreeOfItsFields() {
    assertThat(ServiceTimes.counterMean(null, 600_000)).isEqualTo(600_000);
    assertThat(ServiceTimes.counterMean(400_000.0, 600_000)).isEqualTo(400_000);
    assertThat(ServiceTimes.counterMean(30_000.0, 600_000)).isEqualTo(200_000);
    assertThat(ServiceTimes.counterMean(9_000_000.0, 600_000)).isEqualTo(1_800_000);
  }

  @Test
  void aFieldsMeanPoolsItsCountersMeansByTheirCompletions() {
    ServiceTimes.Pool pool = new ServiceTimes.Pool();
    assertThat(pool.mean()).isNull();
    assertThat(pool.count()).isZero();
    pool.add(120_000.0, 999);
    pool.add(360_000.0, 1);
    // nothing to weigh: no mean, no count, a mean that is no number
    pool.add(null, 5);
    pool.add(500_000.0, 0);
    pool.add(Double.NaN, 3);
    assertThat(pool.mean()).isEqualTo(120_240.0);
    assertThat(pool.count()).isEqualTo(1000);
  }
}
