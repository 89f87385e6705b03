package vn.layso.simulate.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ArrivalGeneratorTest {

  private static double meanTickets(Scenario sc, int days) {
    return LongStream.rangeClosed(1, days)
        .mapToDouble(seed -> ArrivalGenerator.generate(sc, seed).size()).average().orElseThrow();
  }

  @Test
  void daysBringTheExpectedTickets() {
    assertThat(meanTickets(Scenarios.commune(), 200)).isCloseTo(300, within(6.0));
    assertThat(meanTickets(Scenarios.province(), 100)).isCloseTo(800, within(12.0));
    // the surge triples walk-ins (80 %), bookings stay: 60 + 720
    assertThat(meanTickets(Scenarios.surge(), 100)).isCloseTo(780, within(12.0));
  }

  @Test
  void walkInsComeInsideTheSessionsAndFollowTheProfile() {
    Scenario sc = Scenarios.commune();
    int morningRush = 0;
    int lateMorning = 0;
    for (long seed = 1; seed <= 100; seed++) {
      for (TraceTicket t : ArrivalGenerator.generate(sc, seed)) {
        double minute = t.issuedMillis() / 60_000.0;
        if (!t.appointment()) {
          assertThat(sc.open(minute)).as("issued at minute %s", minute).isTrue();
          morningRush += minute >= 8 * 60 && minute < 9 * 60 ? 1 : 0;
          lateMorning += minute >= 10 * 60 && minute < 11 * 60 ? 1 : 0;
        } else {
          assertThat(t.priority()).isFalse();
          assertThat(t.issuedMillis()).isBetween(t.slotMillis() - 30 * 60_000L, t.slotMillis() + 15 * 60_000L);
        }
      }
    }
    // profile 1.5 for 08:00-09:00 against 1.0 for 10:00-11:00
    assertThat((double) morningRush / lateMorning).isCloseTo(1.5, within(0.08));
  }

  @Test
  void theSameSeedDrawsTheSameDayAndAnotherSeedAnother() {
    Scenario sc = Scenarios.province();
    List<TraceTicket> a = ArrivalGenerator.generate(sc, 5);
    assertThat(ArrivalGenerator.generate(sc, 5)).isEqualTo(a);
    assertThat(ArrivalGenerator.generate(sc, 6)).isNotEqualTo(a);
  }
}
