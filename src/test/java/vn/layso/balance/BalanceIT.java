package vn.layso.balance;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.layso.testing.ApiErrors;
import vn.layso.testing.LiveClient;
import vn.layso.testing.TestApp;
import vn.layso.testing.TestOffices;

/**
 * Balancing advice end to end on the demo office (Hộ tịch: 10 minutes a citizen, counters 3 and 4,
 * counter 5 as a backup, target 30 minutes): the endpoint, the balance.advice event on the live
 * socket's staff channel, two servers, the advice clearing. That the public stream never carries it:
 * vn.layso.live.LiveStaffChannelIT.
 */
class BalanceIT {

  private static final String BALANCE = "/api/v1/offices/demo/balance";
  private static final Duration WAIT = Duration.ofSeconds(15);

  private TestApp app;
  private String token;

  @BeforeEach
  void start() throws Exception {
    // a second office, for its staff (who may not read the demo office's advice)
    var other = TestOffices.write(TestOffices.uniform("other", 2, List.of("a"), 3));
    app = TestApp.start(env -> env.put("OFFICES_FILE", other.toString()));
    token = app.tokenFor("quan-ly", "STAFF", "demo");
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private static Predicate<JsonObject> advice() {
    return m -> "balance.advice".equals(m.getString("type"));
  }

  /**
   * Nine Hộ tịch citizens, counters 3 and 4 each call one: seven wait, so a newcomer is called after
   * 8 completions at the two busy counters' rate (2 / 10 min): the predictor's median of that
   * Gamma(8, 5 min) wait is 38.4 minutes, 39 rounded up, past the 30-minute target.
   */
  private void hoTichOverTarget() {
    for (int i = 0; i < 9; i++) {
      app.issue("demo", "ho-tich");
    }
    assertThat(app.counter("demo", "3", "call-next", token).status()).isEqualTo(200);
    assertThat(app.counter("demo", "4", "call-next", token).status()).isEqualTo(200);
  }

  /** A live socket a staff token opened: it gets the office's staff-only events (after its snapshot and auth answer). */
  private LiveClient staffSocket(int port) throws Exception {
    LiveClient socket = new LiveClient(port, "demo");
    socket.await(m -> "snapshot".equals(m.getString("type")));
    socket.send(new JsonObject().put("type", "auth").put("token", token));
    socket.await(m -> "auth".equals(m.getString("type")) && m.getBoolean("staff", false));
    // what stands now, at once: no advice yet
    assertThat(socket.await(advice()).getInteger("count")).isZero();
    return socket;
  }

  private JsonArray adviceNow() {
    var answer = app.api().get(BALANCE, "token", token);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().getJsonArray("advice");
  }

  private JsonArray awaitAdvice(Predicate<JsonArray> until) {
    List<JsonArray> seen = new ArrayList<>();
    Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
      JsonArray now = adviceNow();
      seen.add(now);
      return until.test(now);
    });
    return seen.get(seen.size() - 1);
  }

  @Test
  void aFieldOverTargetWithAnIdleCounterOfAnotherFieldGetsMoveCounterByEndpointAndEvent() throws Exception {
    try (LiveClient screen = staffSocket(app.port())) {
      hoTichOverTarget();
      JsonObject event = screen.await(advice());
      assertThat(event.containsKey("version")).as("not a delta of the public stream").isFalse();
      assertThat(event.getString("office")).isEqualTo("demo");
      assertThat(event.getInteger("count")).isEqualTo(1);
      JsonObject item = event.getJsonArray("advice").getJsonObject(0);
      assertThat(item.getString("kind")).isEqualTo("MOVE_COUNTER");
      assertThat(item.getString("service")).isEqualTo("ho-tich");
      assertThat(item.getString("counter")).as("the idle counter with Hộ tịch as a backup field").isEqualTo("5");
      assertThat(item.getBoolean("backup")).isTrue();
      assertThat(item.getJsonObject("text").getString("vi")).isEqualTo("Chuyển Quầy 5 sang Hộ tịch");
      assertThat(item.getJsonObject("text").getString("en")).isEqualTo("Move Quầy 5 to Hộ tịch");
      assertThat(item.getInteger("predictedMinutes")).isEqualTo(39);
      assertThat(item.getInteger("targetMinutes")).isEqualTo(30);
      assertThat(item.getInteger("waiting")).isEqualTo(7);
      assertThat(event.containsKey("ticket") || event.containsKey("queue") || event.containsKey("counter"))
          .as("nothing a lobby page would take for a call or a queue change").isFalse();

      JsonObject view = app.api().get(BALANCE, "token", token).json();
      assertThat(view.getJsonArray("advice")).containsExactly(item);
      assertThat(view.getString("since")).endsWith("+07:00");
      JsonObject hoTich = view.getJsonArray("fields").stream().map(JsonObject.class::cast)
          .filter(f -> f.getString("service").equals("ho-tich")).findFirst().orElseThrow();
      assertThat(hoTich.getInteger("waiting")).isEqualTo(7);
      assertThat(hoTich.getInteger("predictedMinutes")).isEqualTo(39);
      assertThat(hoTich.getInteger("targetMinutes")).isEqualTo(30);
      assertThat(hoTich.getBoolean("overTarget")).isTrue();
      assertThat(hoTich.getInteger("countersOpen")).as("3 and 4, and 5 as a backup").isEqualTo(3);
      assertThat(hoTich.getInteger("countersIdle")).isEqualTo(1);
      assertThat(view.getJsonArray("counters")).hasSize(7);
      assertThat(app.api().get(BALANCE, "token", token).headers().firstValue("Cache-Control")).contains("no-store");
    }
  }

  @Test
  void withNoIdleCounterTheAdviceIsToOpenOneAndAPausedCounterIsNamed() {
    // counters 1, 2, 6 and 7 pause (none serves Hộ tịch)
    String[] others = {"1", "2", "6", "7"};
    for (String counter : others) {
      assertThat(app.counter("demo", counter, "pause", token).status()).isEqualTo(200);
    }
    // counter 5 (Hộ tịch as a backup) is busy with its own field
    app.issue("demo", "chung-thuc");
    assertThat(app.counter("demo", "5", "call-next", token).status()).isEqualTo(200);
    hoTichOverTarget();
    JsonArray advice = awaitAdvice(a -> !a.isEmpty());
    assertThat(advice).hasSize(1);
    assertThat(advice.getJsonObject(0).getString("kind")).isEqualTo("OPEN_COUNTER");
    assertThat(advice.getJsonObject(0).containsKey("counter")).isFalse();
    assertThat(advice.getJsonObject(0).getJsonObject("text").getString("vi")).isEqualTo("Mở thêm quầy cho Hộ tịch");

    // counter 4 pauses: Hộ tịch has one counter left, and the paused one is named
    assertThat(app.counter("demo", "4", "pause", token).status()).isEqualTo(200);
    advice = awaitAdvice(a -> a.size() == 1 && "4".equals(a.getJsonObject(0).getString("counter")));
    assertThat(advice.getJsonObject(0).getString("kind")).isEqualTo("OPEN_COUNTER");
    assertThat(advice.getJsonObject(0).getJsonObject("text").getString("vi")).isEqualTo("Mở lại Quầy 4 cho Hộ tịch");
  }

  @Test
  void theAdviceClearsWhenTheQueueDrains() throws Exception {
    try (LiveClient screen = staffSocket(app.port())) {
      hoTichOverTarget();
      assertThat(screen.await(advice()).getInteger("count")).isEqualTo(1);
      int calls = 0;
      while (app.counter("demo", "3", "call-next", token).status() == 200) {
        calls++;
      }
      assertThat(calls).isEqualTo(7);
      JsonObject cleared = screen.await(advice());
      assertThat(cleared.getInteger("count")).isZero();
      assertThat(cleared.containsKey("advice")).isFalse();
      assertThat(adviceNow()).isEmpty();
      assertThat(app.api().get(BALANCE, "token", token).json().containsKey("since")).isFalse();
    }
  }

  @Test
  void twoServersPublishEachChangeOnce() throws Exception {
    try (TestApp sibling = app.sibling();
         LiveClient onA = staffSocket(app.port());
         LiveClient onB = staffSocket(sibling.port())) {
      hoTichOverTarget();
      JsonObject first = onA.await(advice());
      // more events reach both servers' watchers: each evaluates again, neither publishes again
      app.issue("demo", "chung-thuc");
      sibling.issue("demo", "dat-dai");
      onA.await(m -> "ticket.issued".equals(m.getString("type")) && "dat-dai".equals(
          m.getJsonObject("ticket").getString("service")));
      List<JsonObject> later = new ArrayList<>();
      for (JsonObject m = onA.poll(Duration.ofSeconds(4)); m != null; m = onA.poll(Duration.ofSeconds(4))) {
        later.add(m);
      }
      assertThat(later).as("no second balance.advice").noneMatch(advice());
      List<JsonObject> onBoth = new ArrayList<>();
      for (JsonObject m = onB.poll(Duration.ofMillis(500)); m != null; m = onB.poll(Duration.ofMillis(500))) {
        onBoth.add(m);
      }
      assertThat(onBoth.stream().filter(advice())).singleElement()
          .satisfies(m -> assertThat(m.getLong("at")).isEqualTo(first.getLong("at")));
    }
  }

  @Test
  void onlyStaffOfTheOfficeAndAdminsMayRead() {
    ApiErrors.assertError(app.api().get(BALANCE), 401, "login_required");
    ApiErrors.assertError(app.api().get(BALANCE, "token", "not-a-real-token-but-long-enough"), 401,
        "invalid_token");
    ApiErrors.assertError(app.api().get(BALANCE, "token", app.tokenFor("ngoai", "STAFF", "other")), 403, "forbidden");
    ApiErrors.assertError(app.api().get(BALANCE, "token", app.tokenFor("kiosk-1", "DEVICE", "demo")), 403,
        "forbidden");
    assertThat(app.api().get(BALANCE, "token", app.adminToken()).status()).isEqualTo(200);
    ApiErrors.assertError(app.api().get("/api/v1/offices/nope/balance", "token", app.adminToken()), 404,
        "office_not_found");
  }
}
