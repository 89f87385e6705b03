package vn.layso.predict.domain;

import vn.layso.queue.domain.Estimate;

/**
 * One called ticket's prediction next to what happened: the people ahead and the median and 90th
 * percentile shown when the ticket was handed out, the raw model's median and 90th percentile
 * before calibration (the shown ones for a prediction made without calibration), the wait it had
 * (ms, from its effective arrival: issue, or an appointment's slot start when checked in before
 * it, to its call), and its field (null when not recorded: outcomes of the first release).
 */
public record Outcome(int ahead, long p50Millis, long p90Millis, long rawP50Millis, long rawP90Millis,
                      long actualMillis, String field) {

  public Outcome {
    if (ahead < 0 || p50Millis < 0 || p90Millis < 0 || rawP50Millis < 0 || rawP90Millis < 0 || actualMillis < 0) {
      throw new IllegalArgumentException("an outcome needs non-negative values");
    }
  }

  /** An outcome without its field. */
  public Outcome(int ahead, long p50Millis, long p90Millis, long rawP50Millis, long rawP90Millis, long actualMillis) {
    this(ahead, p50Millis, p90Millis, rawP50Millis, rawP90Millis, actualMillis, null);
  }

  /** An outcome of an uncalibrated prediction: raw = shown. */
  public Outcome(int ahead, long p50Millis, long p90Millis, long actualMillis) {
    this(ahead, p50Millis, p90Millis, p50Millis, p90Millis, actualMillis, null);
  }

  /** An outcome of an uncalibrated prediction in {@code field}: raw = shown. */
  public Outcome(int ahead, long p50Millis, long p90Millis, long actualMillis, String field) {
    this(ahead, p50Millis, p90Millis, p50Millis, p90Millis, actualMillis, field);
  }

  public Outcome(Estimate given, long actualMillis) {
    this(given.ahead(), given.p50Millis(), given.p90Millis(), given.rawP50Millis(), given.rawP90Millis(),
        actualMillis, null);
  }

  /** The same ticket as the raw model predicted it (what {@link Calibration} learns from). */
  public Outcome raw() {
    return new Outcome(ahead, rawP50Millis, rawP90Millis, rawP50Millis, rawP90Millis, actualMillis, field);
  }

  /** |actual − median| in ms. */
  public long absoluteErrorMillis() {
    return Math.abs(actualMillis - p50Millis);
  }

  /**
   * The error relative to the actual wait; waits under a minute count as one minute, so a ticket
   * called at once does not divide by nothing.
   */
  public double relativeError() {
    return absoluteErrorMillis() / (double) Math.max(Accuracy.MINUTE, actualMillis);
  }

  public boolean withinP90() {
    return actualMillis <= p90Millis;
  }
}
