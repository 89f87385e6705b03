package vn.layso.history;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import vn.layso.history.domain.DaySummary;
import vn.layso.history.domain.Distribution;
import vn.layso.history.domain.Tally;

/**
 * The stored and served form of a day summary (schema DaySummary in the OpenAPI document). Every
 * distribution carries its exact count, sum, min and max, estimated percentiles, and the
 * histogram: the non-empty buckets keyed by their lower edge in minutes (one-minute buckets to
 * 60, five-minute buckets to 240, then one open bucket "240").
 */
public final class SummaryJson {

  /** Bumped when the stored form changes, so later readers know what they hold. */
  private static final int SCHEMA_VERSION = 1;

  private SummaryJson() {
  }

  public static JsonObject of(DaySummary s) {
    return new JsonObject()
        .put("schemaVersion", SCHEMA_VERSION)
        .put("office", s.office())
        .put("date", s.date().toString())
        .put("tickets", new JsonObject().put("issued", s.issued()).put("served", s.served())
            .put("noShow", s.noShow()).put("expired", s.expired()).put("cancelled", s.cancelled())
            .put("transferred", s.transferred()).put("priority", s.priority()))
        .put("wait", distribution(s.all().waits()))
        .put("service", distribution(s.all().services()))
        .put("byField", groups(s.byField()))
        .put("byCounter", groups(s.byCounter()))
        .put("byStaff", groups(s.byStaff()))
        .put("byHour", groups(s.byHour()));
  }

  private static JsonObject groups(Map<String, Tally> tallies) {
    JsonObject out = new JsonObject();
    tallies.forEach((key, t) -> out.put(key, new JsonObject()
        .put("issued", t.issuedCount()).put("served", t.servedCount()).put("noShow", t.noShowCount())
        .put("expired", t.expiredCount()).put("transferred", t.transferredCount())
        .put("wait", distribution(t.waits())).put("service", distribution(t.services()))));
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

  private static long seconds(Distribution d, double q) {
    return Math.round(d.percentile(q).orElseThrow());
  }
}
