package vn.layso.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.LiveClient;
import vn.layso.testing.TestApp;

/** Each state-changing script pressed many times at once: exactly one press takes effect. */
class ScriptConcurrencyIT {

  private static final int PRESSES = 24;
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

  private static Map<Integer, Long> pressAtOnce(Function<Integer, CompletableFuture<Api.Response>> press)
      throws Exception {
    List<CompletableFuture<Api.Response>> all = new ArrayList<>();
    for (int i = 0; i < PRESSES; i++) {
      all.add(press.apply(i));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    List<Api.Response> answers = new ArrayList<>();
    for (var f : all) {
      answers.add(f.get());
    }
    return answers.stream().collect(Collectors.groupingBy(Api.Response::status, Collectors.counting()));
  }

  private static CompletableFuture<Api.Response> counterAsync(String counter, String action, String body) {
    return app.api().postAsync("/api/v1/offices/demo/counters/" + counter + "/" + action,
        body == null ? "" : body, "token", token);
  }

  @Test
  void manyCompletesOfOneTicketCompleteItOnce() throws Exception {
    app.issue("demo", "ho-tich");
    assertThat(app.counter("demo", "3", "call-next", token).status()).isEqualTo(200);
    try (LiveClient screen = new LiveClient(app.port(), "demo")) {
      long v = screen.next().getLong("version");
      Map<Integer, Long> statuses = pressAtOnce(i -> counterAsync("3", "complete", null));
      assertThat(statuses).containsEntry(200, 1L).containsEntry(409, (long) PRESSES - 1);
      JsonObject done = screen.await(m -> "ticket.done".equals(m.getString("type")));
      assertThat(done.getLong("version")).isEqualTo(v + 1);
    }
  }

  @Test
  void manyTransfersOfOneTicketMoveItOnce() throws Exception {
    JsonObject ticket = app.issue("demo", "dang-ky-kinh-doanh");
    assertThat(app.counter("demo", "6", "call-next", token).status()).isEqualTo(200);
    Map<Integer, Long> statuses = pressAtOnce(i -> counterAsync("6", "transfer", "{\"service\":\"lao-dong\"}"));
    assertThat(statuses).containsEntry(200, 1L).containsEntry(409, (long) PRESSES - 1);
    JsonObject moved = app.api().get("/api/v1/tickets/" + ticket.getString("id")).json();
    assertThat(moved.getString("service")).isEqualTo("lao-dong");
    assertThat(moved.getInteger("position")).isEqualTo(1);
    assertThat(app.counter("demo", "6", "call-next", token).json().getJsonObject("ticket").getString("id"))
        .as("queued once: called once, then the queue is empty").isEqualTo(ticket.getString("id"));
    assertThat(app.counter("demo", "6", "call-next", token).status()).isEqualTo(204);
  }

  @Test
  void manyPausesPauseOnceAndPublishOneEvent() throws Exception {
    try (LiveClient screen = new LiveClient(app.port(), "demo")) {
      long v = screen.next().getLong("version");
      Map<Integer, Long> statuses = pressAtOnce(i -> counterAsync("5", "pause", null));
      assertThat(statuses).containsOnlyKeys(200);
      assertThat(app.counter("demo", "5", "resume", token).json().getBoolean("paused")).isFalse();
      JsonObject paused = screen.next();
      JsonObject resumed = screen.next();
      assertThat(paused.getString("type")).isEqualTo("counter.paused");
      assertThat(paused.getLong("version")).isEqualTo(v + 1);
      assertThat(resumed.getString("type")).as("no second pause event").isEqualTo("counter.resumed");
      assertThat(resumed.getLong("version")).isEqualTo(v + 2);
    }
  }

  @Test
  void manyRecallsAreAllCounted() throws Exception {
    app.issue("demo", "chung-thuc");
    assertThat(app.counter("demo", "4", "call-next", token).status()).isEqualTo(200);
    Map<Integer, Long> statuses = pressAtOnce(i -> counterAsync("4", "recall", null));
    assertThat(statuses).containsOnlyKeys(200);
    JsonObject current = app.counter("demo", "4", "start", token).json().getJsonObject("ticket");
    assertThat(current.getInteger("recalls")).isEqualTo(PRESSES);
    assertThat(app.counter("demo", "4", "complete", token).status()).isEqualTo(200);
  }

  @Test
  void manyAccountsWithOneNameMakeOneAccount() throws Exception {
    Map<Integer, Long> statuses = pressAtOnce(i -> app.api().postAsync("/api/v1/admin/users",
        new JsonObject().put("username", "can-bo-trung").put("password", "mat-khau-so-" + i)
            .put("role", "STAFF").put("office", "demo").encode(), "token", token));
    assertThat(statuses).containsEntry(201, 1L).containsEntry(409, (long) PRESSES - 1);
    long accounts = app.api().get("/api/v1/admin/users", "token", token).array().stream()
        .filter(u -> "can-bo-trung".equals(((JsonObject) u).getString("username"))).count();
    assertThat(accounts).isEqualTo(1);
  }
}
