package vn.layso.store.redis;

import io.vertx.core.Future;
import java.util.List;
import vn.layso.live.LiveStore;

/** The live hub's reads of an office's version and epoch, and the epoch renewal script. */
public final class RedisLiveStore implements LiveStore {

  private final RedisStore redis;

  public RedisLiveStore(RedisStore redis) {
    this.redis = redis;
  }

  @Override
  public Future<Stored> stored(String office) {
    return redis.call(c -> c.mget(Keys.version(office), Keys.epoch(office))).map(values -> new Stored(
        values.get(0).hasValue() ? Long.parseLong(values.get(0).getValue()) : 0L,
        values.get(1).hasValue() ? values.get(1).getValue() : null));
  }

  @Override
  public Future<String> renewEpoch(String office, String seen) {
    return redis.script("renew_epoch", List.of(Keys.epoch(office)), List.of(seen == null ? "" : seen));
  }
}
