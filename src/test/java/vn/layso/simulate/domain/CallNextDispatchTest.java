package vn.layso.simulate.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.layso.queue.domain.CallNextPolicy;
import vn.layso.queue.domain.CallNextPolicy.Head;
import vn.layso.queue.domain.CallNextPolicy.Limits;
import vn.layso.queue.domain.CallNextPolicy.Streaks;

/**
 * The simulator's policy is the server's: on random queues, the adapter's choice is exactly what
 * CallNextPolicy chooses when handed every waiting ticket, call after call, streaks included.
 */
class CallNextDispatchTest {

  @Test
  void theAdapterChoosesWhatCallNextPolicyChoosesOnRandomQueues() {
    Random random = new Random(2026);
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
        desks.add(new CounterSpec(Integer.toString(c), codes[c % 4], weights, Set.of(), 1, 0, List.of()));
      }
      Scenario sc = DaySimulatorTest.tiny(desks, codes);
      PolicySpec.Params params = new PolicySpec.Params(random.nextInt(4), 0, random.nextInt(3), random.nextInt(30),
          0, false, Staffing.CrossAs.PRIMARY, 1);
      CallNextDispatch dispatch = new CallNextDispatch(sc, desks, params);
      Limits limits = new Limits(params.maxPriorityInRow(), params.maxAppointmentsInRow(),
          params.walkInMaxWaitMinutes() * 60_000L);
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
        Optional<Head> expected = CallNextPolicy.choose(everyone, desks.get(c).weights(), now, before, limits);
        SimTicket actual = dispatch.next(c, now, queues);
        assertThat(Optional.ofNullable(actual).map(t -> t.head)).as("round %d step %d", round, step)
            .isEqualTo(expected);
        if (actual != null) {
          queues.remove(actual);
          streaks.put(c, before.after(expected.get()));
        }
        now += random.nextInt(240_000);
      }
    }
  }
}
