package vn.layso.simulate.domain;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * The waiting tickets of every field, each field in three queues kept in call order (effective
 * arrival, then number): priority walk-ins, other walk-ins, appointments (by slot start). Their
 * heads are exactly what {@code CallNextPolicy} needs: each field's first priority ticket, first
 * normal ticket (the earlier of the two other heads) and first walk-in.
 */
public final class Queues {

  static final Comparator<SimTicket> ORDER = Comparator.comparingLong(SimTicket::effectiveArrival)
      .thenComparingInt(t -> t.seq).thenComparingInt(t -> t.index);

  private final List<SimTicket> tickets;
  private final ArrayDeque<SimTicket>[] priority;
  private final ArrayDeque<SimTicket>[] walkIns;
  private final PriorityQueue<SimTicket>[] appointments;
  private final int[] waiting;

  @SuppressWarnings("unchecked")
  Queues(int fields, List<SimTicket> tickets) {
    this.tickets = tickets;
    priority = new ArrayDeque[fields];
    walkIns = new ArrayDeque[fields];
    appointments = new PriorityQueue[fields];
    waiting = new int[fields];
    for (int f = 0; f < fields; f++) {
      priority[f] = new ArrayDeque<>();
      walkIns[f] = new ArrayDeque<>();
      appointments[f] = new PriorityQueue<>(ORDER);
    }
  }

  void add(SimTicket t) {
    if (t.trace.appointment()) {
      appointments[t.field].add(t);
    } else {
      (t.trace.priority() ? priority : walkIns)[t.field].addLast(t);
    }
    waiting[t.field]++;
  }

  /** Takes a ticket that heads one of the queues (any ticket a policy may choose). */
  void remove(SimTicket t) {
    SimTicket head = t.trace.appointment() ? appointments[t.field].poll()
        : (t.trace.priority() ? priority : walkIns)[t.field].pollFirst();
    if (head != t) {
      throw new IllegalStateException("ticket " + t.index + " was not at the head of its queue");
    }
    waiting[t.field]--;
  }

  public SimTicket ticket(int index) {
    return tickets.get(index);
  }

  public SimTicket firstPriority(int field) {
    return priority[field].peekFirst();
  }

  public SimTicket firstWalkIn(int field) {
    return walkIns[field].peekFirst();
  }

  public SimTicket firstAppointment(int field) {
    return appointments[field].peek();
  }

  /** The field's first ticket in plain arrival order, priority ignored. */
  public SimTicket fifoFirst(int field) {
    SimTicket best = null;
    for (SimTicket t : new SimTicket[] {firstPriority(field), firstWalkIn(field), firstAppointment(field)}) {
      if (t != null && (best == null || ORDER.compare(t, best) < 0)) {
        best = t;
      }
    }
    return best;
  }

  public int waiting(int field) {
    return waiting[field];
  }

  public int fields() {
    return waiting.length;
  }

  /** Waiting tickets of {@code t}'s field called before it if nobody else comes ({@code t} not yet queued). */
  int ahead(SimTicket t, long now) {
    int f = t.field;
    if (t.trace.priority()) {
      return priority[f].size();
    }
    int due = 0;
    for (SimTicket a : appointments[f]) {
      if (a.effectiveArrival() <= Math.max(now, t.effectiveArrival())) {
        due++;
      }
    }
    return priority[f].size() + walkIns[f].size() + due;
  }

  void forEachWaiting(int field, Consumer<SimTicket> action) {
    priority[field].forEach(action);
    walkIns[field].forEach(action);
    appointments[field].forEach(action);
  }
}
