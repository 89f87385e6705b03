package vn.layso.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.LiveClient;
import vn.layso.testing.TestApp;

/** A server holds at most LIVE_MAX_SOCKETS live sockets, LIVE_MAX_SOCKETS_PER_ADDRESS per client; a closed one frees its place. */
class LiveLimitsIT {

  private static TestApp app;
  private static TestApp behindProxy;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start(env -> env.put("LIVE_MAX_SOCKETS", "2"));
    behindProxy = TestApp.start(env -> {
      env.put("LIVE_MAX_SOCKETS_PER_ADDRESS", "2");
      env.put("TRUSTED_PROXIES", "127.0.0.1");
    });
  }

  @AfterAll
  static void stop() {
    behindProxy.close();
    app.close();
  }

  private static LiveClient from(String address) throws Exception {
    return new LiveClient(behindProxy.port(), "demo", Map.of("X-Forwarded-For", address, "Accept-Language", "en"));
  }

  @Test
  void eachClientAddressHasItsOwnCapPastWhichUpgradesGet429() throws Exception {
    try (LiveClient a1 = from("203.0.113.7"); LiveClient b1 = from("198.51.100.20")) {
      LiveClient a2 = from("203.0.113.7");
      assertThat(a1.next().getString("type")).isEqualTo("snapshot");
      assertThat(a2.next().getString("type")).isEqualTo("snapshot");
      assertThat(b1.next().getString("type")).isEqualTo("snapshot");
      assertThatThrownBy(() -> from("203.0.113.7"))
          .hasRootCauseInstanceOf(UpgradeRejectedException.class)
          .rootCause().satisfies(e -> {
            UpgradeRejectedException refused = (UpgradeRejectedException) e;
            assertThat(refused.getStatus()).isEqualTo(429);
            JsonObject body = refused.getBody().toJsonObject();
            assertThat(body.getString("code")).isEqualTo("too_many_live_sockets_from_address");
            assertThat(body.getInteger("status")).isEqualTo(429);
            assertThat(body.getString("message")).contains("too many live connections");
            assertThat(refused.getHeaders().get("Retry-After")).isEqualTo("30");
          });
      try (LiveClient b2 = from("198.51.100.20")) {
        assertThat(b2.next().getString("type")).as("another address still gets in").isEqualTo("snapshot");
      }

      a2.close();
      Api api = behindProxy.api();
      await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/health").json().getInteger("liveSockets") == 2);
      try (LiveClient again = from("203.0.113.7")) {
        assertThat(again.next().getString("type")).as("a closed socket gives its place back").isEqualTo("snapshot");
      }
    }
  }

  @Test
  void pastTheLimitNewSocketsAreRefusedWith503UntilOneCloses() throws Exception {
    try (LiveClient first = new LiveClient(app.port(), "demo")) {
      LiveClient second = new LiveClient(app.port(), "demo");
      assertThat(first.next().getString("type")).isEqualTo("snapshot");
      assertThat(second.next().getString("type")).isEqualTo("snapshot");
      assertThatThrownBy(() -> new LiveClient(app.port(), "demo"))
          .hasRootCauseInstanceOf(UpgradeRejectedException.class)
          .rootCause().satisfies(e -> assertThat(((UpgradeRejectedException) e).getStatus()).isEqualTo(503));
      assertThat(app.api().get("/health").json().getInteger("liveSockets")).isEqualTo(2);

      second.close();
      Api api = app.api();
      await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/health").json().getInteger("liveSockets") < 2);
      try (LiveClient third = new LiveClient(app.port(), "demo")) {
        assertThat(third.next().getString("type")).isEqualTo("snapshot");
      }
    }
  }
}
