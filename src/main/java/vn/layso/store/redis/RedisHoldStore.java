package vn.layso.store.redis;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import vn.layso.booking.HoldStore;
import vn.layso.common.ApiException;

/** Holds on Redis: hold.lua takes one (sessions, replacement, caps), release_hold.lua gives one back. */
public final class RedisHoldStore implements HoldStore {

  /** A hold's Idempotency-Key outlives any retry of it (a hold itself lasts minutes). */
  private static final long IDEMPOTENCY_TTL_SECONDS = 3600;

  private final RedisStore redis;

  public RedisHoldStore(RedisStore redis) {
    this.redis = redis;
  }

  @Override
  public Future<Held> hold(NewHold h) {
    String office = h.office();
    String day = h.date().toString();
    String start = h.start().toString();
    String given = h.session() == null ? "" : h.session();
    List<String> keys = List.of(Keys.slotLedger(office, h.service(), day),
        Keys.slotHolds(office, h.service(), day, start), Keys.hold(office, h.id()),
        Keys.addressHolds(office, h.address()), Keys.holdSession(office, given.isEmpty() ? "-" : given),
        Keys.holdSession(office, h.mintedSession()),
        Keys.holdIdempotency(office, h.idempotencyScope(), h.idempotencyKey() == null ? "-" : h.idempotencyKey()));
    long now = h.now().toEpochMilli();
    List<String> args = List.of(start, Integer.toString(h.capacity()), Long.toString(now), h.id(),
        Long.toString(h.expiresAt().toEpochMilli()), h.service(), day, h.replaces() == null ? "" : h.replaces(),
        given, h.mintedSession(), h.address(), Integer.toString(h.holdsPerAddress()),
        Long.toString(h.sessionLife().toMillis()), h.idempotencyKey() == null ? "0" : "1",
        Long.toString(IDEMPOTENCY_TTL_SECONDS),
        String.join("|", h.service(), day, start, h.replaces() == null ? "" : h.replaces()), h.counted() ? "1" : "0");
    return redis.script("hold", keys, args).map(raw -> {
      JsonObject json = new JsonObject(raw);
      String error = json.getString("error");
      if ("too_many_holds".equals(error)) {
        throw new ApiException(ApiException.Kind.TOO_MANY, error).with("limit", h.holdsPerAddress());
      }
      if (error != null) {
        throw ApiException.conflict(error);
      }
      return new Held(json.getString("hold"), Instant.ofEpochMilli(Long.parseLong(json.getString("expiresAt"))),
          json.getString("session"), json.getBoolean("replayed", false));
    });
  }

  @Override
  public Future<Void> release(String office, String holdId) {
    return redis.script("release_hold", List.of(Keys.hold(office, holdId)), List.of(holdId)).mapEmpty();
  }
}
