package vn.layso.predict.domain;

/**
 * One called ticket's prediction next to what happened: the people ahead and the median and 90th
 * percentile given when the ticket was handed out, and the wait it had (ms, from its effective
 * arrival: issue, or an appointment's slot start when checked in before it, to its call).
 */
public record Outcome(int ahead, long p50Millis, long p90Millis, long actualMillis) {

  public Outcome {
    if (ahead < 0 || p50Millis < 0 || p90Millis < 0 || actualMillis < 0) {
      throw new IllegalArgumentException("an outcome needs non-negative values");
    }
  }

  public Outcome(Estimate given, long actualMillis) {
    this(given.ahead(), given.p50Millis(), given.p90Millis(), actualMillis);
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
