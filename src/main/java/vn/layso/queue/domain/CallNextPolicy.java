package vn.layso.queue.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which waiting ticket a counter gets when it presses "next", and why. Every waiting ticket has an
 * <em>effective arrival</em>: a walk-in's is when it was issued; an appointment ticket's is its
 * slot start (whenever it checked in), so one checked in early waits until its slot comes, and one
 * checked in on time goes ahead of the walk-ins who came after its slot start. Each field's queue
 * is in effective-arrival order; only the first ticket of each field (of a class) is ever weighed.
 * A ticket's wait {@code w} is the whole seconds since its effective arrival (0 before it).
 * <p>
 * The counter may take tickets of its <em>primary</em> fields (each with a weight) and of its
 * <em>backup</em> fields, the latter only when that ticket waited at least its field's target.
 * The rules, in order:
 * <ol>
 *   <li>Class. Priority tickets go before normal ones (walk-ins and appointments), except when a
 *       normal ticket may be taken and it is the normals' turn: in {@code STRICT} mode after
 *       {@code maxPriorityInRow} priority calls in a row at this counter (0: never), in
 *       {@code RATIO} mode until {@code normalsPerPriority} normal calls followed the last priority
 *       call. Appointment tickets are never priority tickets.</li>
 *   <li>Walk-ins' turn: after {@code maxAppointmentsInRow} appointment calls in a row (priority calls
 *       neither count nor break the row; 0: no such rule), if the first walk-in of some field waited
 *       at least {@code walkInMaxWaitMillis}, the normal call takes one of those walk-ins.</li>
 *   <li>Escalation (when on): tickets that waited at least their field's target go first, the one
 *       most over it (largest wait / target) first.</li>
 *   <li>Otherwise the highest aged weighted wait {@code w × (weight × 3600 + agingPerHour × w)}: the
 *       counter leans towards its heavier fields, and every hour waited adds {@code agingPerHour} to a
 *       ticket's weight, so no queue starves. A backup field weighs 1.</li>
 *   <li>Ties: the earlier effective arrival, the lower {@code seq % 1000}, then the walk-in.</li>
 * </ol>
 * The call_next.lua script applies exactly these rules atomically and records the same
 * {@link CallReason} (CallNextPolicyIT checks both on random queues); the day simulator
 * (scripts/simulate) runs this class.
 */
public final class CallNextPolicy {

  /** Normal calls since the last priority call, when there was none today (priority may go). */
  public static final int NO_PRIORITY_YET = 1000;

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

    /** Whole seconds waited at {@code nowMillis} since the effective arrival; 0 before it. */
    public long waitedSeconds(long nowMillis) {
      return Math.max(0, nowMillis - arrivalMillis) / 1000;
    }
  }

  /** What a counter may serve: its primary fields with their weights, and its backup fields. */
  public record Desk(Map<String, Integer> weights, Set<String> backup) {

    public Desk {
      weights = Map.copyOf(weights);
      backup = Set.copyOf(backup);
    }

    public static Desk of(Map<String, Integer> weights) {
      return new Desk(weights, Set.of());
    }

    public boolean mayServe(String service) {
      return weights.containsKey(service) || backup.contains(service);
    }

    /** The weight of a field: a primary field's, 1 for a backup field. */
    public int weight(String service) {
      return weights.getOrDefault(service, 1);
    }
  }

  /** The anti-starvation limits of the rules before service-level targets (no aging, no escalation). */
  public record Limits(int maxPriorityInRow, int maxAppointmentsInRow, long walkInMaxWaitMillis) {

    public Limits {
      if (maxPriorityInRow < 0 || maxAppointmentsInRow < 0 || walkInMaxWaitMillis < 0) {
        throw new IllegalArgumentException("limits must not be negative");
      }
    }
  }

  /** All the rules' parameters of one office (see the class comment). */
  public record Rules(int maxPriorityInRow, CallPolicy.PriorityMode priorityMode, int normalsPerPriority,
                      int maxAppointmentsInRow, long walkInMaxWaitMillis, int agingPerHour, boolean escalation) {

    public Rules {
      if (maxPriorityInRow < 0 || maxAppointmentsInRow < 0 || walkInMaxWaitMillis < 0 || agingPerHour < 0
          || normalsPerPriority < 1) {
        throw new IllegalArgumentException("rules must not be negative");
      }
    }

    public static Rules of(int maxPriorityInRow, CallPolicy policy) {
      return new Rules(maxPriorityInRow, policy.priority(), policy.normalsPerPriority(),
          policy.maxAppointmentsInRow(), policy.walkInMaxWaitMinutes() * 60_000L, policy.agingPerHour(),
          policy.escalation());
    }

    /** The rules before service-level targets: weights × wait, no aging, no escalation. */
    public static Rules of(Limits limits) {
      return new Rules(limits.maxPriorityInRow(), CallPolicy.PriorityMode.STRICT, 1, limits.maxAppointmentsInRow(),
          limits.walkInMaxWaitMillis(), 0, false);
    }
  }

  /**
   * A counter's rows of calls: priority calls in a row, appointment calls in a row, and normal calls
   * since the last priority call (capped at {@link #NO_PRIORITY_YET}, which a new day starts with).
   */
  public record Streaks(int priority, int appointments, int normals) {

    public static final Streaks NONE = new Streaks(0, 0, NO_PRIORITY_YET);

    public Streaks(int priority, int appointments) {
      this(priority, appointments, NO_PRIORITY_YET);
    }

    /** After calling {@code called}: a priority call adds to the priority row, leaves the appointment
     * row as it is and restarts the normal count; an appointment adds to its row; a walk-in ends both rows. */
    public Streaks after(Head called) {
      if (called.priority()) {
        return new Streaks(priority + 1, appointments, 0);
      }
      return new Streaks(0, called.appointment() ? appointments + 1 : 0, Math.min(NO_PRIORITY_YET, normals + 1));
    }
  }

  /** The chosen ticket and why. */
  public record Decision(Head head, CallReason why) {
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

  /** The rules before service-level targets, for a counter without backup fields. */
  public static Optional<Head> choose(List<Head> waiting, Map<String, Integer> weights, long nowMillis,
                                      Streaks streaks, Limits limits) {
    return decide(waiting, Desk.of(weights), Map.of(), nowMillis, streaks, Rules.of(limits)).map(Decision::head);
  }

  /**
   * @param waiting      waiting tickets; it may hold only the first ones of each field, but must hold
   *                     each field's first priority ticket, first normal ticket and first walk-in
   * @param targetMillis each field's target wait (missing or 0: none)
   */
  public static Optional<Decision> decide(List<Head> waiting, Desk desk, Map<String, Long> targetMillis,
                                          long nowMillis, Streaks streaks, Rules rules) {
    Predicate<Head> eligible = h -> desk.weights().containsKey(h.service())
        || desk.backup().contains(h.service()) && overTarget(h, targetMillis, nowMillis);
    List<Head> served = waiting.stream().filter(h -> desk.mayServe(h.service())).toList();
    List<Head> priorityHeads = firsts(served, Head::priority).stream().filter(eligible).toList();
    List<Head> normalHeads = firsts(served, h -> !h.priority()).stream().filter(eligible).toList();
    boolean normalsTurn = !normalHeads.isEmpty() && (rules.priorityMode() == CallPolicy.PriorityMode.RATIO
        ? streaks.normals() < rules.normalsPerPriority()
        : rules.maxPriorityInRow() > 0 && streaks.priority() >= rules.maxPriorityInRow());
    Comparator<Head> best = best(desk, targetMillis, nowMillis, rules);
    if (!priorityHeads.isEmpty() && !normalsTurn) {
      Head h = priorityHeads.stream().min(best).orElseThrow();
      int row = rules.priorityMode() == CallPolicy.PriorityMode.RATIO ? streaks.normals() : 0;
      return Optional.of(decision(h, CallReason.Rule.PRIORITY, row, priorityHeads.size(), desk, targetMillis,
          nowMillis));
    }
    if (rules.maxAppointmentsInRow() > 0 && streaks.appointments() >= rules.maxAppointmentsInRow()) {
      List<Head> longWaiting = firsts(served, Head::walkIn).stream().filter(eligible)
          .filter(h -> nowMillis - h.arrivalMillis() >= rules.walkInMaxWaitMillis()).toList();
      if (!longWaiting.isEmpty()) {
        return Optional.of(decision(longWaiting.stream().min(best).orElseThrow(), CallReason.Rule.WALK_IN_TURN,
            streaks.appointments(), longWaiting.size(), desk, targetMillis, nowMillis));
      }
    }
    if (normalHeads.isEmpty()) {
      return Optional.empty();
    }
    Head h = normalHeads.stream().min(best).orElseThrow();
    CallReason.Rule rule;
    int row = 0;
    if (!priorityHeads.isEmpty()) {
      rule = CallReason.Rule.NORMALS_TURN;
      row = rules.priorityMode() == CallPolicy.PriorityMode.RATIO ? streaks.normals() : streaks.priority();
    } else if (overTarget(h, targetMillis, nowMillis) && !desk.weights().containsKey(h.service())) {
      rule = CallReason.Rule.BACKUP_OVER_TARGET;
    } else if (rules.escalation() && overTarget(h, targetMillis, nowMillis) && normalHeads.size() > 1) {
      rule = CallReason.Rule.OVER_TARGET;
    } else if (normalHeads.size() == 1) {
      rule = CallReason.Rule.ONLY_ONE;
    } else {
      rule = CallReason.Rule.WEIGHTED_WAIT;
    }
    return Optional.of(decision(h, rule, row, normalHeads.size(), desk, targetMillis, nowMillis));
  }

  /** Escalated first (most over target first), then the aged weighted wait, then queue order. */
  private static Comparator<Head> best(Desk desk, Map<String, Long> targetMillis, long nowMillis, Rules rules) {
    Comparator<Head> byScore = Comparator.comparingLong(
        (Head h) -> agedScore(h.waitedSeconds(nowMillis), desk.weight(h.service()), rules.agingPerHour())).reversed();
    if (!rules.escalation()) {
      return byScore.thenComparing(ORDER);
    }
    Comparator<Head> escalated = (a, b) -> {
      boolean oa = overTarget(a, targetMillis, nowMillis);
      boolean ob = overTarget(b, targetMillis, nowMillis);
      if (oa != ob) {
        return oa ? -1 : 1;
      }
      if (!oa) {
        return 0;
      }
      // a.w / a.T against b.w / b.T, exactly: the larger ratio first
      long left = a.waitedSeconds(nowMillis) * targetSeconds(b, targetMillis);
      long right = b.waitedSeconds(nowMillis) * targetSeconds(a, targetMillis);
      return Long.compare(right, left);
    };
    return escalated.thenComparing(byScore).thenComparing(ORDER);
  }

  /** {@code w × (weight × 3600 + aging × w)}: weight × w in weight-hours, plus aging × w² (exact in a double). */
  public static long agedScore(long waitedSeconds, int weight, int agingPerHour) {
    return waitedSeconds * (weight * 3600L + agingPerHour * waitedSeconds);
  }

  private static long targetSeconds(Head h, Map<String, Long> targetMillis) {
    return targetMillis.getOrDefault(h.service(), 0L) / 1000;
  }

  /** Whether the ticket waited at least its field's target (a field without target never is). */
  static boolean overTarget(Head h, Map<String, Long> targetMillis, long nowMillis) {
    long target = targetSeconds(h, targetMillis);
    return target > 0 && h.waitedSeconds(nowMillis) >= target;
  }

  private static Decision decision(Head h, CallReason.Rule rule, int row, int candidates, Desk desk,
                                   Map<String, Long> targetMillis, long nowMillis) {
    return new Decision(h, new CallReason(rule, h.service(), h.waitedSeconds(nowMillis), desk.weight(h.service()),
        targetSeconds(h, targetMillis), row, candidates));
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

  /** The counter's priority streak after a call: one more for priority, back to zero for normal. */
  public static int nextStreak(int streak, boolean calledPriority) {
    return calledPriority ? streak + 1 : 0;
  }
}
