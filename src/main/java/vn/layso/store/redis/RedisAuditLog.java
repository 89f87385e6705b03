package vn.layso.store.redis;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import vn.layso.audit.AuditLog;
import vn.layso.audit.domain.AuditEntry;
import vn.layso.queue.domain.ServiceDay;

/** The audit log as one list per office and day (JSON entries, oldest first), each living as long as the history. */
public final class RedisAuditLog implements AuditLog {

  private final RedisStore redis;
  private final Duration keep;

  public RedisAuditLog(RedisStore redis, Duration keep) {
    this.redis = redis;
    this.keep = keep;
  }

  @Override
  public Future<Void> record(String office, ZoneId zone, AuditEntry e) {
    String key = Keys.audit(office, ServiceDay.key(LocalDate.ofInstant(e.at(), zone)));
    JsonObject json = new JsonObject().put("at", e.at().toEpochMilli()).put("actor", e.actor())
        .put("action", e.action()).put("target", e.target()).put("before", e.before()).put("after", e.after());
    return redis.call(c -> c.rpush(key, json.encode()).thenCompose(n -> c.expire(key, keep.toSeconds())))
        .mapEmpty();
  }

  @Override
  public Future<List<AuditEntry>> read(String office, LocalDate from, LocalDate to) {
    List<Future<List<String>>> days = new ArrayList<>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      String key = Keys.audit(office, ServiceDay.key(day));
      days.add(redis.call(c -> c.lrange(key, 0, -1)));
    }
    return Future.all(days).map(all -> {
      List<AuditEntry> entries = new ArrayList<>();
      for (int i = 0; i < days.size(); i++) {
        for (String raw : all.<List<String>>resultAt(i)) {
          JsonObject j = new JsonObject(raw);
          entries.add(new AuditEntry(Instant.ofEpochMilli(j.getLong("at")), j.getString("actor"),
              j.getString("action"), j.getString("target"), j.getString("before"), j.getString("after")));
        }
      }
      return entries;
    });
  }
}
