package vn.layso.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.store.redis.Keys;
import vn.layso.testing.Api;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;

/**
 * The demo office's balancing rules end to end: Quầy 5 (Chứng thực) backs up Hộ tịch (target 30
 * min); Quầy 4 serves Hộ tịch (weight 1) and Chứng thực (weight 2, target 15 min). Each call says
 * why, in the answer and in the ticket's history; completions keep the live service times.
 */
class CallReasonIT {

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

  @Test
  void aBackupCounterHelpsOnlyPastTheFieldsTargetAndSaysWhy() {
    JsonObject issued = app.issue("demo", "ho-tich");
    app.clock().advance(Duration.ofMinutes(29));
    assertThat(app.counter("demo", "5", "call-next", token).status()).as("within the target").isEqualTo(204);
    // the console of a backup counter sees the backup field's queue, marked as a backup
    JsonArray fields = app.api().get("/api/v1/offices/demo/counters/5", "token", token).json().getJsonArray("services");
    assertThat(fields.getJsonObject(0).getString("code")).isEqualTo("chung-thuc");
    assertThat(fields.getJsonObject(0).containsKey("backup")).isFalse();
    assertThat(fields.getJsonObject(1).getString("code")).isEqualTo("ho-tich");
    assertThat(fields.getJsonObject(1).getBoolean("backup")).isTrue();
    assertThat(fields.getJsonObject(1).getInteger("waiting")).isEqualTo(1);
    app.clock().advance(Duration.ofMinutes(1));
    Api.Response called = app.counter("demo", "5", "call-next", token);
    assertThat(called.status()).isEqualTo(200);
    assertThat(called.json().getJsonObject("ticket").getString("id")).isEqualTo(issued.getString("id"));
    JsonObject why = called.json().getJsonObject("why");
    assertThat(why.getString("rule")).isEqualTo("BACKUP_OVER_TARGET");
    assertThat(why.getInteger("waitedMinutes")).isEqualTo(30);
    assertThat(why.getInteger("targetMinutes")).isEqualTo(30);
    assertThat(why.getString("text"))
        .isEqualTo("Lĩnh vực dự phòng Hộ tịch đã chờ 30 phút, quá mục tiêu 30 phút: quầy này hỗ trợ.");
    assertThat(why.getString("textEn")).startsWith("Backup field Hộ tịch waited 30 min");

    // the history keeps it
    JsonObject step = callStep(issued.getString("id"));
    assertThat(step.getString("counter")).isEqualTo("5");
    assertThat(step.getJsonObject("why").getString("rule")).isEqualTo("BACKUP_OVER_TARGET");
    app.counter("demo", "5", "complete", token);
  }

  @Test
  void escalationTakesTheFieldPastItsTargetAndCompletionsKeepServiceTimes() {
    JsonObject civil = app.issue("demo", "ho-tich");
    app.clock().advance(Duration.ofMinutes(14));
    JsonObject copy = app.issue("demo", "chung-thuc");
    app.clock().advance(Duration.ofMinutes(15));
    // Hộ tịch waited 29 min (under 30) and would win on the weighted wait; Chứng thực waited 15 (its target)
    Api.Response first = app.counter("demo", "4", "call-next", token);
    assertThat(first.json().getJsonObject("ticket").getString("id")).isEqualTo(copy.getString("id"));
    assertThat(first.json().getJsonObject("why").getString("rule")).isEqualTo("OVER_TARGET");
    assertThat(first.json().getJsonObject("why").getInteger("candidates")).isEqualTo(2);

    // started, so that the next call completes it (a called ticket never started would be skipped)
    assertThat(app.counter("demo", "4", "start", token).status()).isEqualTo(200);
    app.clock().advance(Duration.ofMinutes(4));
    Api.Response second = app.counter("demo", "4", "call-next", token);
    assertThat(second.json().getJsonObject("ticket").getString("id")).isEqualTo(civil.getString("id"));
    assertThat(second.json().getJsonObject("why").getString("rule")).isEqualTo("ONLY_ONE");
    assertThat(second.json().getJsonObject("completed").getString("id")).isEqualTo(copy.getString("id"));

    // the counter's own statistics, in its hash: the first sample starts the mean
    Map<String, String> times = RedisAdmin.sync(app.server().embeddedRedis().uri(),
        c -> c.hgetall(Keys.counter("demo", "4")));
    assertThat(times).containsEntry("t:chung-thuc", "240000").containsEntry("n:chung-thuc", "1");
    // completing moves the mean by a tenth of the difference
    app.clock().advance(Duration.ofMinutes(14));
    assertThat(app.counter("demo", "4", "complete", token).status()).isEqualTo(200);
    times = RedisAdmin.sync(app.server().embeddedRedis().uri(), c -> c.hgetall(Keys.counter("demo", "4")));
    assertThat(times).containsEntry("t:ho-tich", Long.toString(14 * 60_000L)).containsEntry("n:ho-tich", "1")
        .containsEntry("t:chung-thuc", "240000");
    JsonObject again = app.issue("demo", "chung-thuc");
    assertThat(app.counter("demo", "4", "call-next", token).json().getJsonObject("ticket").getString("id"))
        .isEqualTo(again.getString("id"));
    app.clock().advance(Duration.ofMinutes(2));
    assertThat(app.counter("demo", "4", "complete", token).status()).isEqualTo(200);
    times = RedisAdmin.sync(app.server().embeddedRedis().uri(), c -> c.hgetall(Keys.counter("demo", "4")));
    // 240000 + 0.1 x (120000 - 240000)
    assertThat(times).containsEntry("t:chung-thuc", "228000").containsEntry("n:chung-thuc", "2");
    assertThat(callStep(civil.getString("id")).getJsonObject("why").getString("text"))
        .isEqualTo("Người duy nhất quầy này có thể phục vụ (Hộ tịch, đã chờ 33 phút).");
  }

  private static JsonObject callStep(String ticketId) {
    Api.Response day = app.api().get("/api/v1/offices/demo/history/days/2026-11-23/tickets?limit=200", "token",
        token);
    assertThat(day.status()).as(day.body()).isEqualTo(200);
    JsonArray tickets = day.json().getJsonArray("tickets");
    JsonObject ticket = tickets.stream().map(JsonObject.class::cast)
        .filter(t -> ticketId.equals(t.getString("id"))).findFirst().orElseThrow();
    return ticket.getJsonArray("history").stream().map(JsonObject.class::cast)
        .filter(s -> "CALL".equals(s.getString("action"))).reduce((a, b) -> b).orElseThrow();
  }

  @Test
  void aBrokenServiceTimeRecordNeverFailsNorHalfDoesACompletion() {
    String redis = app.server().embeddedRedis().uri();
    JsonObject first = app.issue("demo", "dat-dai");
    JsonObject second = app.issue("demo", "dat-dai");
    assertThat(app.counter("demo", "1", "call-next", token).status()).isEqualTo(200);
    RedisAdmin.sync(redis, c -> c.hset(Keys.counter("demo", "1"), Map.of("t:dat-dai", "not a number", "n:dat-dai", "41")));
    assertThat(app.counter("demo", "1", "start", token).status()).isEqualTo(200);
    app.clock().advance(Duration.ofMinutes(3));
    Api.Response next = app.counter("demo", "1", "call-next", token);
    assertThat(next.status()).as(next.body()).isEqualTo(200);
    assertThat(next.json().getJsonObject("completed").getString("id")).isEqualTo(first.getString("id"));
    assertThat(next.json().getJsonObject("ticket").getString("id")).isEqualTo(second.getString("id"));
    // the broken mean starts afresh from this completion, and so does its count
    Map<String, String> counter = RedisAdmin.sync(redis, c -> c.hgetall(Keys.counter("demo", "1")));
    assertThat(counter).containsEntry("t:dat-dai", "180000").containsEntry("n:dat-dai", "1");
    assertThat(app.counter("demo", "1", "complete", token).status()).isEqualTo(200);
  }
}
