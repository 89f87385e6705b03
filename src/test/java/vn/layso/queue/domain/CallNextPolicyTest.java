package vn.layso.queue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.layso.queue.domain.CallNextPolicy.Head;
import vn.layso.queue.domain.CallNextPolicy.Limits;
import vn.layso.queue.domain.CallNextPolicy.Streaks;

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

  // ---- appointments: effective arrival = slot start; at most K in a row when walk-ins wait long

  private static final Limits APPOINTMENTS = new Limits(3, 2, 20 * 60_000L);

  private static Head appointment(String id, String service, long slotStart, int seq) {
    return new Head(id, service, false, slotStart, true, seq);
  }

  private static Head walkIn(String id, String service, long issuedAt, int seq) {
    return new Head(id, service, false, issuedAt, false, seq);
  }

  private static String pick(List<Head> waiting, Streaks streaks) {
    return CallNextPolicy.choose(waiting, Map.of("a", 1), NOW, streaks, APPOINTMENTS).orElseThrow().ticketId();
  }

  @Test
  void anAppointmentCheckedInEarlyWaitsForItsSlot() {
    // checked in before the walk-in came, but its slot (NOW + 10 min) has not come
    var waiting = List.of(appointment("appt", "a", NOW + 600_000, 1), walkIn("walk", "a", NOW - 60_000, 2));
    assertThat(pick(waiting, Streaks.NONE)).isEqualTo("walk");
  }

  @Test
  void anAppointmentOnTimeGoesAheadOfWalkInsWhoCameAfterItsSlotStart() {
    var waiting = List.of(walkIn("walk", "a", NOW - 60_000, 1), appointment("appt", "a", NOW - 120_000, 2));
    assertThat(pick(waiting, Streaks.NONE)).isEqualTo("appt");
    // but not ahead of a walk-in who came before its slot start
    var earlier = List.of(walkIn("walk", "a", NOW - 180_000, 1), appointment("appt", "a", NOW - 120_000, 2));
    assertThat(pick(earlier, Streaks.NONE)).isEqualTo("walk");
  }

  @Test
  void anEarlyAppointmentIsServedWhenNobodyElseWaits() {
    assertThat(pick(List.of(appointment("appt", "a", NOW + 600_000, 1)), Streaks.NONE)).isEqualTo("appt");
  }

  @Test
  void afterMaxAppointmentsInRowAWalkInWhoWaitedLongGoesFirst() {
    var waiting = List.of(appointment("appt", "a", NOW - 60_000, 3), walkIn("walk", "a", NOW - 25 * 60_000L + 1, 1),
        appointment("appt0", "a", NOW - 30 * 60_000L, 2));
    assertThat(pick(waiting, new Streaks(0, 1))).isEqualTo("appt0");
    assertThat(pick(waiting, new Streaks(0, 2))).isEqualTo("walk");
  }

  @Test
  void theWalkInRuleNeedsAWalkInWhoWaitedAtLeastTheLimit() {
    long limit = APPOINTMENTS.walkInMaxWaitMillis();
    var shortWait = List.of(appointment("appt", "a", NOW - 2 * limit, 1), walkIn("walk", "a", NOW - limit + 1, 2));
    assertThat(pick(shortWait, new Streaks(0, 5))).isEqualTo("appt");
    var exactly = List.of(appointment("appt", "a", NOW - 2 * limit, 1), walkIn("walk", "a", NOW - limit, 2));
    assertThat(pick(exactly, new Streaks(0, 5))).isEqualTo("walk");
  }

  @Test
  void zeroAppointmentsInRowMeansNoWalkInRule() {
    var waiting = List.of(appointment("appt", "a", NOW - 3_600_000L, 1), walkIn("walk", "a", NOW - 3_000_000L, 2));
    var unlimited = new Limits(3, 0, 0);
    assertThat(CallNextPolicy.choose(waiting, Map.of("a", 1), NOW, new Streaks(0, 99), unlimited))
        .map(Head::ticketId).contains("appt");
  }

  @Test
  void priorityStillGoesBeforeAppointments() {
    var waiting = List.of(appointment("appt", "a", NOW - 600_000, 1), priority("p", "a", 1_000));
    assertThat(pick(waiting, Streaks.NONE)).isEqualTo("p");
  }

  @Test
  void tiesBetweenEqualSlotStartsGoToTheLowerSequenceThenTheWalkIn() {
    var waiting = List.of(appointment("second", "a", NOW + 5, 7), appointment("first", "a", NOW + 5, 4));
    assertThat(pick(waiting, Streaks.NONE)).isEqualTo("first");
    var sameMilli = List.of(appointment("appt", "a", NOW + 5, 4), walkIn("walk", "a", NOW + 5, 4));
    assertThat(pick(sameMilli, Streaks.NONE)).isEqualTo("walk");
  }

  @Test
  void streaksCountAppointmentsKeepThemThroughPriorityAndEndOnAWalkIn() {
    var s = Streaks.NONE.after(appointment("x", "a", 0, 1)).after(appointment("y", "a", 0, 2));
    assertThat(s).isEqualTo(new Streaks(0, 2));
    assertThat(s.after(priority("p", "a", 0))).isEqualTo(new Streaks(1, 2));
    assertThat(s.after(walkIn("w", "a", 0, 3))).isEqualTo(new Streaks(0, 0));
  }
}
