package vn.layso.rating.domain;

import java.time.Duration;
import java.time.Instant;

/** When a ticket may be rated: it is DONE and its window after finishing has not passed. */
public final class RatingWindow {

  /** How long after DONE the counter's tablet offers the rating of the ticket it just completed. */
  public static final Duration TABLET = Duration.ofMinutes(5);

  private RatingWindow() {
  }

  public static boolean open(String status, Instant finishedAt, Duration window, Instant now) {
    return "DONE".equals(status) && finishedAt != null && !now.isAfter(finishedAt.plus(window));
  }

  /** True while the counter's tablet offers it: open, and finished at most {@link #TABLET} ago. */
  public static boolean onTablet(String status, Instant finishedAt, Duration window, Instant now) {
    return open(status, finishedAt, window, now) && !now.isAfter(finishedAt.plus(TABLET));
  }

  /** The end of the window (null when the ticket is not DONE). */
  public static Instant closesAt(String status, Instant finishedAt, Duration window) {
    return "DONE".equals(status) && finishedAt != null ? finishedAt.plus(window) : null;
  }
}
