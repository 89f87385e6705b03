package vn.layso.rating.domain;

/**
 * An office's rating settings: how many levels its citizens choose from (3, the default, or 5) and
 * how long after DONE a ticket may be rated ({@code windowHours}, default 24).
 */
public record RatingSettings(int levels, int windowHours) {

  public static final int MAX_WINDOW_HOURS = 24 * 30;
  public static final RatingSettings DEFAULTS = new RatingSettings(3, 24);

  public RatingSettings {
    if (levels != 3 && levels != 5) {
      throw new IllegalArgumentException("ratings.levels must be 3 or 5");
    }
    if (windowHours < 1 || windowHours > MAX_WINDOW_HOURS) {
      throw new IllegalArgumentException("ratings.windowHours must be 1.." + MAX_WINDOW_HOURS);
    }
  }

  public java.time.Duration window() {
    return java.time.Duration.ofHours(windowHours);
  }
}
