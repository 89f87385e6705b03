package vn.layso.predict.domain;

/**
 * A predicted wait: its median and 90th percentile in milliseconds, and the people ahead in the
 * field it was predicted for. The wait of an appointment whose slot has not started counts from
 * the slot's start.
 */
public record Estimate(long p50Millis, long p90Millis, int ahead) {

  private static final long MINUTE = 60_000L;

  public Estimate {
    if (p50Millis < 0 || p90Millis < p50Millis || ahead < 0) {
      throw new IllegalArgumentException("an estimate needs 0 <= p50 <= p90 and ahead >= 0");
    }
  }

  /** The median in whole minutes, rounded up (what a ticket's {@code estimatedWaitMinutes} says). */
  public int p50Minutes() {
    return minutes(p50Millis);
  }

  /** The 90th percentile in whole minutes, rounded up. */
  public int p90Minutes() {
    return minutes(p90Millis);
  }

  private static int minutes(long millis) {
    return (int) Math.min(Integer.MAX_VALUE, (millis + MINUTE - 1) / MINUTE);
  }
}
