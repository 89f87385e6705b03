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
}
