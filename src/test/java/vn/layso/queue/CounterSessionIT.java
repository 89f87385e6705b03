package vn.layso.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.store.redis.Keys;
import vn.layso.testing.Api;
import vn.layso.testing.ApiErrors;
import vn.layso.testing.LiveClient;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;

/**
 * Counter sessions (counter_session.lua): staff open and close the counter they work at, each in
 * the day's counter log as OPEN/CLOSE (what staff time is built from); a close never leaves a
 * called or served citizen behind; opening a counter someone else holds takes it over.
 */
class CounterSessionIT {

  private static TestApp app;
  private static String lan;
  private static String minh;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start();
    lan = app.tokenFor("lan", "STAFF", "demo");
    minh = app.tokenFor("minh", "STAFF", "demo");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void openAndCloseAreLoggedAndTheViewShowsWhoIsAtTheCounter() throws Exception {
    try (LiveClient live = new LiveClient(app.port(), "demo")) {
      live.next();
      Api.Response opened = app.counter("demo", "2", "open", lan);
      assertThat(opened.status()).as(opened.body()).isEqualTo(200);
      assertThat(opened.headers().firstValue("Cache-Control")).hasValue("no-store");
      assertThat(opened.json().getBoolean("open")).isTrue();
      assertThat(opened.json().getJsonObject("session").getString("by")).isEqualTo("staff:lan");
      assertThat(opened.json().getJsonObject("session").getString("since")).startsWith("2026-11-23T09:00");
      JsonObject event = live.await(e -> "counter.opened".equals(e.getString("type")));
      assertThat(event.getString("counter")).isEqualTo("2");
      assertThat(event.encode()).as("the public event names no account").doesNotContain("lan");
    }
    try (LiveClient fresh = new LiveClient(app.port(), "demo")) {
      JsonObject snapshot = fresh.next();
      JsonObject two = snapshot.getJsonArray("counters").stream().map(JsonObject.class::cast)
          .filter(c -> "2".equals(c.getString("id"))).findFirst().orElseThrow();
      assertThat(two.getBoolean("open")).as("the lobby's snapshot says the counter is open").isTrue();
      assertThat(snapshot.encode()).as("never who").doesNotContain("staff:lan");
    }
    JsonObject view = app.api().get("/api/v1/offices/demo/counters/2", "token", minh).json();
    assertThat(view.getBoolean("open")).isTrue();
    assertThat(view.getJsonObject("session").getString("username")).isEqualTo("lan");

    // opening again changes nothing (no second OPEN)
    assertThat(app.counter("demo", "2", "open", lan).json().getJsonObject("session").getString("by")).isEqualTo("staff:lan");
    app.clock().advance(Duration.ofMinutes(30));
    Api.Response closed = app.counter("demo", "2", "close", lan);
    assertThat(closed.status()).as(closed.body()).isEqualTo(200);
    assertThat(closed.json().getBoolean("open")).isFalse();
    assertThat(app.api().get("/api/v1/offices/demo/counters/2", "token", lan).json().getBoolean("open")).isFalse();
    assertThat(app.counter("demo", "2", "close", lan).status()).as("closing a closed counter is no error").isEqualTo(200);

    List<JsonObject> log = log("2");
    assertThat(log).extracting(e -> e.getString("act")).containsExactly("OPEN", "CLOSE");
    assertThat(log.get(0).getString("by")).isEqualTo("staff:lan");
    assertThat(log.get(1).getString("by")).isEqualTo("staff:lan");
    assertThat(log.get(1).getLong("since")).isEqualTo(log.get(0).getLong("at"));
    assertThat(log.get(1).getLong("at") - log.get(0).getLong("at")).isEqualTo(Duration.ofMinutes(30).toMillis());
  }

  @Test
  void aCloseWhileACitizenIsCalledOrServedIsRefusedWithTheTicketsNumber() {
    app.counter("demo", "4", "open", lan);
    String number = app.issue("demo", "ho-tich").getString("number");
    assertThat(app.counter("demo", "4", "call-next", lan).status()).isEqualTo(200);
    Api.Response refused = app.counter("demo", "4", "close", lan);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.code()).isEqualTo("counter_has_ticket");
    assertThat(refused.json().getJsonObject("ticket").getString("number")).isEqualTo(number);
    assertThat(refused.json().getJsonObject("ticket").getString("status")).isEqualTo("CALLED");
    assertThat(refused.json().getString("message")).contains(number, "Quầy 4");

    assertThat(app.counter("demo", "4", "start", lan).status()).isEqualTo(200);
    assertThat(app.counter("demo", "4", "close", lan).code()).isEqualTo("counter_has_ticket");
    assertThat(app.counter("demo", "4", "complete", lan).status()).isEqualTo(200);
    assertThat(app.counter("demo", "4", "close", lan).status()).isEqualTo(200);
    assertThat(log("4")).extracting(e -> e.getString("act")).containsExactly("OPEN", "CLOSE");
  }

  @Test
  void openingACounterSomeoneElseHoldsTakesItOverAndLogsTheirClose() {
    app.counter("demo", "5", "open", lan);
    Api.Response taken = app.counter("demo", "5", "open", minh);
    assertThat(taken.status()).isEqualTo(200);
    assertThat(taken.json().getJsonObject("session").getString("by")).isEqualTo("staff:minh");
    assertThat(taken.json().getJsonObject("session").getString("tookOverFrom")).isEqualTo("staff:lan");
    List<JsonObject> log = log("5");
    assertThat(log).extracting(e -> e.getString("act")).containsExactly("OPEN", "CLOSE", "OPEN");
    assertThat(log.get(1).getString("by")).isEqualTo("staff:lan");
    assertThat(log.get(1).getString("reason")).isEqualTo("taken_over");
    assertThat(log.get(2).getString("by")).isEqualTo("staff:minh");
    assertThat(app.counter("demo", "5", "close", minh).status()).isEqualTo(200);
  }

  @Test
  void aCloseEndsAPauseFirst() {
    app.counter("demo", "6", "open", lan);
    assertThat(app.api().post("/api/v1/offices/demo/counters/6/pause", "{\"reason\":\"hop\"}", "token", lan).status())
        .isEqualTo(200);
    assertThat(app.counter("demo", "6", "close", lan).status()).isEqualTo(200);
    assertThat(app.api().get("/api/v1/offices/demo/counters/6", "token", lan).json().getBoolean("paused")).isFalse();
    List<JsonObject> log = log("6");
    assertThat(log).extracting(e -> e.getString("act")).containsExactly("OPEN", "PAUSE", "RESUME", "CLOSE");
    assertThat(log.get(2).getString("reason")).isEqualTo("hop");
  }

  @Test
  void aRepeatedKeyReplaysAndParallelOpensLogOneOpen() throws Exception {
    Api.Response first = app.api().post("/api/v1/offices/demo/counters/7/open", null, "token", lan, "Idempotency-Key", "o-1");
    Api.Response again = app.api().post("/api/v1/offices/demo/counters/7/open", null, "token", lan, "Idempotency-Key", "o-1");
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    ApiErrors.assertError(app.api().post("/api/v1/offices/demo/counters/7/close", null, "token", lan,
        "Idempotency-Key", "o-1"), 409, "idempotency_key_reused");
    assertThat(app.counter("demo", "7", "close", lan).status()).isEqualTo(200);

    List<CompletableFuture<Api.Response>> presses = IntStream.range(0, 8)
        .mapToObj(i -> app.api().postAsync("/api/v1/offices/demo/counters/1/open", "", "token", minh)).toList();
    presses.forEach(p -> assertThat(p.join().status()).isEqualTo(200));
    assertThat(log("1")).extracting(e -> e.getString("act")).containsExactly("OPEN");
    assertThat(log("7")).extracting(e -> e.getString("act")).containsExactly("OPEN", "CLOSE");
  }

  @Test
  void onlyStaffOfTheOfficeMayOpenOrClose() {
    ApiErrors.assertError(app.api().post("/api/v1/offices/demo/counters/1/open", null), 401, "login_required");
    ApiErrors.assertError(app.counter("demo", "nope", "open", lan), 404, "counter_not_found");
    ApiErrors.assertError(app.counter("nope", "1", "close", lan), 404, "office_not_found");
  }

  private static List<JsonObject> log(String counter) {
    String uri = app.config().redisUri() != null ? app.config().redisUri() : app.server().embeddedRedis().uri();
    List<String> raw = RedisAdmin.sync(uri, c -> c.lrange(Keys.counterLog("demo", "20261123"), 0, -1));
    return raw.stream().map(JsonObject::new).filter(e -> counter.equals(e.getString("counter"))).toList();
  }
}
