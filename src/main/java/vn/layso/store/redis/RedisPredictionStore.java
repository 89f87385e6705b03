package vn.layso.store.redis;

import io.lettuce.core.KeyValue;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import vn.layso.office.domain.Counter;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.ServiceDef;
import vn.layso.predict.PredictionStore;
import vn.layso.queue.domain.Estimate;
import vn.layso.queue.domain.PlacePredictions;
import vn.layso.predict.domain.Outcome;
import vn.layso.predict.domain.ServiceTimes;
import vn.layso.queue.domain.ServiceDay;

/**
 * The wait prediction's reads and records on Redis: predict_state.lua reads an office's queues and
 * counters (with their service-time statistics) in one step; the issuing steps (issue_ticket.lua,
 * check_in.lua: issue_new in lib_issue.lua) keep the prediction handed out with each ticket
 * in the ticket's own hash (TicketFields.GIVEN; predict_given.lua only for a ticket whose place was
 * not foretold), and call_next.lua records each called ticket's actual wait in the same step as the
 * call (settle_prediction in lib_call.lua), joined with its prediction when read. A store written
 * before (dcbe586 and earlier) kept the prediction in the day's given hash (Keys.predictionsGiven),
 * which is still read for the tickets whose hash has none.
 */
public final class RedisPredictionStore implements PredictionStore {

  private final RedisStore redis;

  public RedisPredictionStore(RedisStore redis) {
    this.redis = redis;
  }

  @Override
  public Future<Live> live(Office office, LocalDate day) {
    String id = office.id();
    String dayKey = ServiceDay.key(day);
    List<String> keys = new ArrayList<>();
    office.services().forEach(s -> keys.add(Keys.queue(id, dayKey, s.code())));
    office.counters().forEach(c -> keys.add(Keys.counter(id, c.id())));
    List<String> args = List.of(Integer.toString(office.services().size()),
        Integer.toString(office.counters().size()));
    return redis.script("predict_state", keys, args).map(raw -> {
      JsonObject json = new JsonObject(raw);
      Map<String, Integer> waiting = new HashMap<>();
      JsonArray counts = array(json, "waiting");
      List<ServiceDef> services = office.services();
      for (int i = 0; i < services.size() && i < counts.size(); i++) {
        waiting.put(services.get(i).code(), counts.getInteger(i));
      }
      Map<String, CounterLive> counters = new HashMap<>();
      Map<String, String> times = new HashMap<>();
      Map<String, ServiceTimes.Pool> pools = new HashMap<>();
      JsonArray states = array(json, "counters");
      List<Counter> all = office.counters();
      for (int i = 0; i < all.size() && i < states.size(); i++) {
        String counter = all.get(i).id();
        Map<String, String> hash = hash(states.getJsonArray(i));
        counters.put(counter, new CounterLive("1".equals(hash.get("paused")), blankToNull(hash.get("current")),
            blankToNull(hash.get("day"))));
        hash.forEach((field, value) -> {
          if (field.startsWith("t:")) {
            String service = field.substring(2);
            times.put(service + "|" + counter, value);
            pools.computeIfAbsent(service, s -> new ServiceTimes.Pool())
                .add(number(value), count(hash.get("n:" + service)));
          }
        });
      }
      // the field's live mean and count: its counters' pooled (ServiceTimes.Pool)
      pools.forEach((service, pool) -> {
        if (pool.mean() != null) {
          times.put(service, Long.toString(Math.round(pool.mean())));
          times.put("#" + service, Long.toString(pool.count()));
        }
      });
      return new Live(waiting, times, counters);
    });
  }

  /** HGETALL's flat list (field, value, ...) as a map. */
  private static Map<String, String> hash(JsonArray flat) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i + 1 < flat.size(); i += 2) {
      out.put(flat.getString(i), flat.getString(i + 1));
    }
    return out;
  }

  private static Double number(String value) {
    try {
      return value == null ? null : Double.valueOf(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static long count(String value) {
    try {
      return value == null ? 0 : Long.parseLong(value);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * Only for a ticket whose issuing step did not record its prediction (its place was not among the
   * ones foretold: RedisQueueStore and RedisCheckInStore pass those to the step, see lib_issue.lua's
   * issue_new): a second step of its own, into the ticket's hash as the issuing step does.
   */
  @Override
  public Future<Void> given(String office, LocalDate day, String ticketId, String field, Estimate e) {
    return redis.script("predict_given", List.of(Keys.ticket(office, ticketId)), List.of(record(e, field)))
        .mapEmpty();
  }

  /** A given prediction as a ticket's hash keeps it: "ahead,p50,p90,rawP50,rawP90,field" (ms). */
  static String record(Estimate e, String field) {
    return e.ahead() + "," + e.p50Millis() + "," + e.p90Millis() + "," + e.rawP50Millis() + "," + e.rawP90Millis()
        + "," + field;
  }

  /** The estimate of a record written by {@link #record} (an issuing step answers it); null when it is none. */
  static Estimate estimate(String record) {
    if (record == null) {
      return null;
    }
    String[] v = record.split(",");
    try {
      return v.length < 5 ? null : new Estimate(Long.parseLong(v[1]), Long.parseLong(v[2]), Integer.parseInt(v[0]),
          Long.parseLong(v[3]), Long.parseLong(v[4]));
    } catch (IllegalArgumentException malformed) {
      return null;
    }
  }

  /**
   * The fold arguments of an issuing step (issue_ticket.lua: ARGV 12 on, or 20 with optional keys;
   * check_in.lua: ARGV 18 on; see issue_new in lib_issue.lua): the first place foretold and one
   * record per place; without predictions, that first ARGV is '' (nothing recorded by the step).
   */
  static void foretold(String field, PlacePredictions p, List<String> args) {
    if (p == null) {
      args.add("");
      return;
    }
    args.add(Integer.toString(p.firstPlace()));
    p.byPlace().forEach(e -> args.add(record(e, field)));
  }

  @Override
  public Future<List<Outcome>> outcomes(String office, LocalDate day) {
    String dayKey = ServiceDay.key(day);
    return redis.<List<String>>call(c -> c.lrange(Keys.predictionOutcomes(office, dayKey), 0, -1))
        .compose(lines -> joined(office, dayKey, lines));
  }

  @Override
  public Future<List<Outcome>> recentOutcomes(String office, LocalDate day, int last) {
    String dayKey = ServiceDay.key(day);
    return redis.<List<String>>call(c -> c.lrange(Keys.predictionOutcomes(office, dayKey), -Math.max(1, last), -1))
        .compose(lines -> joined(office, dayKey, lines));
  }

  /**
   * call_next.lua records "ticket id,actual ms" (settle_prediction in lib_call.lua); the prediction
   * given to that ticket's holder is joined here from the ticket's hash (its GIVEN field; one
   * pipelined batch of HGETs, with one HMGET of the day's given hash where a store written before
   * kept it), so that a call spends no command on it. A ticket called again (after a transfer) counts
   * once, at its first call; one that was given no prediction is left out.
   */
  private Future<List<Outcome>> joined(String office, String dayKey, List<String> lines) {
    Map<String, Integer> firstCall = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int comma = line.indexOf(',');
      if (comma > 0 && line.indexOf(',', comma + 1) < 0) {
        firstCall.putIfAbsent(line.substring(0, comma), i);
      }
    }
    if (firstCall.isEmpty()) {
      return Future.succeededFuture(parse(lines));
    }
    String[] ids = firstCall.keySet().toArray(String[]::new);
    String field = TicketFields.GIVEN.field();
    return redis.<Map<String, String>>call(c -> {
      // one pipelined batch: each ticket's record, and the day's hash of a store written before
      // (a broken record, a key of another type, gives nothing to join, never a failure)
      List<CompletableFuture<String>> own = new ArrayList<>(ids.length);
      for (String id : ids) {
        own.add(c.hget(Keys.ticket(office, id), field).toCompletableFuture()
            .exceptionally(e -> null));
      }
      CompletableFuture<List<KeyValue<String, String>>> before = c.hmget(Keys.predictionsGiven(office, dayKey), ids)
          .toCompletableFuture().exceptionally(e -> List.of());
      return CompletableFuture.allOf(own.toArray(CompletableFuture[]::new)).thenCombine(before, (a, old) -> {
        Map<String, String> given = new HashMap<>();
        for (KeyValue<String, String> kv : old) {
          if (kv.hasValue()) {
            given.put(kv.getKey(), kv.getValue());
          }
        }
        for (int i = 0; i < ids.length; i++) {
          String record = own.get(i).join();
          if (record != null) {
            given.put(ids[i], record);
          }
        }
        return given;
      });
    }).map(given -> {
      List<String> complete = new ArrayList<>(lines.size());
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        int comma = line.indexOf(',');
        boolean byId = comma > 0 && line.indexOf(',', comma + 1) < 0;
        if (!byId) {
          complete.add(line);
        } else {
          String id = line.substring(0, comma);
          String record = firstCall.get(id) == i ? given.get(id) : null;
          if (record != null) {
            complete.add(record + line.substring(comma));
          }
        }
      }
      return parse(complete);
    });
  }

  /**
   * "ahead,p50,p90,rawP50,rawP90,field,actual" (the given prediction and the actual wait, joined), or
   * as earlier releases recorded them: "ahead,p50,p90,rawP50,rawP90,actual" (no field) and
   * "ahead,p50,p90,actual" (before calibration: the raw values are the shown ones); a malformed
   * entry is skipped.
   */
  static List<Outcome> parse(List<String> lines) {
    List<Outcome> out = new ArrayList<>(lines.size());
    for (String line : lines) {
      String[] v = line.split(",");
      try {
        if (v.length == 4) {
          out.add(new Outcome(Integer.parseInt(v[0]), Long.parseLong(v[1]), Long.parseLong(v[2]),
              Long.parseLong(v[3])));
        } else if (v.length == 6) {
          out.add(new Outcome(Integer.parseInt(v[0]), Long.parseLong(v[1]), Long.parseLong(v[2]),
              Long.parseLong(v[3]), Long.parseLong(v[4]), Long.parseLong(v[5])));
        } else if (v.length == 7 && !v[5].isEmpty()) {
          out.add(new Outcome(Integer.parseInt(v[0]), Long.parseLong(v[1]), Long.parseLong(v[2]),
              Long.parseLong(v[3]), Long.parseLong(v[4]), Long.parseLong(v[6]), v[5]));
        }
      } catch (IllegalArgumentException malformed) {
        // not ours: skipped
      }
    }
    return out;
  }

  /** cjson writes an empty table as {}: that is an empty list here. */
  private static JsonArray array(JsonObject json, String field) {
    return json.getValue(field) instanceof JsonArray a ? a : new JsonArray();
  }

  private static String blankToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
