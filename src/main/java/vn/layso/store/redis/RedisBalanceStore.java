package vn.layso.store.redis;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.layso.balance.BalanceStore;
import vn.layso.office.domain.Office;
import vn.layso.queue.domain.ServiceDay;

/** The balancing advice on Redis: one read-only script for the load, one script to store and publish. */
public final class RedisBalanceStore implements BalanceStore {

  /** The stored advice outlives a quiet weekend of a server that stopped: two days from its last write. */
  private static final long TTL_SECONDS = 2 * 24 * 3600L;

  private final RedisStore redis;

  public RedisBalanceStore(RedisStore redis) {
    this.redis = redis;
  }

  @Override
  public Future<Load> load(Office office, LocalDate serviceDate) {
    String id = office.id();
    String day = ServiceDay.key(serviceDate);
    List<String> keys = new ArrayList<>(List.of(Keys.balance(id)));
    office.counters().forEach(c -> keys.add(Keys.counter(id, c.id())));
    office.services().forEach(s -> keys.add(Keys.queue(id, day, s.code())));
    List<String> args = List.of(Integer.toString(office.counters().size()), Integer.toString(office.services().size()),
        Keys.ticketPrefix(id), day);
    return redis.script("balance_state", keys, args).map(raw -> {
      JsonObject json = new JsonObject(raw);
      JsonArray counters = list(json.getValue("counters"));
      JsonArray waiting = list(json.getValue("waiting"));
      Map<String, CounterNow> byId = new HashMap<>();
      for (int i = 0; i < office.counters().size() && i < counters.size(); i++) {
        JsonObject c = counters.getJsonObject(i);
        byId.put(office.counters().get(i).id(), new CounterNow(c.getBoolean("paused", false),
            c.getBoolean("busy", false) ? c.getString("service", "") : null));
      }
      Map<String, Integer> queues = new HashMap<>();
      for (int i = 0; i < office.services().size() && i < waiting.size(); i++) {
        queues.put(office.services().get(i).code(), waiting.getInteger(i));
      }
      long since = json.getLong("since", 0L);
      return new Load(byId, queues, new Stored(json.getString("sig", ""), json.getString("advice", "[]"),
          since > 0 ? Instant.ofEpochMilli(since) : null));
    });
  }

  @Override
  public Future<Outcome> store(Office office, String basedOn, String signature, String adviceJson, Instant now) {
    String id = office.id();
    return redis.script("balance_publish", List.of(Keys.balance(id)),
            List.of(basedOn, signature, adviceJson, Long.toString(now.toEpochMilli()), Keys.STAFF_EVENTS_CHANNEL, id,
                Long.toString(TTL_SECONDS)))
        .map(raw -> {
          JsonObject json = new JsonObject(raw);
          if (json.getBoolean("published", false)) {
            return Outcome.PUBLISHED;
          }
          return json.getBoolean("stale", false) ? Outcome.STALE : Outcome.UNCHANGED;
        });
  }

  /** Lua's cjson writes an empty table as {}: read that back as an empty list. */
  private static JsonArray list(Object value) {
    return value instanceof JsonArray array ? array : new JsonArray();
  }
}
