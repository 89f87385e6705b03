package vn.layso.queue.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A field's queue at one moment, as the console's live board shows it: how many wait, since when
 * the longest-waiting of them has waited (its effective arrival: issue, transfer keeps the issue,
 * an appointment's slot start; null when nobody waits), and the field's target wait.
 */
public record FieldWait(String service, int waiting, Instant oldestArrival, int targetWaitMinutes) {

  /** How long the longest-waiting citizen has waited by {@code now}; empty when nobody waits. */
  public Optional<Duration> oldestWait(Instant now) {
    if (waiting == 0 || oldestArrival == null) {
      return Optional.empty();
    }
    Duration waited = Duration.between(oldestArrival, now);
    return Optional.of(waited.isNegative() ? Duration.ZERO : waited);
  }

  /** Whether the longest wait has passed the field's target (the alert a manager acts on). */
  public boolean overTarget(Instant now) {
    return oldestWait(now).map(w -> w.compareTo(Duration.ofMinutes(targetWaitMinutes)) > 0).orElse(false);
  }
}
