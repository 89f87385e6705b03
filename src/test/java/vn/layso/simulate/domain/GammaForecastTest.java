package vn.layso.simulate.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.layso.simulate.domain.WaitForecast.Server;

class GammaForecastTest {

  private final GammaForecast forecast = new GammaForecast();

  @Test
  void anIdleCounterMeansNoWait() {
    assertThat(forecast.predict(0, List.of(new Server(1, 600_000, false)))).isEqualTo(new WaitForecast.Forecast(0, 0));
  }

  @Test
  void oneBusyCounterIsAnExponentialWait() {
    WaitForecast.Forecast f = forecast.predict(0, List.of(new Server(1, 600_000, true)));
    assertThat(f.p50Millis()).isCloseTo(Math.round(Math.log(2) * 600_000), within(50L));
    assertThat(f.p90Millis()).isCloseTo(Math.round(Math.log(10) * 600_000), within(50L));
  }

  @Test
  void peopleAheadAddErlangPhasesAtTheTotalRate() {
    // 3 ahead, two busy counters of 10 minutes: 4 completions at rate 2 per 10 minutes
    WaitForecast.Forecast f = forecast.predict(3, List.of(new Server(1, 600_000, true), new Server(1, 600_000, true)));
    assertThat(f.p50Millis() / 60_000.0).isCloseTo(3.672 * 5, within(0.01));
    // a counter shared half with another field counts half
    WaitForecast.Forecast half = forecast.predict(3, List.of(new Server(1, 600_000, true),
        new Server(0.5, 600_000, true)));
    assertThat(half.p50Millis()).isGreaterThan(f.p50Millis());
  }

  @Test
  void wilsonHilfertyTakesOverSmoothlyPastTheTable() {
    assertThat(GammaForecast.quantile(601, 0.5) / GammaForecast.quantile(600, 0.5)).isCloseTo(601 / 600.0,
        within(1e-3));
    assertThat(GammaForecast.quantile(601, 0.9)).isGreaterThan(GammaForecast.quantile(600, 0.9));
  }
}
