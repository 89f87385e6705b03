package vn.layso.store.redis;

import io.lettuce.core.KeyValue;
import io.lettuce.core.Range;
import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import vn.layso.queue.domain.ServiceDay;
import vn.layso.report.ReportStore;

/**
 * The reports' reads on Redis: the summaries in one MGET (decoded later, where they are parsed),
 * pipelined HGETALLs, one per day; no writes.
 */
public final class RedisReportStore implements ReportStore {

  private final RedisStore redis;

  public RedisReportStore(RedisStore redis) {
    this.redis = redis;
  }

  @Override
  public Future<List<LocalDate>> summarisedDays(String office, LocalDate from, LocalDate to) {
    Range<Long> range = Range.create(Long.parseLong(ServiceDay.key(from)), Long.parseLong(ServiceDay.key(to)));
    return redis.call(c -> c.zrangebyscore(Keys.summaryDays(office), range))
        .map(days -> days.stream().map(ServiceDay::parseKey).toList());
  }

  @Override
  public Future<Map<LocalDate, Stored>> summaries(String office, List<LocalDate> days) {
    if (days.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    String[] keys = days.stream().map(d -> Keys.daySummary(office, ServiceDay.key(d))).toArray(String[]::new);
    return redis.call(c -> c.mget(keys)).map(values -> {
      Map<LocalDate, Stored> out = new TreeMap<>();
      for (int i = 0; i < values.size(); i++) {
        KeyValue<String, String> kv = values.get(i);
        if (kv.hasValue()) {
          String stored = kv.getValue();
          out.put(days.get(i), () -> RedisHistoryStore.decompressing(stored));
        }
      }
      return out;
    });
  }

  @Override
  public Future<Map<LocalDate, Map<String, Long>>> ratingCounts(String office, List<LocalDate> days) {
    return hashes(days, d -> Keys.ratingCounts(office, ServiceDay.key(d)));
  }

  @Override
  public Future<Map<LocalDate, Map<String, Long>>> appointmentCounts(String office, List<LocalDate> days) {
    return hashes(days, d -> Keys.appointmentCounts(office, ServiceDay.key(d)));
  }

  private Future<Map<LocalDate, Map<String, Long>>> hashes(List<LocalDate> days, Function<LocalDate, String> key) {
    if (days.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return redis.call(c -> {
      List<CompletableFuture<Map<String, String>>> reads = new ArrayList<>();
      days.forEach(d -> reads.add(c.hgetall(key.apply(d)).toCompletableFuture()));
      return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(v -> {
        Map<LocalDate, Map<String, Long>> out = new TreeMap<>();
        for (int i = 0; i < days.size(); i++) {
          Map<String, String> hash = reads.get(i).join();
          if (!hash.isEmpty()) {
            Map<String, Long> counts = new TreeMap<>();
            hash.forEach((f, n) -> {
              if (isCount(n)) {
                counts.put(f, Long.parseLong(n));
              }
            });
            out.put(days.get(i), counts);
          }
        }
        return out;
      });
    });
  }

  /** {@code -?\\d{1,18}}, without a regular expression: a year is some 50,000 of these. */
  private static boolean isCount(String n) {
    int start = n.startsWith("-") ? 1 : 0;
    int digits = n.length() - start;
    if (digits < 1 || digits > 18) {
      return false;
    }
    for (int i = start; i < n.length(); i++) {
      if (n.charAt(i) < '0' || n.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  @Override
  public Future<Long> version(String office) {
    return redis.call(c -> c.get(Keys.version(office)))
        .map(v -> v == null || !v.matches("\\d{1,18}") ? 0L : Long.parseLong(v));
  }

  @Override
  public Future<Map<String, String>> fullNames(Collection<String> usernames) {
    List<String> names = List.copyOf(usernames);
    if (names.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return redis.call(c -> {
      List<CompletableFuture<String>> reads = new ArrayList<>();
      names.forEach(n -> reads.add(c.hget(Keys.user(n), "fullName").toCompletableFuture()));
      return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(v -> {
        Map<String, String> out = new TreeMap<>();
        for (int i = 0; i < names.size(); i++) {
          String full = reads.get(i).join();
          if (full != null && !full.isBlank()) {
            out.put(names.get(i), full);
          }
        }
        return out;
      });
    });
  }
}
