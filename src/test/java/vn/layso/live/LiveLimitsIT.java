package vn.layso.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vertx.core.http.UpgradeRejectedException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.LiveClient;
import vn.layso.testing.TestApp;

/** A server holds at most LIVE_MAX_SOCKETS live sockets; a closed one frees its place. */
class LiveLimitsIT {

  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start(env -> env.put("LIVE_MAX_SOCKETS", "2"));
  }

  @AfterAll
  static void stop() {
    app.close();
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
