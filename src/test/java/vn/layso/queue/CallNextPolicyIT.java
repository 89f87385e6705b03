package vn.layso.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.queue.domain.CallNextPolicy;
import vn.layso.queue.domain.CallNextPolicy.Head;
import vn.layso.testing.Api;
import vn.layso.testing.TestApp;
import vn.layso.testing.TestOffices;

/**
 * call_next.lua must pick exactly what CallNextPolicy says. Random arrivals, priorities and
 * waits on a counter with uneven weights; after each call the model and the server must agree.
 */
class CallNextPolicyIT {

  private static final Map<String, Integer> WEIGHTS = new LinkedHashMap<>(Map.of("a", 3, "b", 1, "c", 2));
  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    List<JsonObject> offices = new ArrayList<>();
    for (int round = 0; round < 6; round++) {
      JsonObject office = TestOffices.uniform("policy" + round, 1, List.of("a", "b", "c"), round % 3 == 0 ? 0 : 2);
      JsonArray served = new JsonArray();
      WEIGHTS.forEach((code, weight) -> served.add(new JsonObject().put("code", code).put("weight", weight)));
      office.getJsonArray("counters").getJsonObject(0).put("services", served);
      offices.add(office);
    }
    var file = TestOffices.write(offices.toArray(JsonObject[]::new));
    app = TestApp.start(env -> env.put("OFFICES_FILE", file.toString()));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void theScriptFollowsThePolicyStepByStep() {
    String token = app.adminToken();
    for (int round = 0; round < 6; round++) {
      String office = "policy" + round;
      int maxInRow = round % 3 == 0 ? 0 : 2;
      Random random = new Random(round * 7919L);
      List<Head> waiting = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        app.clock().advance(Duration.ofSeconds(1 + random.nextInt(90)));
        String service = List.of("a", "b", "c").get(random.nextInt(3));
        boolean priority = random.nextInt(4) == 0;
        JsonObject body = new JsonObject().put("service", service);
        if (priority) {
          body.put("priority", "nguoi-cao-tuoi");
        }
        Api.Response r = app.api().post("/api/v1/offices/" + office + "/tickets", body.encode(), "token", token);
        assertThat(r.status()).isEqualTo(201);
        waiting.add(new Head(r.json().getString("id"), service, priority, app.clock().millis()));
      }
      int streak = 0;
      while (!waiting.isEmpty()) {
        app.clock().advance(Duration.ofSeconds(random.nextInt(200)));
        List<Head> heads = heads(waiting);
        Head expected = CallNextPolicy.choose(heads, WEIGHTS, app.clock().millis(), streak, maxInRow).orElseThrow();
        Api.Response called = app.counter(office, "1", "call-next", token);
        assertThat(called.status()).isEqualTo(200);
        assertThat(called.json().getJsonObject("ticket").getString("id"))
            .as("round %d, %d left, streak %d", round, waiting.size(), streak).isEqualTo(expected.ticketId());
        waiting.remove(expected);
        streak = CallNextPolicy.nextStreak(streak, expected.priority());
      }
      assertThat(app.counter(office, "1", "call-next", token).status()).isEqualTo(204);
    }
  }

  /** The first ticket of each (service, priority) queue, as the script sees them. */
  private static List<Head> heads(List<Head> waiting) {
    Map<String, Head> first = new LinkedHashMap<>();
    for (Head h : waiting) {
      first.merge(h.service() + h.priority(), h, (x, y) -> x.arrivalMillis() <= y.arrivalMillis() ? x : y);
    }
    return new ArrayList<>(first.values());
  }
}
