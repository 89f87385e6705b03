package vn.layso.queue.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which waiting ticket a counter gets when it presses "next". The rules, in order:
 * <ol>
 *   <li>Priority tickets before normal ones, except that after {@code maxPriorityInRow} priority
 *       calls in a row at this counter a waiting normal ticket goes first (0 means no limit), so
 *       normal citizens are never starved by a steady stream of priority ones.</li>
 *   <li>Within that class, across the fields the counter serves: the head ticket with the highest
 *       weighted wait, {@code weight × (now − arrival)}. A counter leans towards its heavier fields,
 *       yet a lighter field's wait keeps growing until it wins, so no queue starves.</li>
 *   <li>Ties go to the earlier arrival.</li>
 * </ol>
 * The call_next.lua script applies exactly these rules atomically; this class states them for
 * people and tests.
 */
public final class CallNextPolicy {

  /** The first waiting ticket of one field's queue (priority or normal). */
  public record Head(String ticketId, String service, boolean priority, long arrivalMillis) {
  }

  private CallNextPolicy() {
  }

  public static Optional<Head> choose(List<Head> heads, Map<String, Integer> weights, long nowMillis,
                                      int priorityStreak, int maxPriorityInRow) {
    List<Head> served = heads.stream().filter(h -> weights.containsKey(h.service())).toList();
    boolean anyPriority = served.stream().anyMatch(Head::priority);
    boolean anyNormal = served.stream().anyMatch(h -> !h.priority());
    boolean normalsTurn = maxPriorityInRow > 0 && priorityStreak >= maxPriorityInRow && anyNormal;
    boolean takePriority = anyPriority && !normalsTurn;
    Comparator<Head> best = Comparator
        .comparingLong((Head h) -> weightedWait(h, weights, nowMillis)).reversed()
        .thenComparingLong(Head::arrivalMillis);
    return served.stream().filter(h -> h.priority() == takePriority).min(best);
  }

  static long weightedWait(Head head, Map<String, Integer> weights, long nowMillis) {
    return weights.get(head.service()) * Math.max(0, nowMillis - head.arrivalMillis());
  }

  /** The counter's streak after a call: one more for priority, back to zero for normal. */
  public static int nextStreak(int streak, boolean calledPriority) {
    return calledPriority ? streak + 1 : 0;
  }
}
