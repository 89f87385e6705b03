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
    assertThat(s.after(priority("p", "a", 0))).isEqualTo(new Streaks(1, 2, 0));
    assertThat(s.after(priority("p", "a", 0)).after(walkIn("w", "a", 0, 3))).isEqualTo(new Streaks(0, 0, 1));
    assertThat(s.after(walkIn("w", "a", 0, 3))).isEqualTo(new Streaks(0, 0));
  }

  // ---- the rules with service-level targets (issue 8)

  private static final long MIN = 60_000L;
  private static final CallNextPolicy.Rules FULL = new CallNextPolicy.Rules(3, CallPolicy.PriorityMode.STRICT, 2, 2,
      20 * MIN, 6, true);

  private static CallNextPolicy.Decision decide(List<Head> waiting, CallNextPolicy.Desk desk, Map<String, Long> targets,
                                                Streaks streaks, CallNextPolicy.Rules rules) {
    return CallNextPolicy.decide(waiting, desk, targets, NOW + 100 * MIN, streaks, rules).orElseThrow();
  }

  private static Head waited(String id, String service, boolean priority, long minutes) {
    return new Head(id, service, priority, NOW + 100 * MIN - minutes * MIN);
  }

  @Test
  void ratioModeTakesOnePriorityAfterEveryNNormalCalls() {
    var rules = new CallNextPolicy.Rules(0, CallPolicy.PriorityMode.RATIO, 2, 0, 0, 0, false);
    var desk = CallNextPolicy.Desk.of(Map.of("a", 1));
    var waiting = List.of(waited("p", "a", true, 1), waited("n", "a", false, 30));
    // no priority call yet today: the priority citizen goes first
    var first = decide(waiting, desk, Map.of(), Streaks.NONE, rules);
    assertThat(first.head().ticketId()).isEqualTo("p");
    assertThat(first.why().rule()).isEqualTo(CallReason.Rule.PRIORITY);
    // right after it, and after one normal call, the normals' turn
    var afterPriority = Streaks.NONE.after(first.head());
    var second = decide(waiting, desk, Map.of(), afterPriority, rules);
    assertThat(second.head().ticketId()).isEqualTo("n");
    assertThat(second.why().rule()).isEqualTo(CallReason.Rule.NORMALS_TURN);
    assertThat(second.why().row()).isZero();
    var afterOne = afterPriority.after(second.head());
    assertThat(decide(waiting, desk, Map.of(), afterOne, rules).head().ticketId()).isEqualTo("n");
    // two normal calls since: priority again
    assertThat(decide(waiting, desk, Map.of(), afterOne.after(second.head()), rules).head().ticketId()).isEqualTo("p");
    // without a normal ticket waiting, priority never waits
    assertThat(decide(List.of(waited("p", "a", true, 1)), desk, Map.of(), afterPriority, rules).head().ticketId())
        .isEqualTo("p");
  }

  @Test
  void agingLetsALightFieldCatchUpWithAHeavyOne() {
    var desk = CallNextPolicy.Desk.of(Map.of("heavy", 10, "light", 1));
    var waiting = List.of(waited("h", "heavy", false, 10), waited("l", "light", false, 60));
    var noAging = new CallNextPolicy.Rules(0, CallPolicy.PriorityMode.STRICT, 1, 0, 0, 0, false);
    var aging = new CallNextPolicy.Rules(0, CallPolicy.PriorityMode.STRICT, 1, 0, 0, 60, false);
    // weight alone: 10 x 10 min beats 1 x 60 min
    assertThat(decide(waiting, desk, Map.of(), Streaks.NONE, noAging).head().ticketId()).isEqualTo("h");
    // aging 60/h: an hour adds 60 to the light ticket's weight (61 x 60 min > (10 + 10) x 10 min)
    var chosen = decide(waiting, desk, Map.of(), Streaks.NONE, aging);
    assertThat(chosen.head().ticketId()).isEqualTo("l");
    assertThat(chosen.why().rule()).isEqualTo(CallReason.Rule.WEIGHTED_WAIT);
    assertThat(chosen.why().candidates()).isEqualTo(2);
    assertThat(CallNextPolicy.agedScore(3600, 1, 60)).isEqualTo(CallNextPolicy.agedScore(3600, 61, 0));
  }

  @Test
  void escalationTakesTheTicketMostOverItsTargetFirst() {
    var desk = CallNextPolicy.Desk.of(Map.of("a", 10, "b", 1, "c", 1));
    var targets = Map.of("a", 60 * MIN, "b", 20 * MIN, "c", 10 * MIN);
    // b waited 25 of 20 (1.25x), c 15 of 10 (1.5x), a 50 of 60 (under, though the heaviest)
    var waiting = List.of(waited("a1", "a", false, 50), waited("b1", "b", false, 25), waited("c1", "c", false, 15));
    var chosen = decide(waiting, desk, targets, Streaks.NONE, FULL);
    assertThat(chosen.head().ticketId()).isEqualTo("c1");
    assertThat(chosen.why().rule()).isEqualTo(CallReason.Rule.OVER_TARGET);
    assertThat(chosen.why().waitedSeconds()).isEqualTo(15 * 60);
    assertThat(chosen.why().targetSeconds()).isEqualTo(10 * 60);
    // escalation off: the weighted wait decides
    var off = new CallNextPolicy.Rules(3, CallPolicy.PriorityMode.STRICT, 2, 2, 20 * MIN, 6, false);
    assertThat(decide(waiting, desk, targets, Streaks.NONE, off).head().ticketId()).isEqualTo("a1");
    // exactly at the target counts as over it
    var atTarget = List.of(waited("a1", "a", false, 50), waited("c1", "c", false, 10));
    assertThat(decide(atTarget, desk, targets, Streaks.NONE, FULL).head().ticketId()).isEqualTo("c1");
    var under = List.of(waited("a1", "a", false, 50), new Head("c1", "c", false, NOW + 100 * MIN - 10 * MIN + 1000));
    assertThat(decide(under, desk, targets, Streaks.NONE, FULL).head().ticketId()).isEqualTo("a1");
  }

  @Test
  void backupFieldsAreServedOnlyPastTheirTarget() {
    var desk = new CallNextPolicy.Desk(Map.of("a", 1), java.util.Set.of("b"));
    var targets = Map.of("a", 30 * MIN, "b", 20 * MIN);
    // b's citizen waited longer, but within b's target: this counter keeps to a
    var within = List.of(waited("a1", "a", false, 5), waited("b1", "b", false, 19));
    assertThat(decide(within, desk, targets, Streaks.NONE, FULL).head().ticketId()).isEqualTo("a1");
    // nothing of a waiting, b within target: nothing for this counter
    assertThat(CallNextPolicy.decide(List.of(waited("b1", "b", false, 19)), desk, targets, NOW + 100 * MIN,
        Streaks.NONE, FULL)).isEmpty();
    // past b's target: the counter helps
    var past = List.of(waited("a1", "a", false, 5), waited("b1", "b", false, 21));
    var chosen = decide(past, desk, targets, Streaks.NONE, FULL);
    assertThat(chosen.head().ticketId()).isEqualTo("b1");
    assertThat(chosen.why().rule()).isEqualTo(CallReason.Rule.BACKUP_OVER_TARGET);
    assertThat(chosen.why().weight()).isEqualTo(1);
    // a field without a target is never taken as a backup
    assertThat(CallNextPolicy.decide(List.of(waited("b1", "b", false, 300)), desk, Map.of("a", 30 * MIN),
        NOW + 100 * MIN, Streaks.NONE, FULL)).isEmpty();
  }

  @Test
  void priorityStillComesFirstAndTheCapStillHolds() {
    var desk = CallNextPolicy.Desk.of(Map.of("a", 1));
    var waiting = List.of(waited("p", "a", true, 1), waited("n", "a", false, 90));
    var chosen = decide(waiting, desk, Map.of("a", 30 * MIN), Streaks.NONE, FULL);
    assertThat(chosen.head().ticketId()).isEqualTo("p");
    assertThat(chosen.why().rule()).isEqualTo(CallReason.Rule.PRIORITY);
    var capped = decide(waiting, desk, Map.of("a", 30 * MIN), new Streaks(3, 0), FULL);
    assertThat(capped.head().ticketId()).isEqualTo("n");
    assertThat(capped.why().rule()).isEqualTo(CallReason.Rule.NORMALS_TURN);
    assertThat(capped.why().row()).isEqualTo(3);
  }

  @Test
  void theReasonSaysWhatDecidedInBothLanguages() {
    var desk = CallNextPolicy.Desk.of(Map.of("a", 2));
    var only = decide(List.of(waited("n", "a", false, 12)), desk, Map.of("a", 30 * MIN), Streaks.NONE, FULL);
    assertThat(only.why().rule()).isEqualTo(CallReason.Rule.ONLY_ONE);
    assertThat(only.why().describe("Đất đai", false))
        .isEqualTo("Người duy nhất quầy này có thể phục vụ (Đất đai, đã chờ 12 phút).");
    assertThat(only.why().describe("Land", true)).isEqualTo("The only citizen this counter can serve (Land, waited 12 min).");
    var over = new CallReason(CallReason.Rule.OVER_TARGET, "a", 34 * 60 + 59, 2, 30 * 60, 0, 3);
    assertThat(over.describe("Đất đai", false)).isEqualTo("Đất đai đã chờ 34 phút, quá mục tiêu 30 phút: được gọi trước.");
    for (CallReason.Rule rule : CallReason.Rule.values()) {
      String text = new CallReason(rule, "a", 600, 1, 1800, 2, 2).describe("Hộ tịch", false);
      assertThat(text).isEqualTo(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC)).endsWith(".");
      assertThat(CallReason.rule(rule.name())).isEqualTo(rule);
    }
  }

  @Test
  void theWalkInTurnIsExplainedWithItsRow() {
    var desk = CallNextPolicy.Desk.of(Map.of("a", 1));
    var waiting = List.of(new Head("appt", "a", false, NOW + 100 * MIN - 40 * MIN, true, 1),
        waited("walk", "a", false, 25));
    var chosen = decide(waiting, desk, Map.of(), new Streaks(0, 2), FULL);
    assertThat(chosen.head().ticketId()).isEqualTo("walk");
    assertThat(chosen.why().rule()).isEqualTo(CallReason.Rule.WALK_IN_TURN);
    assertThat(chosen.why().row()).isEqualTo(2);
  }
}
