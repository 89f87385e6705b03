package vn.layso.notify;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;

/** Zalo OA tokens shared by every server, and the lock under which one of them refreshes. */
public interface ZaloTokenStore {

  /** The stored pair; access null when none (never refreshed yet, or reset). */
  record Tokens(String access, Instant accessExpiresAt, String refresh) {
    @Override
    public String toString() {
      return "Tokens[access=" + (access == null ? "none" : "***") + ", accessExpiresAt=" + accessExpiresAt + "]";
    }
  }

  /** Takes the configured refresh token when the store has not seen it before; true when it did. */
  Future<Boolean> seed(String refreshToken);

  Future<Tokens> read();

  /** Compare and set: stores the new pair only if {@code usedRefresh} is still the stored one. */
  Future<Boolean> save(String usedRefresh, String access, Instant accessExpiresAt, String refresh);

  Future<Boolean> lock(String owner, Duration ttl);

  Future<Void> unlock(String owner);
}
