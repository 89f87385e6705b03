package vn.layso.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.store.redis.Keys;
import vn.layso.testing.LiveClient;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;

/**
 * A version that goes backwards (a restore, a failover to a lagging replica, a lost append-only
 * file tail) must never freeze a screen: the server starts a new epoch and every screen resyncs.
 */
class LiveEpochIT {

  private static TestApp app;
  private static String redis;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start();
    redis = app.server().embeddedRedis().uri();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static JsonObject snapshot(LiveClient screen) throws InterruptedException {
    return screen.await(m -> "snapshot".equals(m.getString("type")));
  }

  private static JsonObject issued(LiveClient screen) throws InterruptedException {
    return screen.await(m -> "ticket.issued".equals(m.getString("type")));
  }

  @Test
  void everySnapshotAndDeltaCarriesTheStoredEpoch() throws Exception {
    try (LiveClient screen = new LiveClient(app.port(), "demo")) {
      JsonObject first = screen.next();
      String epoch = first.getString("epoch");
      assertThat(epoch).isNotBlank().isEqualTo(RedisAdmin.get(redis, Keys.epoch("demo")));
      app.issue("demo", "ho-tich");
      JsonObject delta = issued(screen);
      assertThat(delta.getString("epoch")).isEqualTo(epoch);
      assertThat(delta.getLong("version")).isEqualTo(first.getLong("version") + 1);
    }
  }

  @Test
  void aStoredVersionBelowWhatTheScreenWasSentMakesItResyncAndItKeepsGettingEvents() throws Exception {
    try (LiveClient screen = new LiveClient(app.port(), "demo")) {
      String epoch = screen.next().getString("epoch");
      app.issue("demo", "ho-tich");
      issued(screen);
      app.issue("demo", "ho-tich");
      long sent = issued(screen).getLong("version");
      // restored from an older backup: the version is lower, the epoch key unchanged
      RedisAdmin.set(redis, Keys.version("demo"), "1");

      JsonObject fresh = snapshot(screen);
      assertThat(fresh.getString("epoch")).as("a new epoch").isNotEqualTo(epoch)
          .isEqualTo(RedisAdmin.get(redis, Keys.epoch("demo")));
      assertThat(fresh.getLong("version")).isLessThan(sent);

      JsonObject ticket = app.issue("demo", "dat-dai");
      JsonObject later = issued(screen);
      assertThat(later.getJsonObject("ticket").getString("number")).isEqualTo(ticket.getString("number"));
      assertThat(later.getString("epoch")).isEqualTo(fresh.getString("epoch"));
      assertThat(later.getLong("version")).isEqualTo(fresh.getLong("version") + 1);
    }
  }

  @Test
  void aVersionLostWithItsEpochStartsANewEpochAndTheScreenFollowsIt() throws Exception {
    try (LiveClient screen = new LiveClient(app.port(), "demo")) {
      String epoch = screen.next().getString("epoch");
      // the append-only file lost its tail: neither the version nor the epoch key survived
      RedisAdmin.del(redis, Keys.version("demo"), Keys.epoch("demo"));
      app.issue("demo", "xay-dung");

      JsonObject fresh = snapshot(screen);
      assertThat(fresh.getString("epoch")).isNotEqualTo(epoch);
      JsonObject ticket = app.issue("demo", "xay-dung");
      JsonObject later = screen.await(m -> "ticket.issued".equals(m.getString("type"))
          && ticket.getString("number").equals(m.getJsonObject("ticket").getString("number")));
      assertThat(later.getString("epoch")).isEqualTo(fresh.getString("epoch"))
          .isEqualTo(RedisAdmin.get(redis, Keys.epoch("demo")));
    }
  }
}
