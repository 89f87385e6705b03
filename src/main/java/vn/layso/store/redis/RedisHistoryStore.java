package vn.layso.store.redis;

import io.lettuce.core.KeyValue;
import io.lettuce.core.Range;
import io.lettuce.core.SetArgs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import vn.layso.history.HistoryStore;
import vn.layso.history.domain.StaffTimeCalculator;
import vn.layso.queue.domain.ServiceDay;
import vn.layso.queue.domain.Ticket;

/**
 * The history on Redis: a day's tickets read through the day index (ZRANGE, then each page's
 * hashes and steps in one pipelined batch), summaries without expiry indexed by a sorted set (score yyyyMMdd), and the archive's
 * claim and mark. Only reads and idempotent writes: no queue decision is made here.
 *
 * <p>A summary is kept for good, so it is stored gzip-compressed and base64-encoded: a ward
 * centre's day is about 20 KB of JSON and 4 KB stored (see the README's memory figures).
 */
public final class RedisHistoryStore implements HistoryStore {

  private static final String ARCHIVED_AT = "archivedAt";

  private final RedisStore redis;

  public RedisHistoryStore(RedisStore redis) {
    this.redis = redis;
  }

  @Override
  public Future<Page> dayTickets(String office, LocalDate day, long offset, int limit) {
    String index = Keys.dayTickets(office, ServiceDay.key(day));
    return redis.call(c -> c.zcard(index).thenCombine(c.zrange(index, offset, offset + limit - 1), Listed::new))
        .compose(listed -> tickets(office, listed.ids()).map(tickets -> new Page(listed.total(), tickets)));
  }

  private record Listed(long total, List<String> ids) {
  }

  private Future<List<Ticket>> tickets(String office, List<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return redis.call(c -> {
      // one pipelined batch: each ticket's hash and steps, sent together, answered together
      List<CompletableFuture<Map<String, String>>> hashes = new ArrayList<>(ids.size());
      List<CompletableFuture<List<String>>> steps = new ArrayList<>(ids.size());
      for (String id : ids) {
        hashes.add(c.hgetall(Keys.ticket(office, id)).toCompletableFuture());
        steps.add(c.lrange(Keys.ticketSteps(office, id), 0, -1).toCompletableFuture());
      }
      return CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new)).thenCombine(
          CompletableFuture.allOf(hashes.toArray(CompletableFuture[]::new)), (a, b) -> {
            List<Ticket> out = new ArrayList<>(ids.size());
            for (int i = 0; i < ids.size(); i++) {
              Ticket t = TicketCodec.fromHash(office, ids.get(i), hashes.get(i).join(), steps.get(i).join());
              if (t != null) {
                out.add(t);
              }
            }
            return out;
          });
    });
  }

  @Override
  public Future<Boolean> archived(String office, LocalDate day) {
    return redis.call(c -> c.hexists(Keys.dayState(office, ServiceDay.key(day)), ARCHIVED_AT));
  }

  @Override
  public Future<Boolean> claim(String office, LocalDate day, String owner, Duration ttl) {
    String key = Keys.archiveClaim(office, ServiceDay.key(day));
    // taken when free, or when held by this same owner (its own earlier, failed attempt)
    return redis.call(c -> c.set(key, owner, SetArgs.Builder.nx().px(ttl.toMillis())).thenCompose(set ->
        "OK".equals(set) ? CompletableFuture.completedFuture(true) : c.get(key).thenApply(owner::equals)));
  }

  @Override
  public Future<Void> saveSummary(String office, LocalDate day, String json) {
    String date = ServiceDay.key(day);
    return redis.call(c -> CompletableFuture.allOf(
        c.set(Keys.daySummary(office, date), compress(json)).toCompletableFuture(),
        c.zadd(Keys.summaryDays(office), Double.parseDouble(date), date).toCompletableFuture()))
        .mapEmpty();
  }

  @Override
  public Future<Void> markArchived(String office, LocalDate day, Instant at, String archive) {
    return redis.call(c -> c.hset(Keys.dayState(office, ServiceDay.key(day)),
        Map.of(ARCHIVED_AT, Long.toString(at.toEpochMilli()), "archive", archive))).mapEmpty();
  }

  @Override
  public Future<List<String>> summaries(String office, LocalDate from, LocalDate to) {
    Range<Long> range = Range.create(Long.parseLong(ServiceDay.key(from)), Long.parseLong(ServiceDay.key(to)));
    return redis.call(c -> c.zrangebyscore(Keys.summaryDays(office), range)).compose(days -> {
      if (days.isEmpty()) {
        return Future.succeededFuture(List.of());
      }
      String[] keys = days.stream().map(d -> Keys.daySummary(office, d)).toArray(String[]::new);
      return redis.call(c -> c.mget(keys)).map(values -> values.stream()
          .filter(KeyValue::hasValue).map(kv -> decompress(kv.getValue())).toList());
    });
  }

  @Override
  public Future<List<StaffTimeCalculator.LogEntry>> counterLog(String office, LocalDate day) {
    return redis.call(c -> c.lrange(Keys.counterLog(office, ServiceDay.key(day)), 0, -1))
        .map(entries -> entries.stream().map(RedisHistoryStore::logEntry).filter(Objects::nonNull).toList());
  }

  private static StaffTimeCalculator.LogEntry logEntry(String raw) {
    try {
      JsonObject e = new JsonObject(raw);
      Long at = e.getLong("at");
      if (e.getString("counter") == null || e.getString("act") == null || at == null) {
        return null;
      }
      return new StaffTimeCalculator.LogEntry(e.getString("counter"), e.getString("act"), Instant.ofEpochMilli(at),
          e.getString("by"), e.getString("reason"));
    } catch (RuntimeException e) {
      return null;
    }
  }

  static String compress(String json) {
    var bytes = new ByteArrayOutputStream(json.length() / 4);
    try (var gzip = new GZIPOutputStream(bytes)) {
      gzip.write(json.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  /** The stored form (gzip, then base64) opened as the JSON text it holds, decoded as it is read. */
  static InputStream decompressing(String stored) throws IOException {
    return new GZIPInputStream(Base64.getDecoder().wrap(new ByteArrayInputStream(stored.getBytes(StandardCharsets.ISO_8859_1))), 8192);
  }

  static String decompress(String stored) {
    try (var gzip = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(stored)))) {
      return new String(gzip.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
