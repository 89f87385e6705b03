package vn.layso.queue;

import vn.layso.office.domain.Office;
import vn.layso.queue.domain.CallNextPolicy;

/** An office's call-next limits (see CallNextPolicy): from its office JSON, with defaults. */
public final class QueueLimits {

  /** Appointment calls in a row at one counter before a long-waiting walk-in goes first. */
  public static final int MAX_APPOINTMENTS_IN_ROW = 2;
  /** How long a walk-in must have waited for the appointment limit to apply. */
  public static final int WALK_IN_MAX_WAIT_MINUTES = 20;

  private QueueLimits() {
  }

  public static CallNextPolicy.Limits of(Office office) {
    return new CallNextPolicy.Limits(office.maxPriorityInRow(), MAX_APPOINTMENTS_IN_ROW,
        WALK_IN_MAX_WAIT_MINUTES * 60_000L);
  }
}
