package vn.layso.queue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.layso.queue.domain.CallNextPolicy.Head;

class CallNextPolicyTest {

  private static final long NOW = 1_000_000;

  private static Head normal(String id, String service, long waitedMillis) {
    return new Head(id, service, false, NOW - waitedMillis);
  }

  private static Head priority(String id, String service, long waitedMillis) {
    return new Head(id, service, true, NOW - waitedMillis);
  }

  @Test
  void nothingWaitingMeansNothingChosen() {
    assertThat(CallNextPolicy.choose(List.of(), Map.of("a", 1), NOW, 0, 3)).isEmpty();
  }

  @Test
  void servicesTheCounterDoesNotServeAreIgnored() {
    var heads = List.of(normal("x", "other", 90_000));
    assertThat(CallNextPolicy.choose(heads, Map.of("a", 1), NOW, 0, 3)).isEmpty();
  }

  @Test
  void priorityGoesFirstEvenIfItArrivedLater() {
    var heads = List.of(normal("n", "a", 600_000), priority("p", "a", 1_000));
    assertThat(CallNextPolicy.choose(heads, Map.of("a", 1), NOW, 0, 3)).map(Head::ticketId).contains("p");
  }

  @Test
  void afterMaxPriorityInRowANormalTicketGoesFirst() {
    var heads = List.of(normal("n", "a", 1_000), priority("p", "a", 600_000));
    assertThat(CallNextPolicy.choose(heads, Map.of("a", 1), NOW, 3, 3)).map(Head::ticketId).contains("n");
    assertThat(CallNextPolicy.choose(heads, Map.of("a", 1), NOW, 2, 3)).map(Head::ticketId).contains("p");
  }

  @Test
  void theStreakRuleDoesNotBlockPriorityWhenNoNormalWaits() {
    var heads = List.of(priority("p", "a", 1_000));
    assertThat(CallNextPolicy.choose(heads, Map.of("a", 1), NOW, 10, 3)).map(Head::ticketId).contains("p");
  }

  @Test
  void zeroMeansStrictPriority() {
    var heads = List.of(normal("n", "a", 600_000), priority("p", "a", 1_000));
    assertThat(CallNextPolicy.choose(heads, Map.of("a", 1), NOW, 99, 0)).map(Head::ticketId).contains("p");
  }

  @Test
  void weightTimesWaitDecidesBetweenServices() {
    var heads = List.of(normal("land", "a", 300_000), normal("civil", "b", 500_000));
    // weight 2 x 300 s = 600 beats weight 1 x 500 s = 500
    assertThat(CallNextPolicy.choose(heads, Map.of("a", 2, "b", 1), NOW, 0, 3)).map(Head::ticketId).contains("land");
    // with equal weights the longer wait wins
    assertThat(CallNextPolicy.choose(heads, Map.of("a", 1, "b", 1), NOW, 0, 3)).map(Head::ticketId).contains("civil");
  }

  @Test
  void aLightServiceIsNotStarvedItsWaitGrowsUntilItWins() {
    var heavy = normal("heavy", "a", 60_000);
    var light = normal("light", "b", 60_000);
    assertThat(CallNextPolicy.choose(List.of(heavy, light), Map.of("a", 5, "b", 1), NOW, 0, 3))
        .map(Head::ticketId).contains("heavy");
    var lightWaitedLonger = normal("light", "b", 301_000);
    assertThat(CallNextPolicy.choose(List.of(heavy, lightWaitedLonger), Map.of("a", 5, "b", 1), NOW, 0, 3))
        .map(Head::ticketId).contains("light");
  }

  @Test
  void tiesGoToTheEarlierArrival() {
    var heads = List.of(new Head("later", "a", false, NOW + 10), new Head("earlier", "b", false, NOW + 5));
    // both are "in the future" (clock skew): weighted waits are both zero, so arrival decides
    assertThat(CallNextPolicy.choose(heads, Map.of("a", 1, "b", 1), NOW, 0, 3)).map(Head::ticketId).contains("earlier");
  }

  @Test
  void streakCountsPriorityCallsAndResetsOnANormalOne() {
    assertThat(CallNextPolicy.nextStreak(2, true)).isEqualTo(3);
    assertThat(CallNextPolicy.nextStreak(2, false)).isZero();
  }
}
