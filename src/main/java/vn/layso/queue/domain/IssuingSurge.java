package vn.layso.queue.domain;

import java.util.List;
import java.util.Optional;

/**
 * Whether a field is issuing walk-in numbers far faster than it normally does: the alert on the
 * manager's board when a script (or a crowd) takes numbers. A field's rate is what it issued in the
 * last {@value #WINDOW_MINUTES} minutes, as tickets an hour; its normal rate is what it issued in the
 * same hour on the same weekday of past weeks ({@link #usual}), but never below a floor: the field's
 * counters' capacity (tickets they serve an hour) and {@value #MIN_NORMAL_PER_HOUR} an hour, so that a
 * quiet field's second ticket, or a new office without history, is no surge. The alert is raised when
 * the rate is at least {@code factor} times the normal.
 */
public final class IssuingSurge {

  public static final int WINDOW_MINUTES = 10;
  /** The lowest normal rate, tickets an hour: 2 in the window, so an alert needs 6 at factor 3. */
  public static final double MIN_NORMAL_PER_HOUR = 12;
  /** Past weeks whose same weekday gives a field's usual rate. */
  public static final int PAST_WEEKS = 4;

  private IssuingSurge() {
  }

  /** One past day's figures of a field and an hour: the field's tickets, the hour's, the day's. */
  public record PastDay(long fieldIssued, long hourIssued, long dayIssued) {
  }

  /** A field issuing {@code times} (rounded down) its normal rate. */
  public record Surge(String service, int issued, double perHour, double normalPerHour, int times) {
  }

  /**
   * A field's usual tickets in an hour, the mean over the past days given (those that had tickets);
   * a day's share of the hour is the field's share of the day (the summaries count by field and by
   * hour apart), 0 without history.
   */
  public static double usual(List<PastDay> days) {
    double sum = 0;
    int counted = 0;
    for (PastDay d : days) {
      if (d.dayIssued() <= 0) {
        continue;
      }
      sum += (double) d.fieldIssued() * d.hourIssued() / d.dayIssued();
      counted++;
    }
    return counted == 0 ? 0 : sum / counted;
  }

  /**
   * The field's counters' capacity, tickets an hour: each counter serving it as a main field at its
   * average service time.
   */
  public static double capacityPerHour(int counters, int avgServiceMinutes) {
    return avgServiceMinutes <= 0 ? 0 : counters * 60.0 / avgServiceMinutes;
  }

  /** The normal rate a field is judged against: its usual rate, its capacity and the floor, whichever is highest. */
  public static double normalPerHour(double usualPerHour, double capacityPerHour) {
    return Math.max(MIN_NORMAL_PER_HOUR, Math.max(usualPerHour, capacityPerHour));
  }

  /**
   * The alert for a field that issued {@code issued} tickets in the last {@value #WINDOW_MINUTES}
   * minutes, or empty when its rate is below {@code factor} times {@code normalPerHour}.
   */
  public static Optional<Surge> judge(String service, int issued, double normalPerHour, int factor) {
    double perHour = issued * 60.0 / WINDOW_MINUTES;
    if (issued <= 0 || perHour < factor * normalPerHour) {
      return Optional.empty();
    }
    return Optional.of(new Surge(service, issued, perHour, normalPerHour, (int) Math.floor(perHour / normalPerHour)));
  }
}
