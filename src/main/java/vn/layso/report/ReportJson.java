package vn.layso.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import vn.layso.history.domain.Distribution;
import vn.layso.history.domain.StaffTime;
import vn.layso.history.domain.Tally;
import vn.layso.report.domain.ReportRow;

/**
 * Builds the served form of a report row (the record {@link ReportView.Row}, schema ReportRow): the contract's fields, then skipped,
 * appointments, rating percentages and, on staff rows, staff time. Minutes and percentages carry
 * one decimal; a figure with nothing behind it (no wait, no rating) is null.
 */
public final class ReportJson {

  private ReportJson() {
  }

  /** The row; {@code key} and {@code label} as the caller names it (a staff row's key is the username). */
  public static ReportView.Row row(String key, String label, ReportRow r, int levels) {
    Tally t = r.tally();
    return new ReportView.Row(key, label, t.issuedCount(), t.servedCount(), t.noShowCount(), t.skippedCount(),
        t.cancelledCount(), t.transferredCount(), t.expiredCount(), minutes(t.waits()), minutes(t.services()),
        withinTargetPct(t), ratings(r.ratings(), levels),
        new ReportView.Appointments(r.appointments().booked(), r.appointments().checkedIn(), r.appointments().noShow()),
        r.staffTime() == null ? null : staffTime(r.staffTime()));
  }

  /** The share (%) of waits within their field's target; null without a wait. */
  public static Double withinTargetPct(Tally t) {
    long waits = t.waits().count();
    return waits == 0 ? null : round1(100.0 * t.withinTargetCount() / waits);
  }

  private static ReportView.Minutes minutes(Distribution d) {
    return new ReportView.Minutes(minutes(d.mean()), minutes(d.percentile(0.5)), minutes(d.percentile(0.9)));
  }

  private static Double minutes(OptionalDouble seconds) {
    return seconds.isPresent() ? round1(seconds.getAsDouble() / 60) : null;
  }

  /**
   * The office's rating levels ({@code ratings.levels}, 3 or 5), unless the period holds a rating
   * above them (given before the office went from 5 levels to 3): then 5, so that no rating drops
   * out of the report.
   */
  public static int levels(int configured, Map<Integer, Long> ratings) {
    int highest = ratings.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    return highest > configured ? 5 : configured;
  }

  private static ReportView.Ratings ratings(Map<Integer, Long> counts, int levels) {
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    Map<String, Long> byLevel = new LinkedHashMap<>();
    Map<String, Double> percent = new LinkedHashMap<>();
    for (int level = levels; level >= 1; level--) {
      long n = counts.getOrDefault(level, 0L);
      byLevel.put(Integer.toString(level), n);
      percent.put(Integer.toString(level), total == 0 ? null : round1(100.0 * n / total));
    }
    return new ReportView.Ratings(total, byLevel, percent);
  }

  private static ReportView.StaffTimeView staffTime(StaffTime s) {
    // a pause without a reason counts as "khac" (other), the console's own fallback
    Map<String, Double> minutes = new TreeMap<>();
    s.pausedSeconds().forEach((reason, secs) -> minutes.merge(reason.isEmpty() ? "khac" : reason, secs / 60.0, Double::sum));
    Map<String, Double> paused = new LinkedHashMap<>();
    minutes.forEach((reason, m) -> paused.put(reason, round1(m)));
    return new ReportView.StaffTimeView(round1(s.sessionSeconds() / 60.0), round1(s.servingSeconds() / 60.0),
        round1(s.idleWhileWaitingSeconds() / 60.0), paused);
  }

  static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
