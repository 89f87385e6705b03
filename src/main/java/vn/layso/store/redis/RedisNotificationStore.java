package vn.layso.store.redis;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.layso.booking.PersonalData;
import vn.layso.common.ApiException;
import vn.layso.notify.NotificationStore;
import vn.layso.notify.domain.Notification;

/**
 * The outbox on Redis: enqueue, claim, complete, cancel and retry are one Lua script each. The
 * phone and the template data (which names the citizen) are stored sealed ({@link PersonalData})
 * and opened only where they are used: by the worker that sends, and for the admin's list.
 */
public final class RedisNotificationStore implements NotificationStore {

  private static final String PHONE = "phone";
  private static final String DATA = "data";

  private final RedisStore redis;
  /** Null: no personal-data key (booking is off, so no citizen's phone is queued). */
  private final PersonalData personal;

  public RedisNotificationStore(RedisStore redis) {
    this(redis, null);
  }

  public RedisNotificationStore(RedisStore redis, PersonalData personal) {
    this.redis = redis;
    this.personal = personal;
  }

  @Override
  public Future<Boolean> enqueue(Notification n, Map<String, String> fittedData, Instant now, long retentionSeconds) {
    String group = n.group() == null ? "" : n.group();
    String key = Keys.notification(n.trackingId());
    List<String> keys = List.of(key, Keys.NOTIFY_DUE, Keys.notificationGroup(group.isEmpty() ? "-" : group));
    List<String> args = List.of(n.trackingId(), group, RedisBookingStore.seal(personal, key, PHONE, n.phone()),
        n.template().key(),
        RedisBookingStore.seal(personal, key, DATA, new JsonObject(new LinkedHashMap<>(fittedData)).encode()),
        ms(n.notBefore()), ms(now),
        Long.toString(retentionSeconds));
    return redis.script("notify_enqueue", keys, args).map(raw -> new JsonObject(raw).getBoolean("created"));
  }

  @Override
  public Future<List<Claimed>> claim(String owner, Instant now, Instant leaseUntil, int limit) {
    return redis.script("notify_claim", List.of(Keys.NOTIFY_DUE, Keys.NOTIFY_LEASED),
        List.of(ms(now), ms(leaseUntil), Integer.toString(limit), owner, Keys.notificationPrefix())).map(raw -> {
          List<Claimed> out = new ArrayList<>();
          // cjson writes an empty table as {}
          if (new JsonObject(raw).getValue("items") instanceof JsonArray items) {
            for (Object o : items) {
              JsonObject i = (JsonObject) o;
              String key = Keys.notification(i.getString("id"));
              Map<String, String> data = new LinkedHashMap<>();
              new JsonObject(RedisBookingStore.open(personal, key, DATA, i.getString("data")))
                  .forEach(e -> data.put(e.getKey(), String.valueOf(e.getValue())));
              out.add(new Claimed(i.getString("id"), RedisBookingStore.open(personal, key, PHONE, i.getString("phone")),
                  i.getString("template"), data,
                  i.getInteger("attempts")));
            }
          }
          return out;
        });
  }

  @Override
  public Future<Boolean> complete(String trackingId, String owner, Outcome outcome, Instant now, Instant nextDue,
                                  String error, String msgId) {
    List<String> keys = List.of(Keys.notification(trackingId), Keys.NOTIFY_DUE, Keys.NOTIFY_LEASED,
        Keys.NOTIFY_FAILED, Keys.NOTIFY_NO_ZALO);
    List<String> args = List.of(trackingId, owner, outcome.name(), ms(now), ms(nextDue == null ? now : nextDue),
        error == null ? "" : error, msgId == null ? "" : msgId);
    return redis.script("notify_complete", keys, args).map(raw -> new JsonObject(raw).getBoolean("ok"));
  }

  @Override
  public Future<Integer> cancelGroup(String group, Instant now) {
    return redis.script("notify_cancel_group", List.of(Keys.notificationGroup(group), Keys.NOTIFY_DUE),
        List.of(Keys.notificationPrefix(), ms(now))).map(raw -> new JsonObject(raw).getInteger("cancelled"));
  }

  @Override
  public Future<List<Entry>> list(String status, int limit) {
    String index = "NO_ZALO".equals(status) ? Keys.NOTIFY_NO_ZALO : Keys.NOTIFY_FAILED;
    return redis.<List<String>>call(c -> c.zrevrange(index, 0, limit - 1)).compose(ids -> {
      List<Future<Entry>> reads = ids.stream().map(this::find).toList();
      return Future.all(reads).map(all -> {
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < reads.size(); i++) {
          Entry e = all.resultAt(i);
          if (e != null && e.status().equals(status)) {
            out.add(e);
          }
        }
        return out;
      });
    });
  }

  @Override
  public Future<Entry> find(String trackingId) {
    return redis.<Map<String, String>>call(c -> c.hgetall(Keys.notification(trackingId))).map(h -> h.isEmpty()
        ? null
        : new Entry(h.get("id"), blank(h.get("group")),
            RedisBookingStore.open(personal, Keys.notification(trackingId), PHONE, h.get(PHONE)), h.get("template"),
            h.get("status"),
            Integer.parseInt(h.getOrDefault("attempts", "0")), instant(h.get("notBefore")),
            instant(h.get("createdAt")), instant(h.get("updatedAt")), blank(h.get("lastError")),
            blank(h.get("msgId"))));
  }

  @Override
  public Future<Void> retry(String trackingId, Instant now) {
    return redis.script("notify_retry", List.of(Keys.notification(trackingId), Keys.NOTIFY_DUE, Keys.NOTIFY_FAILED),
        List.of(trackingId, ms(now))).map(raw -> {
          String error = new JsonObject(raw).getString("error");
          if ("notification_not_found".equals(error)) {
            throw ApiException.notFound(error);
          }
          if (error != null) {
            throw ApiException.conflict(error);
          }
          return null;
        });
  }

  private static String ms(Instant t) {
    return Long.toString(t.toEpochMilli());
  }

  private static Instant instant(String ms) {
    return ms == null || ms.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(ms));
  }

  private static String blank(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
