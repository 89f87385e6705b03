package vn.layso.history;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import vn.layso.history.domain.DayFigures;
import vn.layso.history.domain.DaySummary;
import vn.layso.history.domain.Distribution;
import vn.layso.history.domain.StaffTime;
import vn.layso.history.domain.Tally;

/**
 * The stored and served form of a day summary (schema DaySummary in the OpenAPI document). Every
 * distribution carries its exact count, sum, min and max, estimated percentiles, and the
 * histogram: the non-empty buckets keyed by their lower edge in minutes (one-minute buckets to
 * 60, five-minute buckets to 240, then one open bucket "240").
 *
 * <p>Schema 2 adds per group {@code skipped}, {@code cancelled} and {@code withinTarget} (waits
 * within the field's target), the day's {@code skipped}, and {@code staffTime} per account. A
 * schema 1 summary reads back with those at zero ({@link #figures}).
 */
public final class SummaryJson {

  /** Bumped when the stored form changes, so later readers know what they hold. */
  public static final int SCHEMA_VERSION = 2;

  private SummaryJson() {
  }

  public static JsonObject of(DaySummary s) {
    return new JsonObject()
        .put("schemaVersion", SCHEMA_VERSION)
        .put("office", s.office())
        .put("date", s.date().toString())
        .put("tickets", new JsonObject().put("issued", s.issued()).put("served", s.served())
            .put("noShow", s.noShow()).put("skipped", s.skipped()).put("expired", s.expired())
            .put("cancelled", s.cancelled()).put("transferred", s.transferred()).put("priority", s.priority()))
        .put("wait", distribution(s.all().waits()))
        .put("service", distribution(s.all().services()))
        .put("all", tally(s.all()))
        .put("byField", groups(s.byField()))
        .put("byCounter", groups(s.byCounter()))
        .put("byStaff", groups(s.byStaff()))
        .put("byHour", groups(s.byHour()))
        .put("staffTime", staffTime(s.staffTime()));
  }

  /** Reads a stored summary (any schema) back into the figures a report merges. */
  public static DayFigures figures(JsonObject json) {
    LocalDate date = LocalDate.parse(json.getString("date"));
    JsonObject allJson = json.getJsonObject("all");
    Tally all;
    if (allJson != null) {
      all = readTally(allJson);
    } else {
      // schema 1: the day's counts by final status and its two distributions
      JsonObject t = json.getJsonObject("tickets", new JsonObject());
      all = Tally.restore(new int[] {t.getInteger("issued", 0), t.getInteger("served", 0), t.getInteger("noShow", 0),
          t.getInteger("skipped", 0), t.getInteger("cancelled", 0), t.getInteger("expired", 0), 0, 0},
          readDistribution(json.getJsonObject("wait")), readDistribution(json.getJsonObject("service")));
    }
    return new DayFigures(date, all, readGroups(json.getJsonObject("byField")),
        readGroups(json.getJsonObject("byCounter")), readGroups(json.getJsonObject("byStaff")),
        readGroups(json.getJsonObject("byHour")), readStaffTime(json.getJsonObject("staffTime")));
  }

  private static JsonObject groups(Map<String, Tally> tallies) {
    JsonObject out = new JsonObject();
    tallies.forEach((key, t) -> out.put(key, tally(t)));
    return out;
  }

  private static JsonObject tally(Tally t) {
    return new JsonObject()
        .put("issued", t.issuedCount()).put("served", t.servedCount()).put("noShow", t.noShowCount())
        .put("skipped", t.skippedCount()).put("cancelled", t.cancelledCount())
        .put("expired", t.expiredCount()).put("transferred", t.transferredCount())
        .put("withinTarget", t.withinTargetCount())
        .put("wait", distribution(t.waits())).put("service", distribution(t.services()));
  }

  private static Map<String, Tally> readGroups(JsonObject json) {
    Map<String, Tally> out = new TreeMap<>();
    if (json != null) {
      json.forEach(e -> out.put(e.getKey(), readTally((JsonObject) e.getValue())));
    }
    return out;
  }

  private static Tally readTally(JsonObject g) {
    return Tally.restore(new int[] {g.getInteger("issued", 0), g.getInteger("served", 0), g.getInteger("noShow", 0),
        g.getInteger("skipped", 0), g.getInteger("cancelled", 0), g.getInteger("expired", 0),
        g.getInteger("transferred", 0), g.getInteger("withinTarget", 0)},
        readDistribution(g.getJsonObject("wait")), readDistribution(g.getJsonObject("service")));
  }

  private static JsonObject staffTime(Map<String, StaffTime> times) {
    JsonObject out = new JsonObject();
    times.forEach((account, t) -> out.put(account, new JsonObject()
        .put("sessionSeconds", t.sessionSeconds()).put("servingSeconds", t.servingSeconds())
        .put("idleWhileWaitingSeconds", t.idleWhileWaitingSeconds())
        .put("pausedSeconds", new JsonObject(new TreeMap<>(t.pausedSeconds())))));
    return out;
  }

  private static Map<String, StaffTime> readStaffTime(JsonObject json) {
    Map<String, StaffTime> out = new TreeMap<>();
    if (json != null) {
      json.forEach(e -> {
        JsonObject t = (JsonObject) e.getValue();
        Map<String, Long> paused = new TreeMap<>();
        t.getJsonObject("pausedSeconds", new JsonObject()).forEach(p -> paused.put(p.getKey(), ((Number) p.getValue()).longValue()));
        out.put(e.getKey(), new StaffTime(t.getLong("sessionSeconds", 0L), t.getLong("servingSeconds", 0L),
            t.getLong("idleWhileWaitingSeconds", 0L), paused));
      });
    }
    return out;
  }

  private static JsonObject distribution(Distribution d) {
    JsonObject buckets = new JsonObject();
    for (int i = 0; i < Distribution.BUCKETS; i++) {
      if (d.bucketCount(i) > 0) {
        buckets.put(Long.toString(Distribution.lowerBound(i) / 60), d.bucketCount(i));
      }
    }
    JsonObject json = new JsonObject().put("count", d.count()).put("sumSeconds", d.sum());
    if (d.count() > 0) {
      json.put("minSeconds", d.min()).put("maxSeconds", d.max())
          .put("p50Seconds", seconds(d, 0.5)).put("p90Seconds", seconds(d, 0.9)).put("p95Seconds", seconds(d, 0.95));
    }
    return json.put("buckets", buckets);
  }

  /** Reads a stored distribution: its buckets (keyed by lower edge in minutes) and exact figures. */
  static Distribution readDistribution(JsonObject json) {
    long[] buckets = new long[Distribution.BUCKETS];
    if (json == null) {
      return new Distribution();
    }
    json.getJsonObject("buckets", new JsonObject()).forEach(e ->
        buckets[Distribution.bucketOf(Long.parseLong(e.getKey()) * 60)] += ((Number) e.getValue()).longValue());
    return Distribution.restore(buckets, json.getLong("count", 0L), json.getLong("sumSeconds", 0L),
        json.getLong("minSeconds", 0L), json.getLong("maxSeconds", 0L));
  }

  private static long seconds(Distribution d, double q) {
    return Math.round(d.percentile(q).orElseThrow());
  }
}
