package vn.layso.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.LiveClient;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;

/** EVENT_LOOPS: every loop serves HTTP and live sockets, each with its own Redis connection. */
class EventLoopsIT {

  private static final int LOOPS = 4;

  @Test
  void everyLoopServesRequestsThroughItsOwnRedisConnection() throws Exception {
    try (TestApp app = TestApp.start(env -> env.put("EVENT_LOOPS", Integer.toString(LOOPS)))) {
      // Vert.x hands accepted connections to the server instances in turn: 2 per loop
      List<String> numbers = new ArrayList<>();
      for (int i = 0; i < 2 * LOOPS; i++) {
        Api api = new Api(app.port());
        Api.Response issued = api.post("/api/v1/offices/demo/tickets",
            new JsonObject().put("service", "dat-dai").encode());
        assertThat(issued.status()).isEqualTo(201);
        numbers.add(issued.json().getString("number"));
        assertThat(api.get("/health").status()).isEqualTo(200);
      }
      assertThat(numbers).doesNotHaveDuplicates().hasSize(2 * LOOPS);

      List<Map<String, String>> clients = RedisAdmin.clients(app.server().embeddedRedis().uri());
      List<Map<String, String>> lanes = clients.stream()
          .filter(c -> c.getOrDefault("name", "").startsWith("layso-loop-")).toList();
      assertThat(lanes).as("one command connection per event loop").hasSize(LOOPS);
      assertThat(lanes).as("each loop's requests went through its own connection")
          .allSatisfy(c -> assertThat(c.get("cmd")).isEqualTo("ping"));
      assertThat(clients).filteredOn(c -> "layso-events".equals(c.get("name")))
          .as("one subscription per JVM").hasSize(1);
    }
  }

  @Test
  void liveSocketsOnEveryLoopGetTheEventsAndAGracefulStop() throws Exception {
    TestApp app = TestApp.start(env -> env.put("EVENT_LOOPS", Integer.toString(LOOPS)));
    List<LiveClient> screens = new ArrayList<>();
    try {
      for (int i = 0; i < LOOPS; i++) {
        LiveClient screen = new LiveClient(app.port(), "demo");
        screen.await(m -> "snapshot".equals(m.getString("type")));
        screens.add(screen);
      }
      app.issue("demo", "ho-tich");
      List<Long> versions = new ArrayList<>();
      for (LiveClient screen : screens) {
        versions.add(screen.await(m -> "ticket.issued".equals(m.getString("type"))).getLong("version"));
      }
      assertThat(versions).as("every screen got the one event").hasSize(LOOPS).containsOnly(versions.get(0));
    } finally {
      app.close();
    }
    for (LiveClient screen : screens) {
      assertThat(screen.awaitClose()).as("told to reconnect").isEqualTo((short) 1012);
      screen.close();
    }
  }
}
