package vn.layso.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.TestApp;
import vn.layso.testing.TestOffices;

/** issue_ticket.lua and ticket_view.lua against real Redis, through the HTTP API. */
class IssueTicketIT {

  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    JsonObject tiny = TestOffices.uniform("tiny", 1, List.of("a"), 3);
    tiny.getJsonArray("services").getJsonObject(0).put("numberEnd", 3);
    JsonObject rush = TestOffices.uniform("rush", 2, List.of("a"), 3);
    JsonObject midnight = TestOffices.uniform("midnight", 1, List.of("a"), 3);
    app = TestApp.start(env -> env.put("OFFICES_FILE", uncheck(() -> TestOffices.write(tiny, rush, midnight)).toString()));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void numbersArePerServiceAndPositionsCountThoseAhead() {
    JsonObject a1 = app.issue("demo", "chung-thuc");
    JsonObject a2 = app.issue("demo", "chung-thuc");
    JsonObject b1 = app.issue("demo", "xay-dung");
    assertThat(a1.getString("number")).isEqualTo("C001");
    assertThat(a2.getString("number")).isEqualTo("C002");
    assertThat(b1.getString("number")).isEqualTo("E001");
    assertThat(a1.getInteger("position")).isEqualTo(1);
    assertThat(a2.getInteger("position")).isEqualTo(2);
    assertThat(a2.getString("status")).isEqualTo("WAITING");
    // two counters serve chung-thuc at 5 minutes each, nobody has called yet (both counted busy):
    // two completions at 2 x 1/5 min, Gamma(2, 2.5 min): median 4.2 minutes, p90 9.7 (PredictionIT)
    assertThat(a2.getInteger("estimatedWaitMinutes")).isEqualTo(5);
    assertThat(a2.getJsonObject("estimatedWait")).isEqualTo(new JsonObject().put("p50Minutes", 5)
        .put("p90Minutes", 10).put("ahead", 1));
    assertThat(a1.getString("issuedAt")).endsWith("+07:00");

    Api.Response view = app.api().get("/api/v1/tickets/" + a2.getString("id"));
    assertThat(view.status()).isEqualTo(200);
    assertThat(view.json().getString("number")).isEqualTo("C002");
    assertThat(view.json().getInteger("position")).isEqualTo(2);
  }

  @Test
  void priorityTicketsAreAheadOfNormalOnesInPosition() {
    app.issue("demo", "lao-dong");
    Api.Response p = app.api().post("/api/v1/offices/demo/tickets",
        new JsonObject().put("service", "lao-dong").put("priority", "nguoi-khuyet-tat").encode(),
        "token", app.tokenFor("kiosk-demo", "DEVICE", "demo"));
    assertThat(p.status()).isEqualTo(201);
    assertThat(p.json().getString("priority")).isEqualTo("nguoi-khuyet-tat");
    assertThat(p.json().getInteger("position")).isEqualTo(1);
    JsonObject later = app.issue("demo", "lao-dong");
    assertThat(later.getInteger("position")).isEqualTo(3);
  }

  @Test
  void aServiceRunsOutOfNumbersWithAClearConflict() {
    for (int i = 1; i <= 3; i++) {
      assertThat(app.issue("tiny", "a").getString("number")).isEqualTo("A00" + i);
    }
    Api.Response fourth = app.api().post("/api/v1/offices/tiny/tickets", "{\"service\":\"a\"}");
    assertThat(fourth.status()).isEqualTo(409);
    assertThat(fourth.code()).isEqualTo("numbers_exhausted");
  }

  @Test
  void hundredsOfParallelIssuesGetConsecutiveUniqueNumbers() throws Exception {
    List<CompletableFuture<Api.Response>> all = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      all.add(app.api().postAsync("/api/v1/offices/rush/tickets", "{\"service\":\"a\"}"));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    List<String> numbers = new ArrayList<>();
    for (var f : all) {
      assertThat(f.get().status()).isEqualTo(201);
      numbers.add(f.get().json().getString("number"));
    }
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= 400; i++) {
      expected.add(String.format("A%04d", i));
    }
    assertThat(numbers).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void numberingStartsAgainAtMidnightInHanoiAndYesterdaysQueueIsNotCalledToday() {
    Instant saved = app.clock().instant();
    try {
      app.clock().set(Instant.parse("2026-11-24T16:59:00Z"));
      JsonObject late = app.issue("midnight", "a");
      JsonObject later = app.issue("midnight", "a");
      assertThat(later.getString("number")).isEqualTo("A0002");
      assertThat(late.getString("serviceDate")).isEqualTo("2026-11-24");

      app.clock().advance(Duration.ofMinutes(2));
      JsonObject morning = app.issue("midnight", "a");
      assertThat(morning.getString("number")).isEqualTo("A0001");
      assertThat(morning.getString("serviceDate")).isEqualTo("2026-11-25");
      assertThat(morning.getInteger("position")).isEqualTo(1);

      String token = app.adminToken();
      Api.Response called = app.counter("midnight", "1", "call-next", token);
      assertThat(called.json().getJsonObject("ticket").getString("id")).isEqualTo(morning.getString("id"));
      assertThat(app.counter("midnight", "1", "complete", token).status()).isEqualTo(200);
      assertThat(app.counter("midnight", "1", "call-next", token).status()).isEqualTo(204);
    } finally {
      app.clock().set(saved);
    }
  }

  @Test
  void unknownTicketsAreNotFound() {
    assertThat(app.api().get("/api/v1/tickets/demo.0000000000zz").status()).isEqualTo(404);
    Api.Response malformed = app.api().get("/api/v1/tickets/not-a-ticket");
    assertThat(malformed.status()).isEqualTo(404);
    assertThat(malformed.code()).isEqualTo("ticket_not_found");
  }

  interface Io<T> {
    T get() throws Exception;
  }

  static <T> T uncheck(Io<T> io) {
    try {
      return io.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
