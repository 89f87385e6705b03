package vn.layso.simulate.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import vn.layso.queue.domain.CallNextPolicy;
import vn.layso.queue.domain.CallNextPolicy.Decision;
import vn.layso.queue.domain.CallNextPolicy.Desk;
import vn.layso.queue.domain.CallNextPolicy.Head;
import vn.layso.queue.domain.CallNextPolicy.Rules;
import vn.layso.queue.domain.CallNextPolicy.Streaks;

/**
 * The adapter between the simulator and the server's own {@link CallNextPolicy#decide}: it hands the
 * policy the same heads the call_next script reads (each field's first priority ticket, first
 * walk-in and first appointment, for the primary and backup fields of the counter), the counter's
 * {@link Desk}, the fields' targets, the time, the counter's streaks and the office's rules, keeps
 * the streaks as the server does and notes each call's reason. It holds no ordering rule of its own.
 */
public final class CallNextDispatch implements Dispatch {

  private final List<Desk> desks = new ArrayList<>();
  private final int[][] fieldsOf;
  private final int[][] weightOf;
  private final boolean[][] may;
  private final Streaks[] streaks;
  private final Map<String, Long> targets;
  private final long[] targetOf;
  private final Rules rules;

  /**
   * @param withTargets pass the fields' targets to the policy (LAYSO); without, targets never
   *                    count, as before service-level targets
   */
  CallNextDispatch(Scenario scenario, List<CounterSpec> counters, PolicySpec.Params params, boolean withTargets) {
    int fields = scenario.fields().size();
    fieldsOf = new int[counters.size()][];
    weightOf = new int[counters.size()][fields];
    may = new boolean[counters.size()][fields];
    streaks = new Streaks[counters.size()];
    for (int c = 0; c < counters.size(); c++) {
      CounterSpec spec = counters.get(c);
      desks.add(new Desk(spec.weights(), spec.backup()));
      for (Map.Entry<String, Integer> e : spec.weights().entrySet()) {
        weightOf[c][scenario.fieldIndex(e.getKey())] = e.getValue();
      }
      for (int f = 0; f < fields; f++) {
        may[c][f] = spec.mayServe(scenario.fields().get(f).code());
      }
      // in the scenario's field order, whatever the desk's: ties then break the same way everywhere
      int counter = c;
      fieldsOf[c] = IntStream.range(0, fields).filter(f -> may[counter][f]).toArray();
      streaks[c] = Streaks.NONE;
    }
    targets = new HashMap<>();
    targetOf = new long[fields];
    if (withTargets) {
      for (int f = 0; f < fields; f++) {
        targetOf[f] = Math.round(scenario.fields().get(f).targetMinutes() * params.targetScale() * 60_000);
        targets.put(scenario.fields().get(f).code(), targetOf[f]);
      }
    }
    rules = params.rules();
  }

  @Override
  public SimTicket next(int counter, long now, Queues queues) {
    List<Head> heads = new ArrayList<>(fieldsOf[counter].length * 3);
    for (int f : fieldsOf[counter]) {
      addHead(heads, queues.firstPriority(f));
      addHead(heads, queues.firstWalkIn(f));
      addHead(heads, queues.firstAppointment(f));
    }
    if (heads.isEmpty()) {
      return null;
    }
    Optional<Decision> decision = CallNextPolicy.decide(heads, desks.get(counter), targets, now, streaks[counter],
        rules);
    if (decision.isEmpty()) {
      return null;
    }
    Head head = decision.get().head();
    streaks[counter] = streaks[counter].after(head);
    SimTicket ticket = queues.ticket(Integer.parseInt(head.ticketId()));
    ticket.reason = decision.get().why().rule();
    return ticket;
  }

  private static void addHead(List<Head> heads, SimTicket t) {
    if (t != null) {
      heads.add(t.head);
    }
  }

  /**
   * The policy always takes a waiting ticket of a primary field; a backup field's waits until its
   * first ticket reaches the field's target, so the counter need only look again then.
   */
  @Override
  public long retryAt(int counter, long now, Queues queues) {
    long at = Long.MAX_VALUE;
    for (int f : fieldsOf[counter]) {
      if (weightOf[counter][f] == 0 && targetOf[f] > 0 && queues.waiting(f) > 0) {
        SimTicket first = queues.fifoFirst(f);
        at = Math.min(at, Math.max(now + 1, first.effectiveArrival() + targetOf[f]));
      }
    }
    return at;
  }

  /** A new ticket has waited nothing: a backup field's is under its target (unless it has none). */
  @Override
  public boolean takesNewTickets(int counter, int field) {
    return weightOf[counter][field] > 0 || may[counter][field] && targetOf[field] == 0;
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
