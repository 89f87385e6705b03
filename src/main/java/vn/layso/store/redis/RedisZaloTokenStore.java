package vn.layso.store.redis;

import io.lettuce.core.SetArgs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import vn.layso.notify.ZaloTokenStore;

/** Zalo tokens in one hash; the refresh lock is a SET NX PX key released by its owner only. */
public final class RedisZaloTokenStore implements ZaloTokenStore {

  private final RedisStore redis;

  public RedisZaloTokenStore(RedisStore redis) {
    this.redis = redis;
  }

  @Override
  public Future<Boolean> seed(String refreshToken) {
    return redis.script("zalo_token_seed", List.of(Keys.ZALO_TOKENS), List.of(sha256(refreshToken), refreshToken))
        .map(raw -> new JsonObject(raw).getBoolean("seeded"));
  }

  @Override
  public Future<Tokens> read() {
    return redis.<Map<String, String>>call(c -> c.hgetall(Keys.ZALO_TOKENS)).map(h -> {
      String access = h.get("access");
      String expires = h.get("accessExpiresAt");
      return new Tokens(access == null || access.isEmpty() ? null : access,
          expires == null ? Instant.EPOCH : Instant.ofEpochMilli(Long.parseLong(expires)), h.get("refresh"));
    });
  }

  @Override
  public Future<Boolean> save(String usedRefresh, String access, Instant accessExpiresAt, String refresh) {
    return redis.script("zalo_token_save", List.of(Keys.ZALO_TOKENS),
            List.of(usedRefresh, access, Long.toString(accessExpiresAt.toEpochMilli()), refresh))
        .map(raw -> new JsonObject(raw).getBoolean("saved"));
  }

  @Override
  public Future<Boolean> lock(String owner, Duration ttl) {
    return redis.<String>call(c -> c.set(Keys.ZALO_REFRESH_LOCK, owner, SetArgs.Builder.nx().px(ttl.toMillis())))
        .map("OK"::equals);
  }

  @Override
  public Future<Void> unlock(String owner) {
    return redis.script("unlock", List.of(Keys.ZALO_REFRESH_LOCK), List.of(owner)).mapEmpty();
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
