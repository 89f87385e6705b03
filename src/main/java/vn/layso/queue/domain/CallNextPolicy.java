package vn.layso.queue.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which waiting ticket a counter gets when it presses "next". Every waiting ticket has an
 * <em>effective arrival</em>: a walk-in's is when it was issued; an appointment ticket's is its
 * slot start (whenever it checked in), so one checked in early waits until its slot comes, and one
 * checked in on time (or a little late, inside the check-in window) goes ahead of the walk-ins
 * who came after its slot start. Each field's queue is in effective-arrival order. The rules:
 * <ol>
 *   <li>Priority tickets before normal ones (walk-ins and appointments), except that after
 *       {@code maxPriorityInRow} priority calls in a row at this counter a waiting normal ticket
 *       goes first (0 means no limit), so normal citizens are never starved by priority ones.
 *       Appointment tickets are never priority tickets.</li>
 *   <li>Walk-ins' turn: after {@code maxAppointmentsInRow} appointment calls in a row at this
 *       counter (priority calls in between neither count nor break the row; 0 means no limit), if
 *       the first walk-in of some served field has waited at least {@code walkInMaxWaitMillis},
 *       the normal call takes a walk-in: the best of those first walk-ins that waited that long.</li>
 *   <li>Otherwise, within the class, across the fields the counter serves: the first ticket with the
 *       highest weighted wait, {@code weight × max(0, now − effective arrival)}. A counter leans
 *       towards its heavier fields, yet a lighter field's wait keeps growing until it wins, so no
 *       queue starves; an appointment whose slot has not come yet has waited 0.</li>
 *   <li>Ties go to the earlier effective arrival, then the lower {@code seq % 1000} (the field's
 *       number sequence of the day), then the walk-in.</li>
 * </ol>
 * The call_next.lua script applies exactly these rules atomically (CallNextPolicyIT checks it
 * against this class on random queues); this class states them for people and tests.
 */
public final class CallNextPolicy {

  /**
   * A waiting ticket: {@code arrivalMillis} is its effective arrival (an appointment's slot start),
   * {@code seq} its number's sequence in the field's day.
   */
  public record Head(String ticketId, String service, boolean priority, long arrivalMillis, boolean appointment,
                     int seq) {

    /** A walk-in. */
    public Head(String ticketId, String service, boolean priority, long arrivalMillis) {
      this(ticketId, service, priority, arrivalMillis, false, 0);
    }

    public boolean walkIn() {
      return !priority && !appointment;
    }
  }

  /** The anti-starvation limits of one office. */
  public record Limits(int maxPriorityInRow, int maxAppointmentsInRow, long walkInMaxWaitMillis) {

    public Limits {
      if (maxPriorityInRow < 0 || maxAppointmentsInRow < 0 || walkInMaxWaitMillis < 0) {
        throw new IllegalArgumentException("limits must not be negative");
      }
    }
  }

  /** A counter's rows of calls: priority calls in a row, appointment calls in a row. */
  public record Streaks(int priority, int appointments) {

    public static final Streaks NONE = new Streaks(0, 0);

    /** After calling {@code called}: a priority call adds to the priority row and leaves the
     * appointment row as it is; an appointment adds to its row; a walk-in ends both. */
    public Streaks after(Head called) {
      if (called.priority()) {
        return new Streaks(priority + 1, appointments);
      }
      return new Streaks(0, called.appointment() ? appointments + 1 : 0);
    }
  }

  private static final Comparator<Head> ORDER = Comparator.comparingLong(Head::arrivalMillis)
      .thenComparingInt(h -> h.seq() % 1000)
      .thenComparing(Head::appointment);

  private CallNextPolicy() {
  }

  /** Walk-ins only, with the priority rule alone (the rules before appointments existed). */
  public static Optional<Head> choose(List<Head> heads, Map<String, Integer> weights, long nowMillis,
                                      int priorityStreak, int maxPriorityInRow) {
    return choose(heads, weights, nowMillis, new Streaks(priorityStreak, 0), new Limits(maxPriorityInRow, 0, 0));
  }

  /**
   * @param waiting waiting tickets; it may hold only the first ones of each field, but must hold
   *                each field's first priority ticket, first normal ticket and first walk-in
   */
  public static Optional<Head> choose(List<Head> waiting, Map<String, Integer> weights, long nowMillis,
                                      Streaks streaks, Limits limits) {
    List<Head> served = waiting.stream().filter(h -> weights.containsKey(h.service())).toList();
    List<Head> priorityHeads = firsts(served, Head::priority);
    List<Head> normalHeads = firsts(served, h -> !h.priority());
    boolean normalsTurn = limits.maxPriorityInRow() > 0 && streaks.priority() >= limits.maxPriorityInRow()
        && !normalHeads.isEmpty();
    Comparator<Head> best = Comparator
        .comparingLong((Head h) -> weightedWait(h, weights, nowMillis)).reversed()
        .thenComparing(ORDER);
    if (!priorityHeads.isEmpty() && !normalsTurn) {
      return priorityHeads.stream().min(best);
    }
    if (limits.maxAppointmentsInRow() > 0 && streaks.appointments() >= limits.maxAppointmentsInRow()) {
      List<Head> longWaiting = firsts(served, Head::walkIn).stream()
          .filter(h -> nowMillis - h.arrivalMillis() >= limits.walkInMaxWaitMillis()).toList();
      if (!longWaiting.isEmpty()) {
        return longWaiting.stream().min(best);
      }
    }
    return normalHeads.stream().min(best);
  }

  /** The first ticket (in queue order) of each field among those that match. */
  private static List<Head> firsts(List<Head> tickets, Predicate<Head> which) {
    Map<String, Head> first = new LinkedHashMap<>();
    for (Head h : tickets) {
      if (which.test(h)) {
        first.merge(h.service(), h, (a, b) -> ORDER.compare(a, b) <= 0 ? a : b);
      }
    }
    return new ArrayList<>(first.values());
  }

  static long weightedWait(Head head, Map<String, Integer> weights, long nowMillis) {
    return weights.get(head.service()) * Math.max(0, nowMillis - head.arrivalMillis());
  }

  /** The counter's priority streak after a call: one more for priority, back to zero for normal. */
  public static int nextStreak(int streak, boolean calledPriority) {
    return calledPriority ? streak + 1 : 0;
  }
}
