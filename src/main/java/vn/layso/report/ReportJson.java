package vn.layso.report;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import vn.layso.history.domain.Distribution;
import vn.layso.history.domain.StaffTime;
import vn.layso.history.domain.Tally;
import vn.layso.report.domain.ReportRow;

/**
 * The served form of a report row (schema ReportRow): the contract's fields, then skipped,
 * appointments, rating percentages and, on staff rows, staff time. Minutes and percentages carry
 * one decimal; a figure with nothing behind it (no wait, no rating) is null.
 */
public final class ReportJson {

  private ReportJson() {
  }

  /** The row; {@code key} and {@code label} as the caller names it (a staff row's key is the username). */
  public static JsonObject row(String key, String label, ReportRow r, int levels) {
    Tally t = r.tally();
    JsonObject json = new JsonObject().put("key", key);
    if (label != null) {
      json.put("label", label);
    }
    json.put("issued", t.issuedCount()).put("served", t.servedCount()).put("noShow", t.noShowCount())
        .put("skipped", t.skippedCount()).put("cancelled", t.cancelledCount())
        .put("transferred", t.transferredCount()).put("expired", t.expiredCount())
        .put("waitMinutes", minutes(t.waits())).put("serviceMinutes", minutes(t.services()))
        .put("withinTargetPct", withinTargetPct(t))
        .put("ratings", ratings(r.ratings(), levels))
        .put("appointments", new JsonObject().put("booked", r.appointments().booked())
            .put("checkedIn", r.appointments().checkedIn()).put("noShow", r.appointments().noShow()));
    if (r.staffTime() != null) {
      json.put("staffTime", staffTime(r.staffTime()));
    }
    return json;
  }

  /** The share (%) of waits within their field's target; null without a wait. */
  public static Double withinTargetPct(Tally t) {
    long waits = t.waits().count();
    return waits == 0 ? null : round1(100.0 * t.withinTargetCount() / waits);
  }

  private static JsonObject minutes(Distribution d) {
    return new JsonObject().put("mean", minutes(d.mean())).put("p50", minutes(d.percentile(0.5)))
        .put("p90", minutes(d.percentile(0.9)));
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

  private static JsonObject ratings(Map<Integer, Long> counts, int levels) {
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    JsonObject byLevel = new JsonObject();
    JsonObject percent = new JsonObject();
    for (int level = levels; level >= 1; level--) {
      long n = counts.getOrDefault(level, 0L);
      byLevel.put(Integer.toString(level), n);
      percent.put(Integer.toString(level), total == 0 ? null : round1(100.0 * n / total));
    }
    return new JsonObject().put("count", total).put("levels", byLevel).put("percent", percent);
  }

  private static JsonObject staffTime(StaffTime s) {
    // a pause without a reason counts as "khac" (other), the console's own fallback
    Map<String, Double> minutes = new TreeMap<>();
    s.pausedSeconds().forEach((reason, secs) -> minutes.merge(reason.isEmpty() ? "khac" : reason, secs / 60.0, Double::sum));
    JsonObject paused = new JsonObject();
    minutes.forEach((reason, m) -> paused.put(reason, round1(m)));
    return new JsonObject().put("sessionMinutes", round1(s.sessionSeconds() / 60.0))
        .put("servingMinutes", round1(s.servingSeconds() / 60.0))
        .put("idleWhileWaitingMinutes", round1(s.idleWhileWaitingSeconds() / 60.0))
        .put("pausedMinutes", paused);
  }

  static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
