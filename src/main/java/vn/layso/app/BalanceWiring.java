package vn.layso.app;

import io.vertx.core.Vertx;
import java.time.Clock;
import vn.layso.balance.BalanceRoutes;
import vn.layso.balance.BalanceService;
import vn.layso.balance.BalanceWatcher;
import vn.layso.balance.SimpleNewcomerWaits;
import vn.layso.office.OfficeRegistry;
import vn.layso.store.redis.Keys;
import vn.layso.store.redis.RedisBalanceStore;
import vn.layso.store.redis.RedisStore;

/**
 * The balancing advice, assembled: its service and routes, and this server's watcher, which
 * evaluates every office periodically and soon after each live event it reads on the store's
 * event channel.
 */
record BalanceWiring(BalanceRoutes routes, BalanceWatcher watcher) {

  /** Subscribes (blocking briefly): call at start-up, off the event loops. */
  static BalanceWiring start(Vertx vertx, RedisStore redis, OfficeRegistry offices, Clock clock) {
    var service = new BalanceService(new RedisBalanceStore(redis), new SimpleNewcomerWaits(), clock);
    var watcher = new BalanceWatcher(vertx, service, offices);
    redis.subscribe(Keys.EVENTS_CHANNEL, watcher.listener());
    watcher.start();
    return new BalanceWiring(new BalanceRoutes(service, offices), watcher);
  }

  void stop() {
    watcher.stop();
  }
}
