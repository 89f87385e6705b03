package vn.layso.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.store.redis.Keys;
import vn.layso.testing.Api;
import vn.layso.testing.LiveClient;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;

/** What the counter console reads (GET .../counters/{counter}) and the pause reason, on real Redis. */
class CounterConsoleApiIT {

  private static TestApp app;
  private static String token;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start();
    token = app.adminToken();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static JsonObject view(String counter, String bearer) {
    Api.Response r = app.api().get("/api/v1/offices/demo/counters/" + counter, "token", bearer);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static Api.Response pause(String counter, String body) {
    return app.api().post("/api/v1/offices/demo/counters/" + counter + "/pause", body, "token", token);
  }

  @Test
  void theViewShowsTheCurrentTicketInFullWaitingPerFieldAndServedToday() {
    String staff = app.tokenFor("canbo-quay4", "STAFF", "demo");
    JsonObject empty = view("4", staff);
    assertThat(empty.getString("name")).isEqualTo("Quầy 4");
    assertThat(empty.getValue("current")).isNull();
    assertThat(empty.getInteger("servedToday")).isZero();
    assertThat(empty.getBoolean("paused")).isFalse();
    assertThat(empty.getJsonArray("services").stream().map(s -> ((JsonObject) s).getString("code")))
        .containsExactly("ho-tich", "chung-thuc");

    Api.Response priority = app.api().post("/api/v1/offices/demo/tickets",
        "{\"service\":\"chung-thuc\",\"priority\":\"nguoi-cao-tuoi\"}", "token", staff);
    assertThat(priority.status()).isEqualTo(201);
    app.issue("demo", "chung-thuc");
    app.issue("demo", "ho-tich");
    JsonObject before = view("4", staff);
    JsonObject chungThuc = before.getJsonArray("services").getJsonObject(1);
    assertThat(chungThuc.getString("name")).isEqualTo("Chứng thực");
    assertThat(chungThuc.getInteger("waiting")).isEqualTo(2);
    assertThat(chungThuc.getInteger("priorityWaiting")).isEqualTo(1);

    assertThat(app.counter("demo", "4", "call-next", staff).status()).isEqualTo(200);
    JsonObject current = view("4", staff).getJsonObject("current");
    assertThat(current.getString("id")).isEqualTo(priority.json().getString("id"));
    assertThat(current.getString("priority")).isEqualTo("nguoi-cao-tuoi");
    assertThat(current.getString("status")).isEqualTo("CALLED");
    assertThat(current.getString("calledAt")).isNotNull();

    assertThat(app.counter("demo", "4", "complete", staff).status()).isEqualTo(200);
    assertThat(app.counter("demo", "4", "call-next", staff).status()).isEqualTo(200);
    assertThat(app.counter("demo", "4", "start", staff).status()).isEqualTo(200);
    // call-next completes the ticket being served first: that counts as served too
    assertThat(app.counter("demo", "4", "call-next", staff).status()).isEqualTo(200);
    assertThat(app.counter("demo", "4", "no-show", staff).status()).isEqualTo(200);
    JsonObject after = view("4", staff);
    assertThat(after.getInteger("servedToday")).isEqualTo(2);
    assertThat(after.getValue("current")).isNull();
    assertThat(after.getJsonArray("services").getJsonObject(0).getInteger("waiting")).isZero();
  }

  @Test
  void onlyStaffOfTheOfficeMayReadIt() {
    assertThat(app.api().get("/api/v1/offices/demo/counters/1").status()).isEqualTo(401);
    String kiosk = app.tokenFor("kiosk-console-it", "DEVICE", "demo");
    assertThat(app.api().get("/api/v1/offices/demo/counters/1", "token", kiosk).status()).isEqualTo(403);
    Api.Response unknown = app.api().get("/api/v1/offices/demo/counters/99", "token", token);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.code()).isEqualTo("counter_not_found");
  }

  @Test
  void theServedCountIsExactUnderConcurrentCompletes() throws Exception {
    int rounds = 15;
    for (int i = 0; i < rounds * 2; i++) {
      app.issue("demo", i % 2 == 0 ? "dang-ky-kinh-doanh" : "lao-dong");
    }
    int done = 0;
    for (int round = 0; round < rounds; round++) {
      List<CompletableFuture<Api.Response>> presses = new ArrayList<>();
      for (String counter : new String[] {"6", "7"}) {
        assertThat(app.counter("demo", counter, "call-next", token).status()).isEqualTo(200);
      }
      // four presses per counter at once (a keypad bounce, a second tab): one completes, the rest get 409
      for (int p = 0; p < 4; p++) {
        for (String counter : new String[] {"6", "7"}) {
          presses.add(app.api().postAsync("/api/v1/offices/demo/counters/" + counter + "/complete", "",
              "token", token));
        }
      }
      CompletableFuture.allOf(presses.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
      for (var press : presses) {
        if (press.get().status() == 200) {
          done++;
        } else {
          assertThat(press.get().code()).isEqualTo("no_current_ticket");
        }
      }
    }
    assertThat(done).isEqualTo(rounds * 2);
    assertThat(view("6", token).getInteger("servedToday") + view("7", token).getInteger("servedToday"))
        .isEqualTo(rounds * 2);
    assertThat(view("6", token).getInteger("servedToday")).isEqualTo(rounds);
    assertThat((long) redis(c -> c.ttl(Keys.servedCounts("demo", "20261123")))).as("a day key lives as long as the history")
        .isGreaterThan(300L * 86400);
  }

  @Test
  void aPauseKeepsItsReasonAndNoteUntilResumeAndThePublicEventCarriesNoNote() throws Exception {
    try (LiveClient live = new LiveClient(app.port(), "demo")) {
      live.next();
      Api.Response paused = pause("5", "{\"reason\":\"khac\",\"note\":\"Ra kho lấy hồ sơ\"}");
      assertThat(paused.status()).as(paused.body()).isEqualTo(200);
      assertThat(paused.json().getJsonObject("pause").getString("reason")).isEqualTo("khac");
      assertThat(paused.json().getJsonObject("pause").getString("note")).isEqualTo("Ra kho lấy hồ sơ");

      JsonObject state = view("5", token);
      assertThat(state.getBoolean("paused")).isTrue();
      assertThat(state.getJsonObject("pause").getString("reason")).isEqualTo("khac");
      assertThat(state.getJsonObject("pause").getString("note")).isEqualTo("Ra kho lấy hồ sơ");
      assertThat(state.getJsonObject("pause").getString("since")).startsWith("2026-11-23T09:00");
      assertThat(state.getJsonObject("pause").getString("by")).isEqualTo("admin:admin");

      JsonObject event = live.await(e -> "counter.paused".equals(e.getString("type")));
      assertThat(event.getString("reason")).isEqualTo("khac");
      assertThat(event.encode()).doesNotContain("Ra kho");

      assertThat(app.counter("demo", "5", "call-next", token).code()).isEqualTo("counter_paused");
      assertThat(app.counter("demo", "5", "resume", token).json().getBoolean("paused")).isFalse();
      JsonObject resumed = view("5", token);
      assertThat(resumed.getBoolean("paused")).isFalse();
      assertThat(resumed.containsKey("pause")).isFalse();
    }
    // a pause without a body still works, without a reason
    Api.Response bare = app.counter("demo", "5", "pause", token);
    assertThat(bare.json().getJsonObject("pause").getValue("reason")).isNull();
    assertThat(app.counter("demo", "5", "resume", token).status()).isEqualTo(200);
    // both presses and their reasons are in the day's counter log
    String logKey = Keys.counterLog("demo", "20261123");
    List<String> log = redis(c -> c.lrange(logKey, 0, -1));
    assertThat((long) redis(c -> c.ttl(logKey))).as("a day key lives as long as the history").isGreaterThan(300L * 86400);
    assertThat(log).anySatisfy(entry -> assertThat(new JsonObject(entry).getString("note")).isEqualTo("Ra kho lấy hồ sơ"));
    assertThat(log.stream().map(e -> new JsonObject(e).getString("act"))).containsSubsequence("PAUSE", "RESUME", "PAUSE", "RESUME");
  }

  private static <T> T redis(java.util.function.Function<io.lettuce.core.api.sync.RedisCommands<String, String>, T> op) {
    String uri = app.config().redisUri() != null ? app.config().redisUri() : app.server().embeddedRedis().uri();
    return RedisAdmin.sync(uri, op);
  }

  @Test
  void badPauseReasonsAreRefusedWithAHumanMessage() {
    Api.Response unknown = pause("1", "{\"reason\":\"an-trua\"}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.code()).isEqualTo("unknown_pause_reason");
    assertThat(unknown.json().getString("message")).contains("an-trua", "nghi-giai-lao");
    Api.Response noteAlone = pause("1", "{\"note\":\"đi họp\"}");
    assertThat(noteAlone.status()).isEqualTo(400);
    assertThat(noteAlone.code()).isEqualTo("field_required");
    Api.Response longNote = pause("1", new JsonObject().put("reason", "khac").put("note", "x".repeat(101)).encode());
    assertThat(longNote.code()).isEqualTo("field_too_long");
    assertThat(view("1", token).getBoolean("paused")).isFalse();
  }
}
