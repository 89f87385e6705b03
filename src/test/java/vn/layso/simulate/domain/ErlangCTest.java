package vn.layso.simulate.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErlangCTest {

  @Test
  void oneServerWaitsWithProbabilityRho() {
    assertThat(ErlangC.probabilityOfWait(1, 0.7)).isCloseTo(0.7, within(1e-12));
    // M/M/1: Wq = rho S / (1 - rho)
    assertThat(ErlangC.meanWait(1, 0.07, 10)).isCloseTo(0.7 * 10 / 0.3, within(1e-9));
  }

  @Test
  void twoServersMatchTheClosedForm() {
    double rho = 0.85;
    // M/M/2: C = 2 rho^2 / (1 + rho)
    assertThat(ErlangC.probabilityOfWait(2, 2 * rho)).isCloseTo(2 * rho * rho / (1 + rho), within(1e-12));
  }

  /**
   * The issue's numbers: 8 counters and 4 equal fields at 85 % load, with 10-minute exponential
   * services: each field alone on 2 counters (M/M/2) waits 26.0 minutes on average, all pooled
   * (M/M/8) 4.8 minutes, about 5x less.
   */
  @Test
  void theIssuesEightCountersFourFieldsAtEightyFivePercent() {
    double service = 10;
    double lambdaPerField = 0.85 * 2 / service;
    double dedicated = ErlangC.meanWait(2, lambdaPerField, service);
    double pooled = ErlangC.meanWait(8, 4 * lambdaPerField, service);
    assertThat(dedicated).isCloseTo(26.0, within(0.05));
    assertThat(pooled).isCloseTo(4.8, within(0.05));
    assertThat(dedicated / pooled).isBetween(5.0, 5.6);
  }

  @Test
  void overloadedQueuesWaitForever() {
    assertThat(ErlangC.meanWait(2, 0.3, 10)).isInfinite();
    assertThat(ErlangC.probabilityOfWait(2, 2.5)).isEqualTo(1);
  }

  @Test
  void theAnalyticBoundsOfTheErlangScenarioAreTheIssues() {
    Scenario sc = Scenarios.erlang85();
    // a trace with exactly the expected tickets and mean services
    List<TraceTicket> trace = new ArrayList<>();
    for (FieldSpec f : sc.fields()) {
      for (int i = 0; i < Math.round(f.ticketsPerDay()); i++) {
        trace.add(new TraceTicket(i * 1000L, f.code(), false, -1, 10, false));
      }
    }
    Bounds b = Bounds.analytic(sc, trace);
    assertThat(b.dedicatedMean()).isCloseTo(26.0, within(0.2));
    assertThat(b.pooledMean()).isCloseTo(4.8, within(0.1));
    assertThat(b.load()).isCloseTo(0.85, within(0.005));
  }
}
