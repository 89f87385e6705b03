package vn.layso.app;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.layso.balance.BalanceRoutes;
import vn.layso.balance.BalanceService;
import vn.layso.balance.BalanceWatcher;
import vn.layso.balance.NewcomerWaits;
import vn.layso.office.OfficeRegistry;
import vn.layso.predict.PredictionService;
import vn.layso.store.redis.Keys;
import vn.layso.store.redis.RedisBalanceStore;
import vn.layso.store.redis.RedisStore;

/**
 * The balancing advice, assembled: its service and routes, and this server's watcher, which
 * evaluates every office periodically and soon after each live event it reads on the store's
 * event channel.
 */
record BalanceWiring(BalanceRoutes routes, BalanceWatcher watcher, BalanceService service) {

  /** Subscribes (blocking briefly): call at start-up, off the event loops. */
  static BalanceWiring start(Vertx vertx, RedisStore redis, OfficeRegistry offices, Clock clock,
                             PredictionService predictions) {
    // a field's predicted wait is the median the predictor gives a citizen taking a number of it now
    NewcomerWaits waits = (office, load) -> predictions.newcomerWaits(office).map(estimates -> {
      Map<String, Long> medians = new LinkedHashMap<>();
      estimates.forEach((field, estimate) -> medians.put(field, estimate.p50Millis()));
      return medians;
    });
    var service = new BalanceService(new RedisBalanceStore(redis), waits, clock);
    var watcher = new BalanceWatcher(vertx, service, offices);
    redis.subscribe(Keys.EVENTS_CHANNEL, watcher.listener());
    watcher.start();
    return new BalanceWiring(new BalanceRoutes(service, offices), watcher, service);
  }

  void stop() {
    watcher.stop();
  }
}
