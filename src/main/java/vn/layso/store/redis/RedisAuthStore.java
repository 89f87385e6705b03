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
import vn.layso.common.ApiException;

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
    if (h == null || h.isEmpty() || h.get("role") == null) {
      return null;
    }
    return new Account(h.get("username"), h.get("passwordHash"), Role.valueOf(h.get("role")), h.get("office"));
  }

  @Override
  public Future<Boolean> createAccount(Account a) {
    return redis.script("create_account", List.of(Keys.user(a.username()), Keys.USERS),
            List.of(a.username(), a.passwordHash(), a.role().name(), a.office() == null ? "" : a.office()))
        .map(raw -> new JsonObject(raw).getBoolean("created"));
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
    return redis.script("delete_account", List.of(Keys.user(username), Keys.USERS, Keys.userTokens(username)),
            List.of(username, Keys.tokenPrefix()))
        .map(raw -> new JsonObject(raw).getBoolean("deleted"));
  }

  @Override
  public Future<Boolean> adminBootstrapPending(String username) {
    return bootstrap(username, "", Role.ADMIN).map(answer -> answer.getBoolean("pending"));
  }

  @Override
  public Future<Boolean> bootstrapAdmin(Account admin) {
    return bootstrap(admin.username(), admin.passwordHash(), admin.role()).map(answer -> answer.getBoolean("created"));
  }

  private Future<JsonObject> bootstrap(String username, String passwordHash, Role role) {
    return redis.script("bootstrap_admin", List.of(Keys.user(username), Keys.USERS, Keys.ADMIN_BOOTSTRAPPED),
        List.of(username, passwordHash, role.name())).map(JsonObject::new);
  }

  @Override
  public Future<Boolean> resetAccount(Account a) {
    return redis.script("reset_account",
            List.of(Keys.user(a.username()), Keys.USERS, Keys.userTokens(a.username()), Keys.ADMIN_BOOTSTRAPPED),
            List.of(a.username(), a.passwordHash(), a.role().name(), Keys.tokenPrefix()))
        .map(raw -> new JsonObject(raw).getBoolean("created"));
  }

  @Override
  public Future<Void> saveToken(String tokenHash, Principal p, Duration ttl) {
    JsonObject json = new JsonObject().put("username", p.username()).put("role", p.role().name())
        .put("office", p.office()).put("expiresAt", p.expiresAt().toEpochMilli());
    return redis.script("save_token",
            List.of(Keys.token(tokenHash), Keys.userTokens(p.username()), Keys.user(p.username())),
            List.of(json.encode(), Long.toString(ttl.toSeconds()), tokenHash))
        .compose(raw -> new JsonObject(raw).getBoolean("saved") ? Future.<Void>succeededFuture()
            : Future.failedFuture(new ApiException(ApiException.Kind.UNAUTHORIZED, "bad_credentials")));
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
