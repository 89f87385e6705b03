package vn.layso.store.redis;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import vn.layso.auth.AuthStore;
import vn.layso.auth.domain.Principal;
import vn.layso.auth.domain.Role;

/** Accounts as hashes, tokens as JSON under their SHA-256 with the token's lifetime as TTL. */
public final class RedisAuthStore implements AuthStore {

  private final RedisStore redis;

  public RedisAuthStore(RedisStore redis) {
    this.redis = redis;
  }

  @Override
  public Future<Account> findAccount(String username) {
    return redis.call(c -> c.hgetall(Keys.user(username))).map(RedisAuthStore::account);
  }

  private static Account account(Map<String, String> h) {
    if (h == null || h.isEmpty()) {
      return null;
    }
    return new Account(h.get("username"), h.get("passwordHash"), Role.valueOf(h.get("role")), h.get("office"));
  }

  @Override
  public Future<Boolean> createAccount(Account a) {
    String key = Keys.user(a.username());
    return redis.call(c -> c.hsetnx(key, "username", a.username())).compose(created -> {
      if (!created) {
        return Future.succeededFuture(false);
      }
      Map<String, String> fields = new java.util.HashMap<>(Map.of("passwordHash", a.passwordHash(),
          "role", a.role().name()));
      if (a.office() != null) {
        fields.put("office", a.office());
      }
      return redis.call(c -> c.hset(key, fields))
          .compose(n -> redis.call(c -> c.sadd(Keys.USERS, a.username())))
          .map(true);
    });
  }

  @Override
  public Future<List<Account>> accounts() {
    return redis.call(c -> c.smembers(Keys.USERS)).compose(names -> Future.all(names.stream()
            .map(this::findAccount).toList())
        .map(all -> all.<Account>list().stream().filter(java.util.Objects::nonNull)
            .sorted(Comparator.comparing(Account::username)).toList()));
  }

  @Override
  public Future<Boolean> deleteAccount(String username) {
    return redis.call(c -> c.smembers(Keys.userTokens(username))).compose(tokens -> {
      List<String> keys = new java.util.ArrayList<>(tokens.stream().map(Keys::token).toList());
      keys.add(Keys.userTokens(username));
      keys.add(Keys.user(username));
      return redis.call(c -> c.srem(Keys.USERS, username))
          .compose(removed -> redis.call(c -> c.del(keys.toArray(String[]::new))).map(removed > 0));
    });
  }

  @Override
  public Future<Void> saveToken(String tokenHash, Principal p, Duration ttl) {
    JsonObject json = new JsonObject().put("username", p.username()).put("role", p.role().name())
        .put("office", p.office()).put("expiresAt", p.expiresAt().toEpochMilli());
    return redis.call(c -> c.setex(Keys.token(tokenHash), ttl.toSeconds(), json.encode()))
        .compose(ok -> redis.call(c -> c.sadd(Keys.userTokens(p.username()), tokenHash)))
        .compose(n -> redis.call(c -> c.expire(Keys.userTokens(p.username()), ttl.toSeconds() + 60)))
        .mapEmpty();
  }

  @Override
  public Future<Principal> findToken(String tokenHash) {
    return redis.call(c -> c.get(Keys.token(tokenHash))).map(raw -> {
      if (raw == null) {
        return null;
      }
      JsonObject json = new JsonObject(raw);
      return new Principal(json.getString("username"), Role.valueOf(json.getString("role")),
          json.getString("office"), Instant.ofEpochMilli(json.getLong("expiresAt")));
    });
  }

  @Override
  public Future<Void> deleteToken(String tokenHash, String username) {
    return redis.call(c -> c.del(Keys.token(tokenHash)))
        .compose(n -> redis.call(c -> c.srem(Keys.userTokens(username), tokenHash)))
        .mapEmpty();
  }
}
