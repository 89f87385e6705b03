package vn.layso.queue.domain;

import java.util.Locale;
import java.util.Objects;

/**
 * An office's call-next settings beyond the priority cap (office JSON {@code callPolicy}; see
 * CallNextPolicy for how they apply):
 * <ul>
 *   <li>{@code priority}: {@code STRICT} (priority tickets first, with the office's
 *       {@code maxPriorityInRow} cap) or {@code RATIO} (one priority call after every
 *       {@code normalsPerPriority} normal calls while normal tickets wait);</li>
 *   <li>{@code maxAppointmentsInRow} appointment calls in a row at a counter before a walk-in who
 *       waited {@code walkInMaxWaitMinutes} goes first (0: no such rule);</li>
 *   <li>{@code agingPerHour}: how much a waiting ticket's weight grows per hour waited, so that a
 *       light field's citizens are never starved by a heavy field's (0: weights never change);</li>
 *   <li>{@code escalation}: a ticket waiting past its field's target goes before those within it.</li>
 * </ul>
 */
public record CallPolicy(PriorityMode priority, int normalsPerPriority, int maxAppointmentsInRow,
                         int walkInMaxWaitMinutes, int agingPerHour, boolean escalation) {

  /** How priority tickets take turns with normal ones. */
  public enum PriorityMode {
    STRICT, RATIO;

    public static PriorityMode parse(String text) {
      for (PriorityMode mode : values()) {
        if (mode.name().equalsIgnoreCase(text)) {
          return mode;
        }
      }
      throw new IllegalArgumentException("callPolicy.priority: '" + text + "' is not one of [strict, ratio]");
    }

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static final int MAX_AGING_PER_HOUR = 100;

  /** The defaults, tuned with scripts/simulate (docs/simulation.md). */
  public static final CallPolicy DEFAULTS = new CallPolicy(PriorityMode.STRICT, 2, 2, 20, 6, true);

  public CallPolicy {
    Objects.requireNonNull(priority, "callPolicy.priority");
    if (normalsPerPriority < 1 || normalsPerPriority > 100) {
      throw new IllegalArgumentException("callPolicy.normalsPerPriority must be 1..100");
    }
    if (maxAppointmentsInRow < 0 || maxAppointmentsInRow > 100) {
      throw new IllegalArgumentException("callPolicy.maxAppointmentsInRow must be 0..100");
    }
    if (walkInMaxWaitMinutes < 0 || walkInMaxWaitMinutes > 480) {
      throw new IllegalArgumentException("callPolicy.walkInMaxWaitMinutes must be 0..480");
    }
    if (agingPerHour < 0 || agingPerHour > MAX_AGING_PER_HOUR) {
      throw new IllegalArgumentException("callPolicy.agingPerHour must be 0.." + MAX_AGING_PER_HOUR);
    }
  }
}
