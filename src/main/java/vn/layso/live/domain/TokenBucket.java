package vn.layso.live.domain;

import java.util.function.LongSupplier;

/**
 * A token bucket: up to {@code capacity} actions at once, then one more per {@code refillMillis}.
 * The clock is injected (milliseconds, monotonic in production) so the rule is testable.
 * Not thread-safe: one socket's bucket lives on that socket's event loop.
 */
public final class TokenBucket {

  private final int capacity;
  private final long refillMillis;
  private final LongSupplier clock;
  private int tokens;
  private long refilledAt;

  public TokenBucket(int capacity, long refillMillis, LongSupplier clock) {
    if (capacity < 1 || refillMillis < 1) {
      throw new IllegalArgumentException("a bucket needs a capacity and a refill interval");
    }
    this.capacity = capacity;
    this.refillMillis = refillMillis;
    this.clock = clock;
    this.tokens = capacity;
    this.refilledAt = clock.getAsLong();
  }

  /** Takes a token if there is one: true when the action may go ahead. */
  public boolean tryTake() {
    long now = clock.getAsLong();
    long earned = (now - refilledAt) / refillMillis;
    if (earned > 0) {
      tokens = (int) Math.min(capacity, tokens + earned);
      refilledAt = tokens == capacity ? now : refilledAt + earned * refillMillis;
    }
    if (tokens == 0) {
      return false;
    }
    tokens--;
    return true;
  }
}
