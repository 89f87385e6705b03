package vn.layso.predict.domain;

/**
 * Turns live service-time statistics (exponentially weighted means) into the means the predictor
 * uses, so that a handful of samples cannot swing a prediction far from what the office configured.
 */
public final class ServiceTimes {

  /** The configured average counts as this many samples until live ones outweigh it. */
  static final int PRIOR_SAMPLES = 3;
  /** A counter's own mean stays within this factor of its field's mean (its EWMA starts at one sample). */
  static final double COUNTER_FACTOR = 3.0;

  private ServiceTimes() {
  }

  /**
   * A field's mean service time (ms): its live EWMA over {@code count} completions, weighed against
   * the configured average as {@value #PRIOR_SAMPLES} samples; the configured average alone without
   * live data.
   */
  public static long fieldMean(Double ewmaMillis, long count, long configuredMillis) {
    if (ewmaMillis == null || count <= 0 || !(ewmaMillis > 0)) {
      return Math.max(1, configuredMillis);
    }
    double blended = (count * ewmaMillis + PRIOR_SAMPLES * (double) configuredMillis) / (count + PRIOR_SAMPLES);
    return Math.max(1, Math.round(blended));
  }

  /** A counter's mean on a field (ms): its own EWMA within a factor 3 of the field's mean; the field's without one. */
  public static long counterMean(Double ewmaMillis, long fieldMeanMillis) {
    if (ewmaMillis == null || !(ewmaMillis > 0)) {
      return fieldMeanMillis;
    }
    double low = fieldMeanMillis / COUNTER_FACTOR;
    double high = fieldMeanMillis * COUNTER_FACTOR;
    return Math.max(1, Math.round(Math.min(high, Math.max(low, ewmaMillis))));
  }

  /**
   * A field's live mean pooled over the counters that served it: each counter's EWMA weighted by
   * its completions there (so the field's count is theirs together). Counters keep their own means
   * (they are read with the rest of the counter's state); the field's is derived from them here.
   */
  public static final class Pool {
    private double weighted;
    private long count;

    /** Adds one counter's mean (ms) over its count of completions; a mean or count that is no number or not positive is skipped. */
    public void add(Double meanMillis, long completions) {
      if (meanMillis == null || !(meanMillis > 0) || completions <= 0) {
        return;
      }
      weighted += meanMillis * completions;
      count += completions;
    }

    /** The pooled mean (ms), or null without any sample. */
    public Double mean() {
      return count == 0 ? null : weighted / count;
    }

    public long count() {
      return count;
    }
  }
}
