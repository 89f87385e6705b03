package vn.layso.store.redis;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.layso.common.ApiException;
import vn.layso.print.PrintStore;
import vn.layso.queue.domain.ServiceDay;

/** Print outcomes on Redis: one script records an attempt atomically (record_print.lua). */
public final class RedisPrintStore implements PrintStore {

  /** The failure list serves today's reprints; like the recent calls it lives two days. */
  private static final long FAILURES_TTL_SECONDS = 2 * 24 * 3600L;

  private final RedisStore redis;

  public RedisPrintStore(RedisStore redis) {
    this.redis = redis;
  }

  @Override
  public Future<Void> record(Attempt a) {
    List<String> keys = List.of(Keys.ticket(a.office(), a.ticketId()),
        Keys.printFailures(a.office(), ServiceDay.key(a.serviceDate())), Keys.printerStates(a.office()));
    List<String> args = List.of(a.ticketId(), a.printer(), a.result().status(),
        a.result().printed() ? "" : a.result().reason().code(), Long.toString(a.at().toEpochMilli()), a.by(),
        Long.toString(FAILURES_TTL_SECONDS));
    return redis.script("record_print", keys, args).map(raw -> {
      JsonObject json = new JsonObject(raw);
      if (json.getString("error") != null) {
        throw ApiException.notFound(json.getString("error"));
      }
      return null;
    });
  }

  @Override
  public Future<String> lastPrinter(String office, String ticketId) {
    return redis.call(c -> c.hget(Keys.ticket(office, ticketId), TicketFields.PRINTER.field()));
  }

  @Override
  public Future<List<Failure>> failures(String office, LocalDate serviceDate, int limit) {
    return redis.script("print_failures", List.of(Keys.printFailures(office, ServiceDay.key(serviceDate))),
        List.of(Keys.ticketPrefix(office), Integer.toString(limit))).map(raw -> {
          List<Failure> out = new ArrayList<>();
          // cjson writes an empty table as {}
          if (new JsonObject(raw).getValue("failures") instanceof JsonArray array) {
            for (Object o : array) {
              JsonObject f = (JsonObject) o;
              out.add(new Failure(f.getString("id"), f.getString("number"), f.getString("service"),
                  f.getString("status"), instant(f, "issuedAt"), f.getString("printer"), f.getString("reason"),
                  instant(f, "at")));
            }
          }
          return out;
        });
  }

  @Override
  public Future<Map<String, PrinterState>> printerStates(String office) {
    return redis.<Map<String, String>>call(c -> c.hgetall(Keys.printerStates(office))).map(all -> {
      Map<String, PrinterState> out = new LinkedHashMap<>();
      all.forEach((printer, raw) -> {
        JsonObject s = new JsonObject(raw);
        out.put(printer, new PrinterState(s.getString("status"), s.getString("reason"), instant(s, "at"),
            s.getString("number")));
      });
      return out;
    });
  }

  private static Instant instant(JsonObject json, String field) {
    Number ms = json.getNumber(field);
    return ms == null ? null : Instant.ofEpochMilli(ms.longValue());
  }
}
