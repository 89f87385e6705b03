package vn.layso.predict.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.layso.queue.domain.Estimate;

class AccuracyTest {

  private static final long MIN = 60_000;

  @Test
  void nothingCalledIsAllZerosWithoutRows() {
    Accuracy a = Accuracy.of(List.of());
    assertThat(a.count()).isZero();
    assertThat(a.medianAbsoluteErrorMinutes()).isZero();
    assertThat(a.byAhead()).isEmpty();
  }

  @Test
  void mediansSharesAndTheTableByPeopleAhead() {
    List<Outcome> outcomes = List.of(
        new Outcome(0, 5 * MIN, 12 * MIN, 4 * MIN),    // error 1 min, 25 %, within
        new Outcome(0, 5 * MIN, 12 * MIN, 15 * MIN),   // error 10 min, 66.7 %, beyond p90
        new Outcome(7, 30 * MIN, 45 * MIN, 36 * MIN),  // error 6 min, 16.7 %, within
        new Outcome(25, 60 * MIN, 80 * MIN, 60 * MIN)); // error 0, within
    Accuracy a = Accuracy.of(outcomes);
    assertThat(a.count()).isEqualTo(4);
    assertThat(a.medianAbsoluteErrorMinutes()).isEqualTo(3.5);
    assertThat(a.medianRelativeError()).isCloseTo((0.25 + 1 / 6.0) / 2, within(0.001));
    assertThat(a.withinP90Share()).isEqualTo(0.75);
    assertThat(a.byAhead()).extracting(Accuracy.Row::aheadFrom).containsExactly(0, 5, 20);
    Accuracy.Row first = a.byAhead().get(0);
    assertThat(first.aheadTo()).isZero();
    assertThat(first.count()).isEqualTo(2);
    assertThat(first.medianAbsoluteErrorMinutes()).isEqualTo(5.5);
    assertThat(first.withinP90Share()).isEqualTo(0.5);
    assertThat(first.floor()).isEqualTo(1.0);
    assertThat(a.byAhead().get(1).aheadTo()).isEqualTo(9);
    assertThat(a.byAhead().get(1).floor()).isCloseTo(1 / Math.sqrt(8), within(0.001));
    assertThat(a.byAhead().get(2).aheadTo()).isEqualTo(39);
  }

  @Test
  void aTicketCalledAtOnceIsMeasuredAgainstAMinute() {
    Outcome o = new Outcome(0, 2 * MIN, 5 * MIN, 0);
    assertThat(o.relativeError()).isEqualTo(2.0);
    assertThat(new Outcome(new Estimate(MIN, 2 * MIN, 3), 3 * MIN).withinP90()).isFalse();
  }
}
