package vn.layso.store.redis;

import io.vertx.core.Future;
import java.util.List;
import vn.layso.common.RateLimiter;

/** Rate windows as INCR-with-expiry in one script; a refund is a guarded DECR in another. */
public final class RedisRateCounter implements RateLimiter.Counter {

  private final RedisStore redis;

  public RedisRateCounter(RedisStore redis) {
    this.redis = redis;
  }

  @Override
  public Future<Long> hit(String bucket, String client, long window, int ttlSeconds) {
    return redis.script("rate_limit", List.of(Keys.rateWindow(bucket + ":" + client, window)),
        List.of(Integer.toString(ttlSeconds))).map(Long::parseLong);
  }

  @Override
  public Future<Boolean> sessionLive(String office, String session) {
    return redis.call(c -> c.exists(Keys.holdSession(office, session))).map(n -> n != null && n > 0);
  }

  @Override
  public Future<Void> refund(String bucket, String client, long window) {
    return redis.script("rate_refund", List.of(Keys.rateWindow(bucket + ":" + client, window)), List.of())
        .mapEmpty();
  }
}
