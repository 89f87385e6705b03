package vn.layso.store.redis;

import io.vertx.core.Future;
import java.util.List;
import vn.layso.common.LookupLimiter;

/**
 * Look-up windows: an address's look-ups and failures in one script (lookup_limit.lua), a forgiven
 * failure as the guarded DECR of rate_refund.lua, a code's look-ups as the INCR of rate_limit.lua.
 */
public final class RedisLookupCounter implements LookupLimiter.Counter {

  private final RedisStore redis;

  public RedisLookupCounter(RedisStore redis) {
    this.redis = redis;
  }

  @Override
  public Future<LookupLimiter.Count> lookup(String client, long window, LookupLimiter.Limits limits) {
    return redis.script("lookup_limit", List.of(Keys.lookups(client, window), Keys.lookupFailures(client, window)),
        List.of(Integer.toString(limits.perAddress()), Integer.toString(limits.failuresPerAddress()),
            Integer.toString(limits.windowSeconds() * 2))).map(answer -> {
              int colon = answer.indexOf(':');
              String verdict = answer.substring(0, colon);
              long n = Long.parseLong(answer.substring(colon + 1));
              return new LookupLimiter.Count(verdict.equals("ok") ? null : verdict, n);
            });
  }

  @Override
  public Future<Void> forgive(String client, long window) {
    return redis.script("rate_refund", List.of(Keys.lookupFailures(client, window)), List.of()).mapEmpty();
  }

  @Override
  public Future<Long> code(String codeHash, long window, int ttlSeconds) {
    return redis.script("rate_limit", List.of(Keys.codeLookups(codeHash, window)), List.of(Integer.toString(ttlSeconds)))
        .map(Long::parseLong);
  }
}
