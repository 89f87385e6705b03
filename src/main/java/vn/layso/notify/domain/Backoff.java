package vn.layso.notify.domain;

import java.time.Duration;

/**
 * When a failed send is tried again: base x 2^(attempt-1), capped, plus up to a quarter of jitter
 * (so servers that failed together do not retry together); after {@code maxAttempts} sends the
 * notification is dead-lettered.
 */
public record Backoff(Duration base, Duration cap, int maxAttempts) {

  public Backoff {
    if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0 || maxAttempts < 1) {
      throw new IllegalArgumentException("backoff needs 0 < base <= cap and at least one attempt");
    }
  }

  /** Delay after the {@code attempt}-th failed send (1-based); {@code random} in [0, 1). */
  public Duration after(int attempt, double random) {
    long base = this.base.toMillis();
    long delay = attempt >= 31 ? cap.toMillis() : Math.min(cap.toMillis(), base << Math.max(0, attempt - 1));
    return Duration.ofMillis(delay + (long) (delay * 0.25 * random));
  }

  public boolean exhausted(int attempts) {
    return attempts >= maxAttempts;
  }
}
