package vn.layso.simulate.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceTimeTest {

  @ParameterizedTest
  @ValueSource(strings = {"exponential:10", "lognormal:9:0.6", "gamma:16:0.8", "gamma:4:1.5", "lognormal:2:0.3"})
  void drawsHaveTheGivenMeanAndCoefficientOfVariation(String text) {
    ServiceTime st = ServiceTime.parse(text);
    MersenneTwister rng = new MersenneTwister(7);
    SummaryStatistics s = new SummaryStatistics();
    for (int i = 0; i < 400_000; i++) {
      s.addValue(st.sample(rng));
    }
    assertThat(s.getMean()).isCloseTo(st.meanMinutes(), within(st.meanMinutes() * 0.015));
    assertThat(s.getStandardDeviation() / s.getMean()).isCloseTo(st.cv(), within(st.cv() * 0.05));
    assertThat(s.getMin()).isPositive();
  }

  @ParameterizedTest
  @ValueSource(strings = {"exponential:10", "lognormal:9:0.6", "gamma:16:0.8"})
  void textRoundTrips(String text) {
    assertThat(ServiceTime.parse(text)).hasToString(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"exponential", "weibull:3:1", "gamma:-1:1", "lognormal:5:0", "exponential:5:2"})
  void badShapesAreRefused(String text) {
    assertThatThrownBy(() -> ServiceTime.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }
}
