package vn.layso.simulate.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.layso.predict.domain.QueueState;
import vn.layso.predict.domain.WaitPredictor;
import vn.layso.queue.domain.CallReason;
import vn.layso.simulate.domain.CounterSpec.Break;
import vn.layso.simulate.domain.Scenario.Session;
import vn.layso.simulate.domain.Scenario.Surge;
import vn.layso.simulate.domain.Scenario.Visit;

class DaySimulatorTest {

  private static final WaitForecast FORECAST = WaitForecast.SERVER;

  /** Fields with 10-minute exponential services (unused: traces give the times), one session 07:30-11:30. */
  static Scenario tiny(List<CounterSpec> counters, String... fields) {
    List<FieldSpec> specs = Arrays.stream(fields)
        .map(f -> new FieldSpec(f, f, 0, ServiceTime.exponential(10), 30, 0, 0, 0)).toList();
    double[] flat = new double[24];
    Arrays.fill(flat, 1);
    return new Scenario("tiny", "test", specs, counters, List.of(Session.of("07:30-11:30")), flat, Surge.NONE,
        new Visit(30, 0, 1, 30, 15, 2));
  }

  static CounterSpec counter(String id, String main) {
    return CounterSpec.dedicated(id, main, 1, 0, List.of());
  }

  static TraceTicket walkIn(String hhmmss, String field, double minutes) {
    return new TraceTicket(TraceCsv.millis(hhmmss), field, false, -1, minutes, false);
  }

  static long at(String hhmmss) {
    return TraceCsv.millis(hhmmss);
  }

  static DayResult run(Scenario sc, String policy, List<TraceTicket> trace) {
    return DaySimulator.run(sc, trace, Dispatch.of(PolicySpec.parse(policy), sc), FORECAST);
  }

  static List<Long> calls(DayResult day) {
    return day.tickets().stream().map(SimTicket::calledAt).toList();
  }

  @Test
  void oneCounterServesInArrivalOrder() {
    Scenario sc = tiny(List.of(counter("1", "a")), "a");
    List<TraceTicket> trace = List.of(walkIn("07:30:00", "a", 10), walkIn("07:31:00", "a", 10),
        walkIn("07:32:00", "a", 10));
    for (String policy : List.of("DEDICATED", "WEIGHTED", "LAYSO", "FIFO_DEDICATED", "FIFO_POOLED")) {
      DayResult day = run(sc, policy, trace);
      assertThat(calls(day)).as(policy).containsExactly(at("07:30:00"), at("07:40:00"), at("07:50:00"));
      assertThat(day.tickets()).extracting(SimTicket::waitMillis).containsExactly(0L, 540_000L, 1_080_000L);
      assertThat(day.busyMillis()[0]).isEqualTo(1_800_000);
    }
  }

  @Test
  void aSecondCounterHelpsOnlyWhenItMayServeTheField() {
    Scenario sc = tiny(List.of(counter("1", "a"), counter("2", "b")), "a", "b");
    List<TraceTicket> trace = List.of(walkIn("07:30:00", "a", 10), walkIn("07:30:10", "a", 10));
    assertThat(calls(run(sc, "DEDICATED", trace))).containsExactly(at("07:30:00"), at("07:40:00"));
    assertThat(calls(run(sc, "FIFO_DEDICATED", trace))).containsExactly(at("07:30:00"), at("07:40:00"));
    assertThat(calls(run(sc, "LAYSO/dedicated", trace))).containsExactly(at("07:30:00"), at("07:40:00"));
    for (String pooled : List.of("FIFO_POOLED", "WEIGHTED/chain", "WEIGHTED/full", "LAYSO/chain", "LAYSO/full")) {
      DayResult day = run(sc, pooled, trace);
      assertThat(calls(day)).as(pooled).containsExactly(at("07:30:00"), at("07:30:10"));
      assertThat(day.tickets().get(1).counter()).isEqualTo(1);
    }
  }

  @Test
  void priorityGoesFirstThroughTheServersPolicyButNotInTheFifoBound() {
    Scenario sc = tiny(List.of(counter("1", "a")), "a");
    List<TraceTicket> trace = List.of(walkIn("07:30:00", "a", 10), walkIn("07:31:00", "a", 10),
        new TraceTicket(at("07:35:00"), "a", true, -1, 10, false));
    assertThat(calls(run(sc, "DEDICATED", trace))).containsExactly(at("07:30:00"), at("07:50:00"), at("07:40:00"));
    assertThat(calls(run(sc, "FIFO_DEDICATED", trace))).containsExactly(at("07:30:00"), at("07:40:00"),
        at("07:50:00"));
  }

  @Test
  void anAppointmentStandsInTheQueueAtItsSlotStart() {
    Scenario sc = tiny(List.of(counter("1", "a")), "a");
    // busy until 08:05; the appointment (slot 08:00) checked in at 07:50, a walk-in came at 07:55
    // and another at 08:01: at 08:05 the walk-in of 07:55 goes first, then the appointment
    List<TraceTicket> trace = List.of(walkIn("07:55:00", "a", 10),
        new TraceTicket(at("07:50:00"), "a", false, at("08:00:00"), 10, false), walkIn("07:30:00", "a", 35),
        walkIn("08:01:00", "a", 10));
    List<TraceTicket> sorted = trace.stream().sorted(Comparator.comparingLong(TraceTicket::issuedMillis)).toList();
    DayResult day = run(sc, "DEDICATED", sorted);
    assertThat(calls(day)).containsExactly(at("07:30:00"), at("08:15:00"), at("08:05:00"), at("08:25:00"));
    // the appointment's wait counts from its slot start, not from its early check-in
    assertThat(day.tickets().get(1).waitMillis()).isEqualTo(15 * 60_000L);
  }

  @Test
  void walkInsGetTheServersPredictionWhenIssued() {
    Scenario sc = tiny(List.of(counter("1", "a")), "a");
    List<TraceTicket> trace = List.of(walkIn("07:30:00", "a", 10), walkIn("07:31:00", "a", 10),
        walkIn("07:32:00", "a", 10));
    DayResult day = run(sc, "DEDICATED", trace);
    // first: an idle counter, no wait; then the one counter is busy and no service has ended yet, so
    // the field's configured 10 minutes: Erlang(1) and Erlang(2) at one per 10 minutes
    assertThat(day.tickets()).extracting(SimTicket::predictedAhead).containsExactly(0, 0, 1);
    assertThat(day.tickets().get(0).predictedP50()).isZero();
    assertThat(day.tickets().get(1).predictedP50() / 60_000.0).isCloseTo(10 * Math.log(2), within(0.01));
    assertThat(day.tickets().get(2).predictedP50() / 60_000.0).isCloseTo(16.78, within(0.01));
    QueueState state = new QueueState(Map.of("a", new QueueState.Field(1, 600_000)),
        List.of(new QueueState.Desk("1", Map.of("a", 1), true, true)));
    assertThat(day.tickets().get(2).predictedP90()).isEqualTo(new WaitPredictor().predict(state, "a", 1).p90Millis());
    assertThat(DayMetrics.of(day).predictions().length).isEqualTo(3);
  }

  @Test
  void aNoShowCostsTheCounterTheRecallTime() {
    Scenario sc = tiny(List.of(counter("1", "a")), "a");
    List<TraceTicket> trace = List.of(new TraceTicket(at("07:30:00"), "a", false, -1, 30, true),
        walkIn("07:30:01", "a", 10));
    DayResult day = run(sc, "DEDICATED", trace);
    assertThat(calls(day)).containsExactly(at("07:30:00"), at("07:32:00"));
    assertThat(day.tickets().get(0).outcome()).isEqualTo(SimTicket.Outcome.NO_SHOW);
    assertThat(day.tickets().get(1).outcome()).isEqualTo(SimTicket.Outcome.SERVED);
  }

  @Test
  void lateOpeningBreaksAndTheEndOfTheSession() {
    CounterSpec late = new CounterSpec("1", "a", Map.of("a", 1), Set.of(), 1, 10, List.of(new Break(8 * 60, 15)));
    Scenario sc = tiny(List.of(late), "a");
    List<TraceTicket> trace = List.of(walkIn("07:30:00", "a", 25), walkIn("07:56:00", "a", 10),
        walkIn("08:06:00", "a", 5), walkIn("11:29:00", "a", 20), walkIn("11:29:30", "a", 5));
    DayResult day = run(sc, "DEDICATED", trace);
    // opens 07:40; the break due at 08:00 starts when the first service ends at 08:05 and still
    // ends at 08:15; after 11:30 the counter serves whoever holds a number
    assertThat(calls(day)).containsExactly(at("07:40:00"), at("08:15:00"), at("08:25:00"), at("11:29:00"),
        at("11:49:00"));
    assertThat(day.lastEventMillis()).isEqualTo(at("11:54:00"));
    assertThat(DayMetrics.of(day).get("overtime")).isEqualTo(24.0);
  }

  @Test
  void aBreakThatStartsWhileIdlePausesTheCounter() {
    CounterSpec c = new CounterSpec("1", "a", Map.of("a", 1), Set.of(), 2, 0, List.of(new Break(8 * 60, 15)));
    Scenario sc = tiny(List.of(c), "a");
    DayResult day = run(sc, "DEDICATED", List.of(walkIn("08:05:00", "a", 10)));
    // on break until 08:15; speed 2 halves the 10 minutes
    assertThat(calls(day)).containsExactly(at("08:15:00"));
    assertThat(day.busyMillis()[0]).isEqualTo(300_000);
    assertThat(day.availableMillis()[0]).isEqualTo((240 - 15) * 60_000L);
  }

  @Test
  void everyTicketIsServedOrMissedExactlyOnceAndNoCounterServesTwoAtOnce() {
    for (String name : List.of("province", "surge")) {
      Scenario sc = Scenarios.named(name);
      List<TraceTicket> trace = ArrivalGenerator.generate(sc, 3);
      for (String policy : SIM_POLICIES) {
        DayResult day = run(sc, policy, trace);
        assertThat(day.tickets()).hasSize(trace.size());
        assertThat(day.tickets()).allMatch(t -> t.outcome() == (t.trace().noShow() ? SimTicket.Outcome.NO_SHOW
            : SimTicket.Outcome.SERVED), policy + " outcome");
        assertThat(day.tickets()).allMatch(t -> t.calledAt() >= t.trace().issuedMillis(), "called after issue");
        assertThat(Arrays.stream(day.served()).sum()).isEqualTo(trace.size());
        for (int c = 0; c < sc.counters().size(); c++) {
          int counter = c;
          List<SimTicket> mine = new ArrayList<>(day.tickets().stream().filter(t -> t.counter() == counter).toList());
          mine.sort(Comparator.comparingLong(SimTicket::calledAt));
          for (int i = 1; i < mine.size(); i++) {
            assertThat(mine.get(i).calledAt()).as(policy + " counter " + c).isGreaterThanOrEqualTo(mine.get(i - 1).endAt);
          }
          assertThat(day.utilisation(c)).isBetween(0.0, 1.0);
        }
      }
    }
  }

  @Test
  void aBackupFieldIsServedOnlyOverItsTarget() {
    // counter 2 is dedicated to b with a as backup; a's target is 30 minutes
    Scenario sc = tiny(List.of(counter("1", "a"), counter("2", "b")), "a", "b");
    List<TraceTicket> trace = List.of(walkIn("07:30:00", "a", 60), walkIn("07:31:00", "a", 10),
        walkIn("07:32:00", "a", 10));
    DayResult day = run(sc, "LAYSO/chain:cross=backup", trace);
    // the second a ticket reaches its 30-minute target at 08:01: idle counter 2 looks again then and takes it
    assertThat(day.tickets().get(1).calledAt()).isEqualTo(at("08:01:00"));
    assertThat(day.tickets().get(1).counter()).isEqualTo(1);
    assertThat(day.tickets().get(1).reason()).isEqualTo(CallReason.Rule.BACKUP_OVER_TARGET);
    // as primary fields (weight 1) it takes them at once
    assertThat(run(sc, "LAYSO/chain", trace).tickets().get(1).calledAt()).isEqualTo(at("07:31:00"));
  }

  static final List<String> SIM_POLICIES = List.of("DEDICATED", "WEIGHTED/chain", "WEIGHTED/full", "LAYSO/chain",
      "LAYSO/full", "LAYSO/full:cross=backup", "FIFO_DEDICATED", "FIFO_POOLED");

  @Test
  void theSameSeedGivesTheSameDay() {
    Scenario sc = Scenarios.commune();
    List<TraceTicket> trace = ArrivalGenerator.generate(sc, 9);
    assertThat(calls(run(sc, "LAYSO/chain", trace))).isEqualTo(calls(run(sc, "LAYSO/chain", trace)));
  }

  @Test
  void pooledCountersBeatDedicatedOnesInTheTextbookCase() {
    Scenario sc = Scenarios.erlang85();
    double dedicated = 0;
    double pooled = 0;
    for (long seed = 1; seed <= 4; seed++) {
      List<TraceTicket> trace = ArrivalGenerator.generate(sc, seed);
      dedicated += DayMetrics.of(run(sc, "FIFO_DEDICATED", trace)).get("meanWait");
      pooled += DayMetrics.of(run(sc, "FIFO_POOLED", trace)).get("meanWait");
    }
    assertThat(dedicated / pooled).isGreaterThan(3);
  }
}
