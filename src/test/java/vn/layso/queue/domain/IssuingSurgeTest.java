package vn.layso.queue.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class IssuingSurgeTest {

  @Test
  void aQuietFieldsFewTicketsAreNoSurge() {
    // no history, one counter at 20 minutes (3 an hour): the floor of 12 an hour is the normal
    double normal = IssuingSurge.normalPerHour(0, IssuingSurge.capacityPerHour(1, 20));
    assertThat(normal).isEqualTo(12.0);
    assertThat(IssuingSurge.judge("a", 1, normal, 3)).isEmpty();
    assertThat(IssuingSurge.judge("a", 2, normal, 3)).isEmpty();
    assertThat(IssuingSurge.judge("a", 5, normal, 3)).as("a family and a neighbour").isEmpty();
    assertThat(IssuingSurge.judge("a", 0, normal, 3)).isEmpty();
  }

  @Test
  void threeTimesTheNormalRateIsASurgeAndSaysHowManyTimes() {
    double normal = IssuingSurge.normalPerHour(0, 0);
    var surge = IssuingSurge.judge("dat-dai", 6, normal, 3).orElseThrow();
    assertThat(surge.service()).isEqualTo("dat-dai");
    assertThat(surge.perHour()).isEqualTo(36.0);
    assertThat(surge.normalPerHour()).isEqualTo(12.0);
    assertThat(surge.times()).isEqualTo(3);
    assertThat(IssuingSurge.judge("dat-dai", 25, normal, 3).orElseThrow().times()).as("150 an hour: 12.5 times").isEqualTo(12);
    assertThat(IssuingSurge.judge("dat-dai", 9, normal, 5)).as("54 an hour is below 5 x 12").isEmpty();
    assertThat(IssuingSurge.judge("dat-dai", 10, normal, 5)).isPresent();
  }

  @Test
  void aBusyFieldIsJudgedAgainstItsUsualRateOrItsCountersCapacity() {
    // 40 an hour usually at this hour: 6 in ten minutes (36 an hour) is an ordinary morning
    double usual = IssuingSurge.normalPerHour(40, IssuingSurge.capacityPerHour(2, 10));
    assertThat(usual).isEqualTo(40.0);
    assertThat(IssuingSurge.judge("a", 6, usual, 3)).isEmpty();
    assertThat(IssuingSurge.judge("a", 19, usual, 3)).as("114 an hour < 120").isEmpty();
    assertThat(IssuingSurge.judge("a", 20, usual, 3)).isPresent();
    // five counters at 6 minutes serve 50 an hour: that, not the floor, is normal without history
    double capacity = IssuingSurge.normalPerHour(0, IssuingSurge.capacityPerHour(5, 6));
    assertThat(capacity).isEqualTo(50.0);
    assertThat(IssuingSurge.judge("a", 20, capacity, 3)).isEmpty();
    assertThat(IssuingSurge.judge("a", 25, capacity, 3).orElseThrow().times()).isEqualTo(3);
  }

  @Test
  void theUsualRateIsTheMeanOfPastDaysEachTheFieldsShareOfTheHour() {
    // day 1: 200 tickets, 50 of the field, 40 in the hour -> 10; day 2: 100, 30, 20 -> 6
    assertThat(IssuingSurge.usual(List.of(new IssuingSurge.PastDay(50, 40, 200), new IssuingSurge.PastDay(30, 20, 100))))
        .isCloseTo(8.0, within(1e-9));
    assertThat(IssuingSurge.usual(List.of(new IssuingSurge.PastDay(0, 0, 0), new IssuingSurge.PastDay(30, 20, 100))))
        .as("a day without tickets (closed) is left out").isCloseTo(6.0, within(1e-9));
    assertThat(IssuingSurge.usual(List.of())).isZero();
  }
}
