package vn.layso.simulate.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.layso.queue.domain.CallNextPolicy;
import vn.layso.queue.domain.CallNextPolicy.Head;
import vn.layso.queue.domain.CallNextPolicy.Limits;
import vn.layso.queue.domain.CallNextPolicy.Streaks;

/**
 * The adapter between the simulator and the server's own {@link CallNextPolicy}: it hands the
 * policy the same heads the call_next script reads (each served field's first priority ticket,
 * first walk-in and first appointment), the counter's weights, the time and the counter's streaks,
 * and keeps the streaks as the server does. It holds no ordering rule of its own.
 */
public final class CallNextDispatch implements Dispatch {

  private final List<Map<String, Integer>> weights = new ArrayList<>();
  private final int[][] primary;
  private final int[][] weightOf;
  private final boolean[][] may;
  private final Streaks[] streaks;
  private final Limits limits;

  CallNextDispatch(Scenario scenario, List<CounterSpec> desks, PolicySpec.Params params) {
    int fields = scenario.fields().size();
    primary = new int[desks.size()][];
    weightOf = new int[desks.size()][fields];
    may = new boolean[desks.size()][fields];
    streaks = new Streaks[desks.size()];
    for (int c = 0; c < desks.size(); c++) {
      CounterSpec desk = desks.get(c);
      weights.add(Map.copyOf(desk.weights()));
      // in the scenario's field order, whatever the desk's order: ties then break the same way everywhere
      primary[c] = desk.weights().keySet().stream().mapToInt(scenario::fieldIndex).sorted().toArray();
      for (Map.Entry<String, Integer> e : desk.weights().entrySet()) {
        weightOf[c][scenario.fieldIndex(e.getKey())] = e.getValue();
        may[c][scenario.fieldIndex(e.getKey())] = true;
      }
      for (String b : desk.backup()) {
        may[c][scenario.fieldIndex(b)] = true;
      }
      streaks[c] = Streaks.NONE;
    }
    limits = new Limits(params.maxPriorityInRow(), params.maxAppointmentsInRow(),
        params.walkInMaxWaitMinutes() * 60_000L);
  }

  @Override
  public SimTicket next(int counter, long now, Queues queues) {
    List<Head> heads = new ArrayList<>(primary[counter].length * 3);
    for (int f : primary[counter]) {
      addHead(heads, queues.firstPriority(f));
      addHead(heads, queues.firstWalkIn(f));
      addHead(heads, queues.firstAppointment(f));
    }
    if (heads.isEmpty()) {
      return null;
    }
    Optional<Head> chosen = CallNextPolicy.choose(heads, weights.get(counter), now, streaks[counter], limits);
    if (chosen.isEmpty()) {
      return null;
    }
    streaks[counter] = streaks[counter].after(chosen.get());
    return queues.ticket(Integer.parseInt(chosen.get().ticketId()));
  }

  private static void addHead(List<Head> heads, SimTicket t) {
    if (t != null) {
      heads.add(t.head);
    }
  }

  @Override
  public boolean mayServe(int counter, int field) {
    return may[counter][field];
  }

  @Override
  public int weight(int counter, int field) {
    return weightOf[counter][field];
  }
}
