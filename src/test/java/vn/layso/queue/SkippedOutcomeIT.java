package vn.layso.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.layso.store.redis.Keys;
import vn.layso.testing.Api;
import vn.layso.testing.LiveClient;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;

/**
 * Call-next over a counter's unfinished ticket: a called citizen who never sat down is a no-show
 * ("skipped" by the next call, a SKIP step), never served; a ticket being served is completed; an
 * explicit "complete" from CALLED is the officer's word that the service happened. The day's
 * summary counts each as what it is.
 */
class SkippedOutcomeIT {

  private static final String DAY = "2026-11-23";
  /** The test clock starts on 2026-11-23 at 09:00 in Hà Nội; this is the next day at 00:05. */
  private static final Instant NEXT_DAY = Instant.parse("2026-11-23T17:05:00Z");

  private TestApp app;
  private String lan;

  @BeforeEach
  void start() throws Exception {
    app = TestApp.start();
    lan = app.tokenFor("lan", "STAFF", "demo");
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void callNextOverACalledTicketSkipsItAsANoShowAndOverAServedOneCompletesIt() throws Exception {
    String skipped = app.issue("demo", "ho-tich").getString("id");
    String served = app.issue("demo", "ho-tich").getString("id");
    String completedFromCalled = app.issue("demo", "ho-tich").getString("id");
    try (LiveClient live = new LiveClient(app.port(), "demo")) {
      live.next();
      assertThat(call(skipped).containsKey("skipped")).isFalse();
      app.clock().advance(Duration.ofMinutes(3));
      Instant skippedAt = app.clock().instant();

      // the citizen called first never came: the next call skips them
      JsonObject next = call(served);
      JsonObject skip = next.getJsonObject("skipped");
      assertThat(skip).as(next.encode()).isNotNull();
      assertThat(next.containsKey("completed")).isFalse();
      assertThat(skip.getString("id")).isEqualTo(skipped);
      assertThat(skip.getString("status")).isEqualTo("NO_SHOW");
      assertThat(skip.getString("endReason")).isEqualTo("skipped");
      // one event: the call, with the skipped ticket inside it
      JsonObject event = live.await(e -> "ticket.called".equals(e.getString("type")) && e.containsKey("closed"));
      assertThat(event.getString("closedAs")).isEqualTo("ticket.no_show");
      assertThat(event.getString("endReason")).isEqualTo("skipped");
      assertThat(event.getJsonObject("closed").getString("status")).isEqualTo("NO_SHOW");
      assertThat(event.getJsonObject("ticket").getString("status")).isEqualTo("CALLED");
      assertThat(event.getJsonObject("queue").getInteger("place")).isEqualTo(1);
      assertThat(event.encode()).as("lobby events never carry the ticket id").doesNotContain(skipped);

      JsonObject ticket = app.api().get("/api/v1/tickets/" + skipped).json();
      assertThat(ticket.getString("status")).isEqualTo("NO_SHOW");
      assertThat(ticket.getString("endReason")).isEqualTo("skipped");
      assertThat(OffsetDateTime.parse(ticket.getString("finishedAt")).toInstant()).isEqualTo(skippedAt);

      // the second one sat down: the next call completes it as served
      assertThat(app.counter("demo", "3", "start", lan).status()).isEqualTo(200);
      app.clock().advance(Duration.ofMinutes(10));
      next = call(completedFromCalled);
      assertThat(next.containsKey("skipped")).isFalse();
      assertThat(next.getJsonObject("completed").getString("id")).isEqualTo(served);
      assertThat(next.getJsonObject("completed").getString("status")).isEqualTo("DONE");
      JsonObject doneEvent = live.await(e -> "ticket.called".equals(e.getString("type"))
          && "ticket.done".equals(e.getString("closedAs")));
      assertThat(doneEvent.getJsonObject("closed").getString("status")).isEqualTo("DONE");
      assertThat(doneEvent.containsKey("endReason")).isFalse();

      // "Hoàn thành" straight from CALLED: the officer says the service happened
      Api.Response done = app.counter("demo", "3", "complete", lan);
      assertThat(done.json().getJsonObject("ticket").getString("status")).isEqualTo("DONE");
    }
    JsonObject view = app.api().get("/api/v1/offices/demo/counters/3", "token", lan).json();
    assertThat(view.getInteger("servedToday")).as("a skipped citizen is not served").isEqualTo(2);

    // the full record: ISSUE, CALL, SKIP by the staff member at counter 3
    JsonObject record = app.api().get("/api/v1/offices/demo/history/days/" + DAY + "/tickets", "token", lan).json()
        .getJsonArray("tickets").stream().map(JsonObject.class::cast)
        .filter(t -> skipped.equals(t.getString("id"))).findFirst().orElseThrow();
    JsonArray steps = record.getJsonArray("history");
    assertThat(steps.stream().map(s -> ((JsonObject) s).getString("action"))).containsExactly("ISSUE", "CALL", "SKIP");
    JsonObject skipStep = steps.getJsonObject(2);
    assertThat(skipStep.getString("by")).isEqualTo("staff:lan");
    assertThat(skipStep.getString("counter")).isEqualTo("3");

    // the day's summary, once closed: two served, one skipped (neither served nor a plain no-show),
    // counted to the counter and the account
    app.clock().set(NEXT_DAY);
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
      app.server().closePastDays().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
      return redis(c -> c.exists(Keys.openDays("demo"))) == 0;
    });
    String token = app.login("lan", "password-of-lan");
    JsonArray days = app.api().get("/api/v1/offices/demo/history/summaries?from=" + DAY + "&to=" + DAY, "token", token)
        .json().getJsonArray("days");
    assertThat(days).hasSize(1);
    JsonObject summary = days.getJsonObject(0);
    JsonObject tickets = summary.getJsonObject("tickets");
    assertThat(tickets.getInteger("issued")).isEqualTo(3);
    assertThat(tickets.getInteger("served")).isEqualTo(2);
    assertThat(tickets.getInteger("skipped")).isEqualTo(1);
    assertThat(tickets.getInteger("noShow")).isZero();
    assertThat(tickets.getInteger("expired")).isZero();
    for (JsonObject group : List.of(summary.getJsonObject("byCounter").getJsonObject("3"),
        summary.getJsonObject("byStaff").getJsonObject("staff:lan"), summary.getJsonObject("byField").getJsonObject("ho-tich"))) {
      assertThat(group.getInteger("served")).as(group.encode()).isEqualTo(2);
      assertThat(group.getInteger("skipped")).as(group.encode()).isEqualTo(1);
      assertThat(group.getInteger("noShow")).as(group.encode()).isZero();
      assertThat(group.getInteger("expired")).as(group.encode()).isZero();
    }
    // service times: the one started and completed, and the one completed straight from CALLED; none for the skip
    assertThat(summary.getJsonObject("service").getLong("count")).isEqualTo(2);
  }

  @Test
  void aSkipIsReplayedByItsIdempotencyKeyAndSkipsNobodyElse() {
    String first = app.issue("demo", "chung-thuc").getString("id");
    String second = app.issue("demo", "chung-thuc").getString("id");
    String third = app.issue("demo", "chung-thuc").getString("id");
    call("5", first);
    Api.Response press = app.api().post("/api/v1/offices/demo/counters/5/call-next", null, "token", lan,
        "Idempotency-Key", "skip-1");
    Api.Response again = app.api().post("/api/v1/offices/demo/counters/5/call-next", null, "token", lan,
        "Idempotency-Key", "skip-1");
    assertThat(again.body()).isEqualTo(press.body());
    assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(press.json().getJsonObject("ticket").getString("id")).isEqualTo(second);
    assertThat(press.json().getJsonObject("skipped").getString("id")).isEqualTo(first);
    assertThat(app.api().get("/api/v1/tickets/" + second).json().getString("status")).isEqualTo("CALLED");
    assertThat(app.api().get("/api/v1/tickets/" + third).json().getString("status")).isEqualTo("WAITING");
  }

  private JsonObject call(String expectedId) {
    return call("3", expectedId);
  }

  private JsonObject call(String counter, String expectedId) {
    Api.Response r = app.counter("demo", counter, "call-next", lan);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().getJsonObject("ticket").getString("id")).isEqualTo(expectedId);
    return r.json();
  }

  private <T> T redis(java.util.function.Function<io.lettuce.core.api.sync.RedisCommands<String, String>, T> op) {
    String uri = app.config().redisUri() != null ? app.config().redisUri() : app.server().embeddedRedis().uri();
    return RedisAdmin.sync(uri, op);
  }
}
