package vn.layso.store.redis;

import io.vertx.core.Future;
import java.util.Arrays;
import java.util.List;
import vn.layso.live.LiveStore;

/** The live hub's reads of an office's version, epoch and event log, and the epoch renewal script. */
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
    return redis.script("renew_epoch", List.of(Keys.epoch(office), Keys.eventLog(office)),
        List.of(seen == null ? "" : seen));
  }

  @Override
  public Future<Gap> gap(String office, long after, int most) {
    return redis.script("live_replay", List.of(Keys.version(office)),
        List.of(Long.toString(after), Integer.toString(most))).map(text -> {
          // lines: epoch, version, then each event's JSON (cjson escapes newlines inside strings)
          String[] lines = text.split("\n", -1);
          String epoch = lines[0].isEmpty() ? null : lines[0];
          long version = Long.parseLong(lines[1]);
          return new Gap(epoch, version, List.of(Arrays.copyOfRange(lines, 2, lines.length)));
        });
  }
}
