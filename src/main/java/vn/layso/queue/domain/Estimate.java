package vn.layso.queue.domain;

/**
 * A predicted wait: its median and 90th percentile in milliseconds (what the holder is shown), the
 * people ahead in the field it was predicted for, and the raw model's median and 90th percentile
 * before {@link Calibration} (equal to the shown ones for an uncalibrated estimate). The wait of an
 * appointment whose slot has not started counts from the slot's start.
 */
public record Estimate(long p50Millis, long p90Millis, int ahead, long rawP50Millis, long rawP90Millis) {

  private static final long MINUTE = 60_000L;

  public Estimate {
    if (p50Millis < 0 || p90Millis < p50Millis || ahead < 0 || rawP50Millis < 0 || rawP90Millis < rawP50Millis) {
      throw new IllegalArgumentException("an estimate needs 0 <= p50 <= p90 (shown and raw) and ahead >= 0");
    }
  }

  /** An uncalibrated estimate: the raw model's values are the shown ones. */
  public Estimate(long p50Millis, long p90Millis, int ahead) {
    this(p50Millis, p90Millis, ahead, p50Millis, p90Millis);
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
