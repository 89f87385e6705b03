package vn.layso.simulate.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.layso.queue.domain.CallNextPolicy;
import vn.layso.queue.domain.CallNextPolicy.Decision;
import vn.layso.queue.domain.CallNextPolicy.Desk;
import vn.layso.queue.domain.CallNextPolicy.Head;
import vn.layso.queue.domain.CallNextPolicy.Streaks;
import vn.layso.queue.domain.CallReason;

/**
 * The simulator's policy is the server's: on random queues, desks with backup fields and random
 * rules, the adapter's choice and reason are exactly what CallNextPolicy.decide gives when handed
 * every waiting ticket, call after call, streaks included.
 */
class CallNextDispatchTest {

  @Test
  void theAdapterChoosesWhatCallNextPolicyChoosesOnRandomQueues() {
    Random random = new Random(2026);
    Set<CallReason.Rule> reasons = EnumSet.noneOf(CallReason.Rule.class);
    for (int round = 0; round < 40; round++) {
      String[] codes = {"a", "b", "c", "d"};
      List<CounterSpec> desks = new ArrayList<>();
      for (int c = 0; c < 5; c++) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        weights.put(codes[c % 4], 1 + random.nextInt(3));
        for (String f : codes) {
          if (random.nextInt(3) == 0) {
            weights.put(f, 1 + random.nextInt(3));
          }
        }
        Set<String> backup = new HashSet<>();
        for (String f : codes) {
          if (!weights.containsKey(f) && random.nextBoolean()) {
            backup.add(f);
          }
        }
        desks.add(new CounterSpec(Integer.toString(c), codes[c % 4], weights, backup, 1, 0, List.of()));
      }
      Scenario sc = DaySimulatorTest.tiny(desks, codes);
      PolicySpec.Params params = new PolicySpec.Params(random.nextInt(4), random.nextInt(4), random.nextInt(3),
          random.nextInt(30), random.nextInt(12), random.nextBoolean(), Staffing.CrossAs.PRIMARY,
          0.2 + random.nextDouble(), 2);
      CallNextDispatch dispatch = new CallNextDispatch(sc, desks, params, true);
      Map<String, Long> targets = new HashMap<>();
      for (FieldSpec f : sc.fields()) {
        targets.put(f.code(), Math.round(f.targetMinutes() * params.targetScale() * 60_000));
      }
      List<SimTicket> tickets = new ArrayList<>();
      Queues queues = new Queues(codes.length, tickets);
      Map<Integer, Streaks> streaks = new HashMap<>();
      int[] seq = new int[codes.length];
      long now = 8 * 3_600_000L;
      for (int step = 0; step < 150; step++) {
        for (int n = random.nextInt(3); n > 0; n--) {
          int f = random.nextInt(codes.length);
          boolean appointment = random.nextInt(4) == 0;
          long issued = now;
          long slot = appointment ? now + (random.nextInt(7) - 4) * 600_000L : -1;
          boolean priority = !appointment && random.nextInt(6) == 0;
          TraceTicket trace = new TraceTicket(issued, codes[f], priority, slot, 5, false);
          SimTicket t = new SimTicket(tickets.size(), trace, f, ++seq[f]);
          tickets.add(t);
          queues.add(t);
        }
        int c = random.nextInt(desks.size());
        List<Head> everyone = new ArrayList<>();
        for (int f = 0; f < codes.length; f++) {
          queues.forEachWaiting(f, t -> everyone.add(t.head));
        }
        Streaks before = streaks.getOrDefault(c, Streaks.NONE);
        Optional<Decision> expected = CallNextPolicy.decide(everyone,
            new Desk(desks.get(c).weights(), desks.get(c).backup()), targets, now, before, params.rules());
        SimTicket actual = dispatch.next(c, now, queues);
        assertThat(Optional.ofNullable(actual).map(t -> t.head)).as("round %d step %d", round, step)
            .isEqualTo(expected.map(Decision::head));
        if (actual != null) {
          assertThat(actual.reason()).isEqualTo(expected.get().why().rule());
          queues.remove(actual);
          streaks.put(c, before.after(actual.head));
          reasons.add(actual.reason());
        }
        now += random.nextInt(240_000);
      }
    }
    // the random queues reached the rules that matter
    assertThat(reasons).contains(CallReason.Rule.PRIORITY, CallReason.Rule.OVER_TARGET,
        CallReason.Rule.BACKUP_OVER_TARGET, CallReason.Rule.WEIGHTED_WAIT, CallReason.Rule.NORMALS_TURN);
  }
}
