package vn.layso.queue.domain;

/**
 * The first estimate of a wait: the citizens ahead, times the field's average service time,
 * shared among the counters that may serve the field. Rounded up to whole minutes.
 */
public final class WaitEstimator {

  private WaitEstimator() {
  }

  public static int minutes(int position, int avgServiceMinutes, int counters) {
    if (position <= 1) {
      return 0;
    }
    int ahead = position - 1;
    return (int) Math.ceil((double) ahead * avgServiceMinutes / Math.max(1, counters));
  }
}
