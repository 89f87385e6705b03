package vn.layso.notify;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.layso.common.ApiException;

/**
 * The OA access token shared by every server. Zalo's refresh token is single-use and rotates on
 * every refresh (a reuse is refused with -14020), so one server refreshes at a time, under a Redis
 * lock, and stores the new pair with a compare-and-set on the refresh token it used. A server that
 * finds the lock taken waits for the new access token instead of refreshing too.
 */
public final class ZaloTokens {

  private static final Logger LOG = LoggerFactory.getLogger(ZaloTokens.class);
  /** A token this close to its end is refreshed before use. */
  private static final Duration EARLY = Duration.ofMinutes(5);
  private static final Duration LOCK_TTL = Duration.ofSeconds(30);
  private static final long WAIT_STEP_MS = 100;
  private static final int WAIT_STEPS = 150;

  private final Vertx vertx;
  private final ZaloTokenStore store;
  private final ZnsClient client;
  private final Clock clock;
  private final String owner;

  public ZaloTokens(Vertx vertx, ZaloTokenStore store, ZnsClient client, Clock clock, String owner) {
    this.vertx = vertx;
    this.store = store;
    this.client = client;
    this.clock = clock;
    this.owner = owner;
  }

  /** Records ZALO_REFRESH_TOKEN when it is new to the store (first start, or a token issued again). */
  public Future<Void> seed(String refreshToken) {
    return store.seed(refreshToken).map(seeded -> {
      if (seeded) {
        LOG.info("zalo refresh token taken from ZALO_REFRESH_TOKEN");
      }
      return null;
    });
  }

  /** A usable access token: the stored one, or a new one when there is none or it is about to end. */
  public Future<String> access() {
    return store.read().compose(t -> usable(t) ? Future.succeededFuture(t.access()) : refreshAfter(t.access()));
  }

  /**
   * A fresh access token after {@code rejected} was refused (null: there was none): refreshes, unless
   * another server or request already replaced it, in which case that one is used.
   */
  public Future<String> refreshAfter(String rejected) {
    return attempt(rejected, 0);
  }

  private Future<String> attempt(String rejected, int step) {
    return store.read().compose(t -> {
      if (usable(t) && !t.access().equals(rejected)) {
        return Future.succeededFuture(t.access());
      }
      return store.lock(owner, LOCK_TTL).compose(locked -> {
        if (locked) {
          return refreshLocked(rejected).eventually(() -> store.unlock(owner));
        }
        if (step >= WAIT_STEPS) {
          return Future.failedFuture(new ApiException(ApiException.Kind.UNAVAILABLE, "zalo_token_unavailable"));
        }
        Promise<Void> later = Promise.promise();
        vertx.setTimer(WAIT_STEP_MS, id -> later.complete());
        return later.future().compose(v -> attempt(rejected, step + 1));
      });
    });
  }

  private Future<String> refreshLocked(String rejected) {
    return store.read().compose(t -> {
      if (usable(t) && !t.access().equals(rejected)) {
        return Future.succeededFuture(t.access());
      }
      if (t.refresh() == null) {
        return Future.failedFuture(new ApiException(ApiException.Kind.UNAVAILABLE, "zalo_token_unavailable"));
      }
      return client.refresh(t.refresh()).compose(reply -> {
        if (!reply.ok()) {
          LOG.atError().addKeyValue("status", reply.status()).addKeyValue("error", reply.error())
              .log(reply.error() != null && reply.error() == -14020
                  ? "zalo refresh token was already used: issue a new one and set ZALO_REFRESH_TOKEN"
                  : "zalo token refresh refused");
          return Future.failedFuture(new ApiException(ApiException.Kind.UNAVAILABLE, "zalo_token_unavailable"));
        }
        Instant expires = clock.instant().plusSeconds(Math.max(60, reply.expiresInSeconds()));
        return store.save(t.refresh(), reply.access(), expires, reply.refresh()).compose(saved -> {
          if (saved) {
            LOG.atInfo().addKeyValue("expiresAt", expires).log("zalo access token refreshed");
            return Future.succeededFuture(reply.access());
          }
          // the lock ran out and another server stored a newer pair: use that one
          return store.read().map(ZaloTokenStore.Tokens::access);
        });
      });
    });
  }

  private boolean usable(ZaloTokenStore.Tokens t) {
    return t.access() != null && t.accessExpiresAt().isAfter(clock.instant().plus(EARLY));
  }
}
