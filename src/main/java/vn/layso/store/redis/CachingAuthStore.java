package vn.layso.store.redis;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import vn.layso.auth.AuthStore;
import vn.layso.auth.domain.DeviceKind;
import vn.layso.auth.domain.Principal;

/**
 * Keeps the principal of each bearer token in memory for a few seconds, sparing the Redis round
 * trip that every staff request would otherwise make before its real work.
 *
 * <p>Revocation: a log-out, or a deleted, disabled or changed account (password, role, offices),
 * or a re-paired device evicts the token (or all of the user's) here at once
 * and is published on {@link Keys#AUTH_CHANNEL}, so every other server process evicts it too. A
 * revocation that does not pass through this class (a key deleted in Redis by hand) or whose message
 * is lost (pub/sub reconnecting) takes effect when the entry expires, {@code ttl} after it was read.
 * Expiry of the token itself is checked on every request by the caller, cached or not. Only tokens
 * found are kept (an unknown token always asks Redis), under their SHA-256, never the token itself.
 */
public final class CachingAuthStore implements AuthStore {

  /**
   * How long a token read from Redis is trusted without asking again: also the longest a revocation
   * whose pub/sub message was lost takes to reach this server (issue 14: within 2 s everywhere).
   */
  public static final Duration TTL = Duration.ofSeconds(2);
  private static final int MAX_ENTRIES = 10_000;
  private static final String TOKEN = "token:";
  private static final String USER = "user:";

  private record Entry(Principal principal, long expiresNanos) {
  }

  private final AuthStore store;
  private final RedisStore redis;
  private final long ttlNanos;
  private final Map<String, Entry> tokens = new ConcurrentHashMap<>();
  /** Bumped by every revocation: a lookup that raced with one is not cached. */
  private final AtomicLong revocations = new AtomicLong();

  public CachingAuthStore(AuthStore store, RedisStore redis, Duration ttl) {
    this.store = store;
    this.redis = redis;
    this.ttlNanos = ttl.toNanos();
  }

  /** Follows the revocations published by every server process (this one included). */
  public void listen() {
    redis.subscribe(Keys.AUTH_CHANNEL, (channel, message) -> {
      if (message.startsWith(TOKEN)) {
        evictToken(message.substring(TOKEN.length()));
      } else if (message.startsWith(USER)) {
        evictUser(message.substring(USER.length()));
      }
    });
  }

  @Override
  public Future<Principal> findToken(String tokenHash) {
    long now = System.nanoTime();
    Entry cached = tokens.get(tokenHash);
    if (cached != null && cached.expiresNanos() - now > 0) {
      return Future.succeededFuture(cached.principal());
    }
    long generation = revocations.get();
    return store.findToken(tokenHash).map(principal -> {
      if (principal != null && revocations.get() == generation) {
        remember(tokenHash, new Entry(principal, now + ttlNanos));
      }
      return principal;
    });
  }

  @Override
  public Future<Void> deleteToken(String tokenHash, String username) {
    return store.deleteToken(tokenHash, username).compose(v -> {
      evictToken(tokenHash);
      return publish(TOKEN + tokenHash);
    });
  }

  @Override
  public Future<Boolean> deleteAccount(String username) {
    return store.deleteAccount(username).compose(deleted -> {
      evictUser(username);
      return publish(USER + username).map(deleted);
    });
  }

  /** A reset revokes every token of the account: evicted here and on every other server process. */
  @Override
  public Future<Boolean> resetAccount(Account account) {
    return store.resetAccount(account).compose(recreated -> {
      evictUser(account.username());
      return publish(USER + account.username()).map(recreated);
    });
  }

  /** Re-pairing revokes the device's old tokens: evicted here and on every other server process. */
  @Override
  public Future<Boolean> pairDevice(Account account, DeviceKind kind, String counter, Instant pairedAt,
                                    String tokenHash, Principal principal, Duration ttl) {
    return store.pairDevice(account, kind, counter, pairedAt, tokenHash, principal, ttl).compose(paired -> {
      evictUser(account.username());
      return publish(USER + account.username()).map(paired);
    });
  }

  @Override
  public Future<Boolean> unpairDevice(String office, String username) {
    return store.unpairDevice(office, username).compose(unpaired -> {
      evictUser(username);
      return publish(USER + username).map(unpaired);
    });
  }

  /** Every change may end the account's sessions or change its principal: evicted everywhere. */
  @Override
  public Future<Changed> updateAccount(String username, Reach reach, AccountChange change) {
    return store.updateAccount(username, reach, change).compose(changed -> revoked(username).map(changed));
  }

  @Override
  public Future<Account> deleteAccount(String username, Reach reach) {
    return store.deleteAccount(username, reach).compose(before -> revoked(username).map(before));
  }

  @Override
  public Future<Void> claimPairing(String code, Account account, DeviceKind kind, String counter, Instant pairedAt,
                                   String token, String tokenHash, Principal principal, Duration ttl) {
    return store.claimPairing(code, account, kind, counter, pairedAt, token, tokenHash, principal, ttl)
        .compose(v -> revoked(account.username()));
  }

  /**
   * A rotation shortens the device's older tokens: their cached principals (with the old expiry)
   * are evicted here and on every other server process.
   */
  @Override
  public Future<Boolean> rotateDeviceToken(String presentedHash, String freshHash, Principal fresh, Duration ttl,
                                           Instant now, Duration rotateAfter, Instant graceEnds) {
    return store.rotateDeviceToken(presentedHash, freshHash, fresh, ttl, now, rotateAfter, graceEnds)
        .compose(rotated -> rotated ? revoked(fresh.username()).map(true) : Future.succeededFuture(false));
  }

  @Override
  public Future<Void> deviceSeen(String username, Instant now) {
    return store.deviceSeen(username, now);
  }

  @Override
  public Future<Boolean> createPairing(String code, String secretHash, Instant expiresAt, Duration ttl) {
    return store.createPairing(code, secretHash, expiresAt, ttl);
  }

  @Override
  public Future<Pairing> pollPairing(String secretHash, Instant now) {
    return store.pollPairing(secretHash, now);
  }

  private Future<Void> revoked(String username) {
    evictUser(username);
    return publish(USER + username);
  }

  @Override
  public Future<Device> findDevice(String username) {
    return store.findDevice(username);
  }

  @Override
  public Future<List<Device>> devices(String office) {
    return store.devices(office);
  }

  @Override
  public Future<Boolean> adminBootstrapPending(String username) {
    return store.adminBootstrapPending(username);
  }

  @Override
  public Future<Boolean> bootstrapAdmin(Account admin) {
    return store.bootstrapAdmin(admin);
  }

  @Override
  public Future<Account> findAccount(String username) {
    return store.findAccount(username);
  }

  @Override
  public Future<Boolean> createAccount(Account account) {
    return store.createAccount(account);
  }

  @Override
  public Future<List<Account>> accounts() {
    return store.accounts();
  }

  @Override
  public Future<Void> saveToken(String tokenHash, Principal principal, Duration ttl) {
    return store.saveToken(tokenHash, principal, ttl);
  }

  private void remember(String tokenHash, Entry entry) {
    if (tokens.size() >= MAX_ENTRIES) {
      long now = System.nanoTime();
      tokens.values().removeIf(e -> e.expiresNanos() - now <= 0);
      if (tokens.size() >= MAX_ENTRIES) {
        tokens.clear();
      }
    }
    tokens.put(tokenHash, entry);
  }

  private void evictToken(String tokenHash) {
    revocations.incrementAndGet();
    tokens.remove(tokenHash);
  }

  private void evictUser(String username) {
    revocations.incrementAndGet();
    tokens.values().removeIf(e -> e.principal().username().equals(username));
  }

  private Future<Void> publish(String message) {
    return redis.call(c -> c.publish(Keys.AUTH_CHANNEL, message)).mapEmpty();
  }
}
