package vn.layso.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.LiveClient;
import vn.layso.testing.TestApp;

/** The office's midnight closes the day: leftovers expire, counters start empty, exactly once. */
class DayRolloverIT {

  /** 07:30 the next morning in Hà Nội, for a clock that starts on Monday 23/11/2026 at 09:00 there. */
  private static final Instant NEXT_MORNING = Instant.parse("2026-11-24T00:30:00Z");

  private TestApp app;
  private String staff;

  @BeforeEach
  void start() throws Exception {
    app = TestApp.start();
    staff = app.tokenFor("lan", "STAFF", "demo");
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private JsonObject ticket(JsonObject t) {
    return app.api().get("/api/v1/tickets/" + t.getString("id")).json();
  }

  /** Closes the past days now; staff log in again, as their 12-hour tokens ended overnight. */
  private void closeDays() throws Exception {
    app.server().closePastDays().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    staff = app.login("lan", "password-of-lan");
  }

  private JsonObject issueWithKey(String service, String key) {
    Api.Response r = app.api().post("/api/v1/offices/demo/tickets", "{\"service\":\"" + service + "\"}",
        "Idempotency-Key", key);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  @Test
  void leftoversExpireCountersStartEmptyAndYesterdaysKeysAreForgotten() throws Exception {
    JsonObject called = app.issue("demo", "dat-dai");
    JsonObject serving = app.issue("demo", "ho-tich");
    JsonObject waiting = issueWithKey("dat-dai", "kiosk-press-1");
    JsonObject done = app.issue("demo", "chung-thuc");
    assertThat(app.counter("demo", "1", "call-next", staff).status()).isEqualTo(200);
    assertThat(app.counter("demo", "3", "call-next", staff).status()).isEqualTo(200);
    assertThat(app.counter("demo", "3", "start", staff).status()).isEqualTo(200);
    assertThat(app.counter("demo", "5", "call-next", staff).status()).isEqualTo(200);
    assertThat(app.counter("demo", "5", "complete", staff).status()).isEqualTo(200);

    try (LiveClient screen = new LiveClient(app.port(), "demo")) {
      screen.await(m -> "snapshot".equals(m.getString("type")));
      app.clock().set(NEXT_MORNING);
      closeDays();
      JsonObject closedEvent = screen.await(m -> "day.closed".equals(m.getString("type")));
      assertThat(closedEvent.getString("date")).isEqualTo("20261123");
      assertThat(closedEvent.getInteger("expired")).isEqualTo(3);
    }

    for (JsonObject t : new JsonObject[] {called, serving, waiting}) {
      JsonObject now = ticket(t);
      assertThat(now.getString("status")).as(t.getString("number")).isEqualTo("EXPIRED");
      assertThat(now.getString("endReason")).isEqualTo("day_closed");
      assertThat(now.containsKey("position")).isFalse();
    }
    assertThat(ticket(done).getString("status")).isEqualTo("DONE");

    Api.Response firstPress = app.counter("demo", "1", "call-next", staff);
    assertThat(firstPress.status()).as("nothing waits today, and yesterday's ticket is not 'completed'").isEqualTo(204);
    assertThat(ticket(called).getString("status")).isEqualTo("EXPIRED");
    assertThat(app.counter("demo", "3", "complete", staff).code()).isEqualTo("no_current_ticket");

    JsonObject today = issueWithKey("dat-dai", "kiosk-press-1");
    assertThat(today.getString("id")).as("yesterday's key never returns yesterday's ticket").isNotEqualTo(waiting.getString("id"));
    assertThat(today.getString("number")).isEqualTo("A001");
    assertThat(today.getString("serviceDate")).isEqualTo("2026-11-24");

    try (LiveClient screen = new LiveClient(app.port(), "demo")) {
      JsonObject snapshot = screen.await(m -> "snapshot".equals(m.getString("type")));
      assertThat(snapshot.getJsonArray("recentCalls")).as("recent calls are per day").isEmpty();
      for (Object c : snapshot.getJsonArray("counters")) {
        assertThat(((JsonObject) c).getValue("current")).isNull();
      }
    }
  }

  @Test
  void aCountersPriorityStreakStartsAgainWithTheDay() throws Exception {
    String device = app.tokenFor("kiosk", "DEVICE", "demo");
    for (int i = 0; i < 3; i++) {
      assertThat(app.api().post("/api/v1/offices/demo/tickets",
          "{\"service\":\"chung-thuc\",\"priority\":\"nguoi-cao-tuoi\"}", "token", device).status()).isEqualTo(201);
      assertThat(app.counter("demo", "5", "call-next", staff).status()).isEqualTo(200);
    }
    app.clock().set(NEXT_MORNING);
    closeDays();
    app.issue("demo", "chung-thuc");
    JsonObject priority = app.api().post("/api/v1/offices/demo/tickets",
        "{\"service\":\"chung-thuc\",\"priority\":\"nguoi-cao-tuoi\"}", "token", device).json();
    JsonObject first = app.counter("demo", "5", "call-next", staff).json().getJsonObject("ticket");
    assertThat(first.getString("number")).as("yesterday's three priority calls do not make a normal ticket jump")
        .isEqualTo(priority.getString("number"));
  }

  @Test
  void twoServersCloseTheDayOnce() throws Exception {
    for (int i = 0; i < 30; i++) {
      app.issue("demo", i % 2 == 0 ? "ho-tich" : "dat-dai");
    }
    try (TestApp sibling = app.sibling(); LiveClient screen = new LiveClient(app.port(), "demo")) {
      screen.await(m -> "snapshot".equals(m.getString("type")));
      app.clock().set(NEXT_MORNING);
      CompletableFuture<Void> a = app.server().closePastDays().toCompletionStage().toCompletableFuture();
      CompletableFuture<Void> b = sibling.server().closePastDays().toCompletionStage().toCompletableFuture();
      CompletableFuture.allOf(a, b).get(30, TimeUnit.SECONDS);
      JsonObject closed = screen.await(m -> "day.closed".equals(m.getString("type")));
      assertThat(closed.getInteger("expired")).isEqualTo(30);
      app.issue("demo", "ho-tich");
      JsonObject next = screen.await(m -> "ticket.issued".equals(m.getString("type")) || "day.closed".equals(m.getString("type")));
      assertThat(next.getString("type")).as("a second day.closed would come before this event").isEqualTo("ticket.issued");
    }
  }

  @Test
  void aServerStartedAfterAMissedMidnightClosesThatDay() throws Exception {
    JsonObject waiting = app.issue("demo", "lao-dong");
    app.clock().set(NEXT_MORNING.plus(Duration.ofDays(2)));
    app.restart();
    JsonObject now = ticket(waiting);
    assertThat(now.getString("status")).isEqualTo("EXPIRED");
    assertThat(now.getString("endReason")).isEqualTo("day_closed");
    JsonArray snapshotCounters = new JsonArray();
    try (LiveClient screen = new LiveClient(app.port(), "demo")) {
      snapshotCounters = screen.await(m -> "snapshot".equals(m.getString("type"))).getJsonArray("counters");
    }
    assertThat(snapshotCounters).isNotEmpty();
  }
}
