package vn.layso.store.redis;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.layso.office.domain.Counter;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.ServiceDef;
import vn.layso.predict.PredictionStore;
import vn.layso.predict.domain.Estimate;
import vn.layso.predict.domain.Outcome;
import vn.layso.queue.domain.ServiceDay;

/**
 * The wait prediction's reads and records on Redis: predict_state.lua reads an office's queues,
 * counters and service-time statistics in one step; predict_given.lua keeps the predictions handed
 * out per service day, and call_next.lua turns each into an outcome when its ticket is called
 * (settle_prediction in lib.lua), in the same step as the call.
 */
public final class RedisPredictionStore implements PredictionStore {

  private final RedisStore redis;
  private final long historySeconds;

  public RedisPredictionStore(RedisStore redis, Duration history) {
    this.redis = redis;
    this.historySeconds = history.toSeconds();
  }

  @Override
  public Future<Live> live(Office office, LocalDate day) {
    String id = office.id();
    String dayKey = ServiceDay.key(day);
    List<String> keys = new ArrayList<>();
    keys.add(Keys.serviceTimes(id));
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
      Map<String, String> times = new HashMap<>();
      JsonArray flat = array(json, "times");
      for (int i = 0; i + 1 < flat.size(); i += 2) {
        times.put(flat.getString(i), flat.getString(i + 1));
      }
      Map<String, CounterLive> counters = new HashMap<>();
      JsonArray states = array(json, "counters");
      List<Counter> all = office.counters();
      for (int i = 0; i < all.size() && i < states.size(); i++) {
        JsonArray c = states.getJsonArray(i);
        counters.put(all.get(i).id(), new CounterLive("1".equals(c.getString(0)), blankToNull(c.getString(1)),
            blankToNull(c.getString(2))));
      }
      return new Live(waiting, times, counters);
    });
  }

  @Override
  public Future<Void> given(String office, LocalDate day, String ticketId, Estimate e) {
    return redis.script("predict_given", List.of(Keys.predictionsGiven(office, ServiceDay.key(day))),
        List.of(ticketId, e.ahead() + "," + e.p50Millis() + "," + e.p90Millis() + "," + e.rawP50Millis() + ","
            + e.rawP90Millis(), Long.toString(historySeconds)))
        .mapEmpty();
  }

  @Override
  public Future<List<Outcome>> outcomes(String office, LocalDate day) {
    return redis.<List<String>>call(c -> c.lrange(Keys.predictionOutcomes(office, ServiceDay.key(day)), 0, -1))
        .map(RedisPredictionStore::parse);
  }

  @Override
  public Future<List<Outcome>> recentOutcomes(String office, LocalDate day, int last) {
    return redis.<List<String>>call(c -> c.lrange(Keys.predictionOutcomes(office, ServiceDay.key(day)),
            -Math.max(1, last), -1))
        .map(RedisPredictionStore::parse);
  }

  /**
   * "ahead,p50,p90,actual" (recorded before calibration: the raw values are the shown ones) or
   * "ahead,p50,p90,rawP50,rawP90,actual"; a malformed entry is skipped.
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
