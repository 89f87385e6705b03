package vn.layso.history.domain;

import java.util.OptionalDouble;

/**
 * A distribution of durations in whole seconds, kept as a fixed histogram so that a report can
 * draw it and estimate any percentile without the raw values: one-minute buckets up to 60
 * minutes, five-minute buckets up to 240 minutes, then one open bucket; count, sum, minimum and
 * maximum are exact. The bucket edges never change, so stored days stay comparable.
 */
public final class Distribution {

  private static final long MINUTE = 60;
  private static final long FINE_END = 60 * MINUTE;
  private static final long COARSE_END = 240 * MINUTE;
  private static final long COARSE_WIDTH = 5 * MINUTE;
  private static final int FINE_BUCKETS = (int) (FINE_END / MINUTE);
  private static final int COARSE_BUCKETS = (int) ((COARSE_END - FINE_END) / COARSE_WIDTH);
  /** 60 one-minute buckets, 36 five-minute buckets and the open one from 240 minutes on. */
  public static final int BUCKETS = FINE_BUCKETS + COARSE_BUCKETS + 1;

  private final long[] counts = new long[BUCKETS];
  private long count;
  private long sum;
  private long min = Long.MAX_VALUE;
  private long max;

  /** Adds one duration; a negative one (a clock stepped back) counts as zero. */
  public void add(long seconds) {
    long s = Math.max(0, seconds);
    counts[bucketOf(s)]++;
    count++;
    sum += s;
    min = Math.min(min, s);
    max = Math.max(max, s);
  }

  /**
   * A distribution read back from its stored form: the count of each bucket (by index), and the
   * exact count, sum, minimum and maximum.
   */
  public static Distribution restore(long[] buckets, long count, long sum, long min, long max) {
    Distribution d = new Distribution();
    System.arraycopy(buckets, 0, d.counts, 0, Math.min(buckets.length, BUCKETS));
    d.count = count;
    d.sum = sum;
    d.min = count == 0 ? Long.MAX_VALUE : min;
    d.max = max;
    return d;
  }

  /** Adds another distribution's values: the same fixed buckets make the merge exact. */
  public Distribution merge(Distribution o) {
    if (o.count == 0) {
      return this;
    }
    for (int i = 0; i < BUCKETS; i++) {
      counts[i] += o.counts[i];
    }
    count += o.count;
    sum += o.sum;
    min = Math.min(min, o.min);
    max = Math.max(max, o.max);
    return this;
  }

  /** The mean in seconds; empty while empty. */
  public OptionalDouble mean() {
    return count == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) sum / count);
  }

  /** The bucket a duration falls in: [lowerBound(i), upperBound(i)). */
  public static int bucketOf(long seconds) {
    if (seconds < FINE_END) {
      return (int) (seconds / MINUTE);
    }
    if (seconds < COARSE_END) {
      return FINE_BUCKETS + (int) ((seconds - FINE_END) / COARSE_WIDTH);
    }
    return BUCKETS - 1;
  }

  /** The first second of bucket {@code i}. */
  public static long lowerBound(int i) {
    if (i < FINE_BUCKETS) {
      return i * MINUTE;
    }
    return FINE_END + (i - FINE_BUCKETS) * COARSE_WIDTH;
  }

  /** The end (exclusive) of bucket {@code i}; the open bucket ends after the largest value seen. */
  private long upperBound(int i) {
    return i == BUCKETS - 1 ? Math.max(COARSE_END, max) : lowerBound(i + 1);
  }

  public long count() {
    return count;
  }

  public long sum() {
    return sum;
  }

  /** The smallest duration; 0 while empty. */
  public long min() {
    return count == 0 ? 0 : min;
  }

  public long max() {
    return max;
  }

  public long bucketCount(int i) {
    return counts[i];
  }

  /**
   * Estimates the {@code q}-quantile (0 < q <= 1) in seconds: it finds the bucket that holds the
   * q·count-th value and interpolates linearly inside it, the bucket clipped to [min, max] so that
   * an edge bucket (or a distribution of one value) gives exact answers. Empty: no estimate.
   */
  public OptionalDouble percentile(double q) {
    if (q <= 0 || q > 1) {
      throw new IllegalArgumentException("quantile must be in (0, 1]: " + q);
    }
    if (count == 0) {
      return OptionalDouble.empty();
    }
    double rank = q * count;
    long before = 0;
    for (int i = 0; i < BUCKETS; i++) {
      long here = counts[i];
      if (here > 0 && before + here >= rank) {
        double low = Math.max(lowerBound(i), min);
        double high = Math.min(upperBound(i), max);
        double within = (rank - before) / here;
        return OptionalDouble.of(low + within * (high - low));
      }
      before += here;
    }
    return OptionalDouble.of(max);
  }
}
