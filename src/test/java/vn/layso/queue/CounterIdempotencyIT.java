package vn.layso.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.testing.RedisAdmin;
import vn.layso.store.redis.Keys;
import vn.layso.testing.Api;
import vn.layso.testing.TestApp;

/** A keypad's double press or a console's retry with the same Idempotency-Key never skips a citizen. */
class CounterIdempotencyIT {

  private static TestApp app;
  private static String lan;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start();
    lan = app.tokenFor("lan", "STAFF", "demo");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static Api.Response press(String counter, String action, String key) {
    return app.api().post("/api/v1/offices/demo/counters/" + counter + "/" + action, null,
        "token", lan, "Idempotency-Key", key);
  }

  private static String status(JsonObject ticket) {
    return app.api().get("/api/v1/tickets/" + ticket.getString("id")).json().getString("status");
  }

  @Test
  void aDoublePressCallsOneCitizenAndLeavesThemCalled() {
    JsonObject first = app.issue("demo", "chung-thuc");
    JsonObject second = app.issue("demo", "chung-thuc");

    Api.Response a = press("5", "call-next", "press-1");
    Api.Response b = press("5", "call-next", "press-1");

    assertThat(a.status()).isEqualTo(200);
    assertThat(b.status()).isEqualTo(200);
    assertThat(b.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(a.headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(b.json().getJsonObject("ticket").getString("number"))
        .isEqualTo(a.json().getJsonObject("ticket").getString("number"))
        .isEqualTo(first.getString("number"));
    assertThat(status(first)).as("the first citizen is still called, not done").isEqualTo("CALLED");
    assertThat(status(second)).isEqualTo("WAITING");

    Api.Response next = press("5", "call-next", "press-2");
    assertThat(next.json().getJsonObject("ticket").getString("number")).isEqualTo(second.getString("number"));
    assertThat(status(first)).as("called, never started: skipped by the next call").isEqualTo("NO_SHOW");
  }

  @Test
  void aRetriedPressSentManyTimesAtOnceActsOnce() throws Exception {
    JsonObject ticket = app.issue("demo", "dang-ky-kinh-doanh");
    app.issue("demo", "dang-ky-kinh-doanh");
    List<CompletableFuture<Api.Response>> sent = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      sent.add(app.api().postAsync("/api/v1/offices/demo/counters/6/call-next", "",
          "token", lan, "Idempotency-Key", "burst-key"));
    }
    long replays = 0;
    for (var f : sent) {
      Api.Response r = f.get(30, TimeUnit.SECONDS);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      assertThat(r.json().getJsonObject("ticket").getString("number")).isEqualTo(ticket.getString("number"));
      replays += r.headers().firstValue("Idempotent-Replayed").isPresent() ? 1 : 0;
    }
    assertThat(replays).isEqualTo(19);
    assertThat(status(ticket)).isEqualTo("CALLED");
  }

  @Test
  void everyCounterActionReplaysItsFirstAnswer() {
    JsonObject ticket = app.issue("demo", "ho-tich");
    assertThat(press("3", "call-next", "c1").status()).isEqualTo(200);
    assertThat(press("3", "recall", "r1").json().getJsonObject("ticket").getInteger("recalls")).isEqualTo(1);
    assertThat(press("3", "recall", "r1").json().getJsonObject("ticket").getInteger("recalls"))
        .as("a repeated recall key does not recall again").isEqualTo(1);
    assertThat(press("3", "start", "s1").json().getJsonObject("ticket").getString("status")).isEqualTo("SERVING");
    Api.Response startAgain = press("3", "start", "s1");
    assertThat(startAgain.status()).isEqualTo(200);
    assertThat(startAgain.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(press("3", "complete", "d1").json().getJsonObject("ticket").getString("status")).isEqualTo("DONE");
    assertThat(press("3", "complete", "d1").status()).as("replayed, not no_current_ticket").isEqualTo(200);
    assertThat(status(ticket)).isEqualTo("DONE");

    Api.Response refused = press("3", "recall", "nothing-here");
    assertThat(refused.code()).isEqualTo("no_current_ticket");
    app.issue("demo", "ho-tich");
    assertThat(press("3", "recall", "nothing-here").code()).as("a refusal is replayed as well").isEqualTo("no_current_ticket");
  }

  @Test
  void aKeyUsedForAnotherActionIsRefused() {
    app.issue("demo", "lao-dong");
    assertThat(press("7", "call-next", "same-key").status()).isEqualTo(200);
    Api.Response other = press("7", "no-show", "same-key");
    assertThat(other.status()).isEqualTo(409);
    assertThat(other.code()).isEqualTo("idempotency_key_reused");
  }

  @Test
  void keysBelongToTheirAccount() {
    String mai = app.tokenFor("mai", "STAFF", "demo");
    app.issue("demo", "xay-dung");
    app.issue("demo", "xay-dung");
    JsonObject byLan = press("2", "call-next", "shared-key").json().getJsonObject("ticket");
    Api.Response byMai = app.api().post("/api/v1/offices/demo/counters/2/call-next", null,
        "token", mai, "Idempotency-Key", "shared-key");
    assertThat(byMai.headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(byMai.json().getJsonObject("ticket").getString("number")).isNotEqualTo(byLan.getString("number"));
  }

  @Test
  void everyStepRecordsTheStaffAccountAndTheCounter() {
    JsonObject ticket = app.issue("demo", "dat-dai");
    String admin = app.adminToken();
    assertThat(app.counter("demo", "1", "call-next", lan).status()).isEqualTo(200);
    assertThat(app.counter("demo", "1", "recall", admin).status()).isEqualTo(200);
    assertThat(app.api().post("/api/v1/offices/demo/counters/1/transfer", "{\"service\":\"xay-dung\"}",
        "token", lan).status()).isEqualTo(200);

    JsonArray steps = storedTicket(ticket.getString("id")).getJsonArray("steps");
    assertThat(steps.stream().map(s -> ((JsonObject) s).getString("act")))
        .containsExactly("ISSUE", "CALL", "RECALL", "TRANSFER");
    assertThat(steps.getJsonObject(0).getString("by")).isEqualTo("public");
    assertThat(steps.getJsonObject(1).getString("by")).isEqualTo("staff:lan");
    assertThat(steps.getJsonObject(1).getString("counter")).isEqualTo("1");
    assertThat(steps.getJsonObject(2).getString("by")).isEqualTo("admin:admin");
    JsonObject transfer = steps.getJsonObject(3);
    assertThat(transfer.getString("by")).isEqualTo("staff:lan");
    assertThat(transfer.getString("from")).isEqualTo("dat-dai");
    assertThat(transfer.getString("service")).isEqualTo("xay-dung");
    assertThat(transfer.getLong("at")).isEqualTo(app.clock().millis());
  }

  /** The ticket's stored steps (its hash and steps list, read by TicketCodec) as objects with the old names. */
  private static JsonObject storedTicket(String id) {
    String uri = app.config().redisUri() != null ? app.config().redisUri() : app.server().embeddedRedis().uri();
    RedisClient client = RedisClient.create(uri);
    try (var connection = client.connect()) {
      JsonArray steps = new JsonArray();
      var ticket = vn.layso.store.redis.TicketCodec.fromHash("demo", id,
          connection.sync().hgetall(Keys.ticket("demo", id)), connection.sync().lrange(Keys.ticketSteps("demo", id), 0, -1));
      for (var step : ticket.steps()) {
        steps.add(new JsonObject().put("act", step.action()).put("at", step.at().toEpochMilli())
            .put("counter", step.counter()).put("service", step.service()).put("from", step.from()).put("by", step.by()));
      }
      return new JsonObject().put("steps", steps);
    } finally {
      RedisAdmin.shutdown(client);
    }
  }

}
