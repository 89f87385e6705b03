package vn.layso.store.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How often a crashed process may be restarted: at most {@code max} restarts within any
 * {@code window}. Past that, something is wrong that a restart will not mend (a full disk, a
 * broken data file, a port taken by another program), and the owner should give up loudly.
 */
final class RestartBudget {

  private final int max;
  private final Duration window;
  private final Deque<Instant> restarts = new ArrayDeque<>();

  RestartBudget(int max, Duration window) {
    this.max = max;
    this.window = window;
  }

  /** Records a restart at {@code now} and answers true, or answers false when the budget is spent. */
  synchronized boolean tryAcquire(Instant now) {
    while (!restarts.isEmpty() && !restarts.peekFirst().isAfter(now.minus(window))) {
      restarts.removeFirst();
    }
    if (restarts.size() >= max) {
      return false;
    }
    restarts.addLast(now);
    return true;
  }

  int max() {
    return max;
  }

  Duration window() {
    return window;
  }
}
